package io.dinechat.billing.application;

/** A dashboard request billing cannot honour as asked (unknown plan, already subscribed); answered 4xx. */
public class BillingRefusedException extends RuntimeException {

    /** {@code invalid-plan} (422) or {@code already-subscribed} (409). */
    private final String reason;

    public BillingRefusedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
