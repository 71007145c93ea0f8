package io.dinechat.conversation.understanding;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The details a guest gave in a turn; any of them may be null (not said). A conversation keeps the
 * merge of its turns' slots, so "tomorrow" then "8pm" then "for 4" add up to one request.
 *
 * @param items         order lines matched to the catalog; empty, never null
 * @param bookingReference a reservation or order reference like {@code R-7K3P}
 * @param branchHint    a branch name or area the guest mentioned, as written (the policy resolves it)
 * @param freeText      anything worth passing on as a special request ("birthday", "window table")
 */
public record Slots(LocalDate date, LocalTime time, Integer partySize, String name, List<OrderLine> items,
        Fulfilment fulfilment, String address, String bookingReference, String branchHint, String freeText) {

    private static final Slots NONE = new Slots(null, null, null, null, List.of(), null, null, null, null, null);

    public Slots {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Nothing said. */
    public static Slots none() {
        return NONE;
    }

    /** The newer turn's values win where it gave one; items of the newer turn replace older items only when present. */
    public Slots merge(Slots newer) {
        if (newer == null) {
            return this;
        }
        return new Slots(pick(newer.date, date), pick(newer.time, time), pick(newer.partySize, partySize),
                pick(newer.name, name), newer.items.isEmpty() ? items : newer.items, pick(newer.fulfilment, fulfilment),
                pick(newer.address, address), pick(newer.bookingReference, bookingReference),
                pick(newer.branchHint, branchHint), pick(newer.freeText, freeText));
    }

    /** True when no slot is filled. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    public Slots withDate(LocalDate value) {
        return new Slots(value, time, partySize, name, items, fulfilment, address, bookingReference, branchHint, freeText);
    }

    public Slots withTime(LocalTime value) {
        return new Slots(date, value, partySize, name, items, fulfilment, address, bookingReference, branchHint, freeText);
    }

    public Slots withPartySize(Integer value) {
        return new Slots(date, time, value, name, items, fulfilment, address, bookingReference, branchHint, freeText);
    }

    public Slots withName(String value) {
        return new Slots(date, time, partySize, value, items, fulfilment, address, bookingReference, branchHint, freeText);
    }

    public Slots withItems(List<OrderLine> value) {
        return new Slots(date, time, partySize, name, value, fulfilment, address, bookingReference, branchHint, freeText);
    }

    public Slots withFulfilment(Fulfilment value) {
        return new Slots(date, time, partySize, name, items, value, address, bookingReference, branchHint, freeText);
    }

    public Slots withAddress(String value) {
        return new Slots(date, time, partySize, name, items, fulfilment, value, bookingReference, branchHint, freeText);
    }

    public Slots withBookingReference(String value) {
        return new Slots(date, time, partySize, name, items, fulfilment, address, value, branchHint, freeText);
    }

    public Slots withBranchHint(String value) {
        return new Slots(date, time, partySize, name, items, fulfilment, address, bookingReference, value, freeText);
    }

    public Slots withFreeText(String value) {
        return new Slots(date, time, partySize, name, items, fulfilment, address, bookingReference, branchHint, value);
    }

    private static <T> T pick(T newer, T older) {
        return newer != null ? newer : older;
    }
}
