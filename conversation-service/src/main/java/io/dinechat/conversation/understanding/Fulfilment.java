package io.dinechat.conversation.understanding;

/** How an order reaches the guest. */
public enum Fulfilment {
    TAKEAWAY, DELIVERY, ON_SITE
}
