package io.dinechat.conversation.understanding;

/** What the guest wants from this turn; the dialog policy decides what to do with it. */
public enum Intent {
    /** Book a table. */
    BOOK,
    /** Change an existing booking (time, date, party size). */
    MODIFY_BOOKING,
    /** Cancel an existing booking. */
    CANCEL_BOOKING,
    /** Ask whether there is a table at some date/time, without committing yet. */
    AVAILABILITY,
    /** Ask about dishes, ingredients, allergens, what is on the menu. */
    MENU_QUESTION,
    /** Ask how much something costs. */
    PRICE,
    /** Ask about opening hours. */
    HOURS,
    /** Ask about delivery, refund, cancellation or other house rules. */
    POLICIES,
    /** Order food (takeaway, delivery or on site). */
    ORDER,
    /** Ask where an order is. */
    ORDER_STATUS,
    /** Ask for a person. */
    HUMAN,
    GREETING,
    THANKS,
    /** Yes / ok / confirm, typically answering a summary. */
    CONFIRM,
    /** No / cancel that, typically answering a summary or an offered alternative. */
    DENY,
    /** Nothing recognised. */
    OTHER
}
