package io.dinechat.reservation.web;

/** A request the dashboard should not have sent; answered 400 with this message. */
class InvalidRequest extends RuntimeException {

    InvalidRequest(String message) {
        super(message, null, false, false);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidRequest(message);
        }
    }
}
