package io.dinechat.order.ordering.domain;

import java.util.UUID;

/**
 * Why an order cannot be taken, in words the assistant can explain: a machine-readable code, the
 * item it is about (if any) and a sentence for staff and logs.
 */
public record Rejection(Code code, UUID itemId, String message) {

    public enum Code {
        ITEM_NOT_FOUND, ITEM_UNAVAILABLE, INVALID_OPTIONS, BELOW_MINIMUM, DELIVERY_NOT_OFFERED,
        FULFILMENT_NOT_OFFERED, OUT_OF_RADIUS, BRANCH_CLOSED, SCHEDULING_NOT_ALLOWED, INVALID
    }

    public static Rejection of(Code code, String message) {
        return new Rejection(code, null, message);
    }
}
