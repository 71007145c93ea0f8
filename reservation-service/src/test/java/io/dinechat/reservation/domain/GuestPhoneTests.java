package io.dinechat.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GuestPhoneTests {

    @Test
    void theSameNumberWrittenDifferentlyIsTheSameOwnerAndNoNumberOwnsNothing() {
        assertThat(GuestPhone.sameOwner("96170123456", "+961 70 123 456")).isTrue();
        assertThat(GuestPhone.sameOwner("96170123456", "96170123457")).isFalse();
        // a staff booking without a number can never be changed from WhatsApp
        assertThat(GuestPhone.sameOwner(null, "96170123456")).isFalse();
        assertThat(GuestPhone.sameOwner("", "")).isFalse();
    }
}
