package io.dinechat.reservation;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import io.dinechat.testing.ServiceTestEnvironment;
import java.time.Clock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service against the shared embedded Kafka and its own PostgreSQL database (migrated as
 * reservation_owner, run as reservation_app), with a clock the tests move. Test classes extend
 * this so they share one application context instead of starting one each.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        // Background loops stay off: tests drive reminders and retention with the clock.
        "dinechat.reservations.reminders.enabled=false",
        "dinechat.reservations.retention.enabled=false",
        // A short open state so the recovery of a provider is observable in a test.
        "dinechat.reservations.provider.open-for=2s"})
@AutoConfigureWebTestClient
@Import(ReservationServiceContext.TestClock.class)
abstract class ReservationServiceContext {

    static final MutableClock CLOCK = new MutableClock();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestEnvironment.kafkaAndPostgres(registry, "reservation");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {

        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }
}
