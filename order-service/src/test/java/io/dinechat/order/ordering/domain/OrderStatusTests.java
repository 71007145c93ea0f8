package io.dinechat.order.ordering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The board's state machine, every pair of statuses. */
class OrderStatusTests {

    private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = Map.of(
            OrderStatus.PENDING, EnumSet.of(OrderStatus.ACCEPTED, OrderStatus.CANCELLED),
            OrderStatus.ACCEPTED, EnumSet.of(OrderStatus.PREPARING, OrderStatus.CANCELLED),
            OrderStatus.PREPARING, EnumSet.of(OrderStatus.READY, OrderStatus.CANCELLED),
            OrderStatus.READY, EnumSet.of(OrderStatus.COMPLETED, OrderStatus.CANCELLED),
            OrderStatus.COMPLETED, EnumSet.noneOf(OrderStatus.class),
            OrderStatus.CANCELLED, EnumSet.noneOf(OrderStatus.class));

    @Test
    void ordersMoveForwardOneStepAtATimeAndCanBeCancelledUntilHandedOver() {
        // given every (from, to) pair
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                // when / then
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void completedAndCancelledAreFinalAndStatusesReadTheirWireNames() {
        // given / when / then
        assertThat(OrderStatus.COMPLETED.closed()).isTrue();
        assertThat(OrderStatus.CANCELLED.closed()).isTrue();
        assertThat(OrderStatus.READY.closed()).isFalse();
        for (OrderStatus s : OrderStatus.values()) {
            assertThat(OrderStatus.fromWire(s.wire())).isEqualTo(s);
        }
        assertThat(StatusMessages.text("arabizi", "A-1001", OrderStatus.READY, null)).isEqualTo("Talabak A-1001 jehez.");
        assertThat(StatusMessages.text("klingon", "A-1001", OrderStatus.ACCEPTED, null))
                .isEqualTo("Your order A-1001 has been accepted.");
        assertThat(StatusMessages.text("english", "A-7", OrderStatus.CANCELLED, "Out of dough"))
                .isEqualTo("Your order A-7 has been cancelled. Reason: Out of dough");
    }
}
