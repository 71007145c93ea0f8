package io.dinechat.order.ordering.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where an order is on the kitchen's board. It moves forward one step at a time; it may be
 * cancelled (with a reason) until it is handed over; completed and cancelled are final.
 */
public enum OrderStatus {
    PENDING, ACCEPTED, PREPARING, READY, COMPLETED, CANCELLED;

    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(ACCEPTED, CANCELLED);
            case ACCEPTED -> EnumSet.of(PREPARING, CANCELLED);
            case PREPARING -> EnumSet.of(READY, CANCELLED);
            // A ready order nobody collects can still be called off.
            case READY -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus to) {
        return next().contains(to);
    }

    public boolean closed() {
        return this == COMPLETED || this == CANCELLED;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OrderStatus fromWire(String value) {
        for (OrderStatus s : values()) {
            if (s.wire().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown order status " + value);
    }
}
