package io.dinechat.conversation.dialog;

import io.dinechat.conversation.dialog.DialogState.Booking;
import io.dinechat.conversation.dialog.DialogState.Slot;
import io.dinechat.conversation.dialog.DialogState.Stage;
import io.dinechat.conversation.dialog.DialogState.Task;
import io.dinechat.conversation.understanding.CatalogFacts;
import io.dinechat.conversation.understanding.Fulfilment;
import io.dinechat.conversation.understanding.Intent;
import io.dinechat.conversation.understanding.OrderLine;
import io.dinechat.conversation.understanding.Slots;
import io.dinechat.conversation.understanding.Understanding;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The assistant's rules, the same whatever engine understood the guest: ask missing details one at a
 * time, offer the nearest bookable times, show a validated summary with buttons and commit nothing
 * before the guest confirms it, answer facts only from the catalog, hand over to a person when asked
 * or stuck. Pure: state in, decision out; the application persists and executes the decision.
 */
public final class DialogPolicy {

    /** A command unanswered this long means the other service is down: a person takes over. */
    static final Duration DEPENDENCY_PATIENCE = Duration.ofMinutes(2);
    static final int UNRESOLVED_BEFORE_ESCALATION = 2;
    static final int MAX_PARTY = 50;
    static final int ALTERNATIVES = 3;

    /**
     * One guest turn.
     *
     * @param text        the guest's words (coalesced), for bare answers like a name or an address
     * @param buttonId    the id of a tapped reply button or list row, or null
     * @param contactName the name on the guest's WhatsApp profile, the default booking name
     * @param branchId    the branch already known for this conversation, or null
     * @param now         the business's local time
     */
    public record Turn(Understanding understanding, String text, String buttonId, String contactName,
            CatalogFacts catalog, UUID branchId, LocalDateTime now, Supplier<UUID> ids,
            DialogState.GuestLocation location) {

        /** A turn without a shared location pin. */
        public Turn(Understanding understanding, String text, String buttonId, String contactName,
                CatalogFacts catalog, UUID branchId, LocalDateTime now, Supplier<UUID> ids) {
            this(understanding, text, buttonId, contactName, catalog, branchId, now, ids, null);
        }
    }

    public Decision onTurn(DialogState state, Turn turn) {
        Understanding u = turn.understanding();
        Intent intent = fromButton(turn.buttonId(), u.intent());
        Slots said = slotsFromButton(turn.buttonId(), u.slots());
        if (intent == Intent.HUMAN) {
            return escalate(state, turn.branchId(), "guest_asked");
        }
        UUID branch = turn.branchId();
        List<CatalogFacts.Branch> branches = turn.catalog().branches();
        if (branch == null && branches.size() > 1) {
            Optional<CatalogFacts.Branch> picked = pickBranch(turn.buttonId(), said.branchHint(), turn.text(), branches);
            if (picked.isEmpty()) {
                Task stashTask = state.stage() == Stage.CHOOSING_BRANCH ? state.task() : taskFor(intent);
                Slots stash = state.stage() == Stage.CHOOSING_BRANCH && state.stashed() != null
                        ? state.stashed().merge(said) : said;
                return new Decision(DialogState.choosingBranch(stashTask, stash),
                        List.of(new Say.ChooseBranch(branches)), null, null, null, "branch_asked");
            }
            branch = picked.get().id();
            if (state.stage() == Stage.CHOOSING_BRANCH) {
                Slots stash = state.stashed() == null ? Slots.none() : state.stashed();
                if (state.task() == null) {
                    return new Decision(DialogState.idle(), List.of(Say.simple(Say.Kind.GREETING)), null, branch,
                            null, "branch_chosen");
                }
                return proceed(DialogState.start(state.task(), stash.merge(said)), turn, branch);
            }
        } else if (branch == null && branches.size() == 1) {
            branch = branches.getFirst().id();
        }
        return answer(state, turn, intent, said, branch);
    }

    private Decision answer(DialogState state, Turn turn, Intent intent, Slots said, UUID branch) {
        if (turn.location() != null && state.task() == Task.ORDER && state.stage() == Stage.COLLECTING) {
            // A location pin: where the delivery goes (order-service checks it against its radius).
            DialogState located = state.withLocation(turn.location());
            if (located.slots().address() == null || located.slots().address().isBlank()) {
                String label = turn.location().label();
                located = located.withSlots(located.slots().withAddress(label != null && !label.isBlank() ? label
                        : turn.location().latitude() + "," + turn.location().longitude()));
            }
            return proceed(located, turn, branch);
        }
        switch (state.stage()) {
            case CONFIRMING -> {
                if (intent == Intent.CONFIRM) {
                    return commit(state, turn, branch);
                }
                if (intent == Intent.DENY) {
                    return say(DialogState.idle(), branch, "declined", Say.simple(Say.Kind.DROPPED));
                }
                if (!said.isEmpty() && (intent == Intent.OTHER || taskFor(intent) == state.task())) {
                    return proceed(state.with(Stage.COLLECTING).withSlots(combine(state.task(), state.slots(), said)),
                            turn, branch);
                }
            }
            case CHOOSING_BOOKING -> {
                Optional<String> reference = pickBooking(turn, said, state.bookings());
                if (reference.isPresent()) {
                    return proceed(state.with(Stage.COLLECTING).withSlots(state.slots().withBookingReference(
                            reference.get())), turn, branch);
                }
                if (taskFor(intent) == null && !isInfo(intent)) {
                    return say(state, branch, "asked", new Say.ChooseBooking(state.bookings()));
                }
            }
            case AWAITING -> {
                if (state.pendingSince() != null && LocalDateTime.parse(state.pendingSince())
                        .plus(DEPENDENCY_PATIENCE).isBefore(turn.now())) {
                    return escalate(state.done(), branch, "dependency_down");
                }
                if (taskFor(intent) == null && !isInfo(intent)) {
                    return say(state, branch, "awaiting", Say.simple(Say.Kind.STILL_WORKING));
                }
            }
            case COLLECTING -> {
                if (!state.alternatives().isEmpty()) {
                    Optional<LocalDateTime> chosen = pickAlternative(state, intent, said);
                    if (chosen.isPresent()) {
                        Slots picked = state.slots().withDate(chosen.get().toLocalDate())
                                .withTime(chosen.get().toLocalTime());
                        return proceed(state.withSlots(picked), turn, branch);
                    }
                }
            }
            default -> {
            }
        }
        if (state.stage() == Stage.COLLECTING && state.asked() == Slot.OPTION && said.items().isEmpty()) {
            Optional<Slots> chosen = chooseOption(state.slots(), turn);
            if (chosen.isPresent()) {
                return proceed(state.withSlots(chosen.get()), turn, branch);
            }
        }
        Task task = taskFor(intent);
        if (task != null) {
            boolean continuing = task == state.task()
                    && (state.stage() == Stage.COLLECTING || state.stage() == Stage.CONFIRMING);
            DialogState next = continuing
                    ? state.with(Stage.COLLECTING).withSlots(combine(task, state.slots(), said))
                    : DialogState.start(task, said);
            return proceed(next, turn, branch);
        }
        if (state.task() != null && state.stage() == Stage.COLLECTING) {
            if (intent == Intent.DENY) {
                return say(DialogState.idle(), branch, "declined", Say.simple(Say.Kind.DROPPED));
            }
            Slots filled = fillAsked(state, said, turn.text());
            if (!filled.equals(state.slots())) {
                return proceed(state.withSlots(filled), turn, branch);
            }
        }
        List<Say> says = new ArrayList<>();
        String outcome = "answered";
        DialogState next = state;
        switch (intent) {
            case MENU_QUESTION, PRICE, HOURS, POLICIES -> says.add(new Say.Info(intent, said, turn.text()));
            case GREETING -> says.add(Say.simple(Say.Kind.GREETING));
            case THANKS -> says.add(Say.simple(Say.Kind.WELCOME));
            case CONFIRM, DENY -> says.add(Say.simple(Say.Kind.ANYTHING_ELSE));
            default -> {
                int unresolved = state.unresolved() + 1;
                if (unresolved >= UNRESOLVED_BEFORE_ESCALATION) {
                    return escalate(state.withUnresolved(0), branch, "unresolved");
                }
                says.add(Say.simple(Say.Kind.NOT_UNDERSTOOD));
                next = state.withUnresolved(unresolved);
                outcome = "not_understood";
            }
        }
        if (state.stage() == Stage.COLLECTING && state.asked() != null && outcome.equals("answered")) {
            says.add(new Say.Ask(state.asked(), List.of())); // answered the aside; back to the open question
        }
        return new Decision(outcome.equals("answered") ? next.withUnresolved(0) : next, says, null, branch, null,
                outcome);
    }

    /** Moves a task forward: the next missing detail, a command, or the summary to confirm. */
    private Decision proceed(DialogState state, Turn turn, UUID branch) {
        Slots s = state.slots();
        return switch (state.task()) {
            case BOOK -> {
                if (s.date() == null) {
                    yield ask(state, branch, Slot.DATE);
                }
                if (s.date().isBefore(turn.now().toLocalDate())) {
                    yield new Decision(state.withSlots(s.withDate(null)).asking(Slot.DATE),
                            List.of(Say.simple(Say.Kind.DATE_IN_PAST), new Say.Ask(Slot.DATE, List.of())), null, branch,
                            null, "asked");
                }
                if (s.time() == null) {
                    yield ask(state, branch, Slot.TIME);
                }
                if (s.partySize() == null) {
                    yield ask(state, branch, Slot.PARTY_SIZE);
                }
                if (s.partySize() < 1 || s.partySize() > MAX_PARTY) {
                    yield new Decision(state.withSlots(s.withPartySize(null)).asking(Slot.PARTY_SIZE),
                            List.of(Say.simple(Say.Kind.INVALID_PARTY)), null, branch, null, "asked");
                }
                String name = s.name() != null ? s.name() : turn.contactName();
                if (name == null || name.isBlank()) {
                    yield ask(state, branch, Slot.NAME);
                }
                LocalDateTime startsAt = s.date().atTime(s.time());
                DialogState named = state.withSlots(s.withName(name));
                if (state.alternatives().contains(startsAt)) {
                    // The time came from the availability answer itself: no need to ask again.
                    yield new Decision(named.confirming(null), List.of(new Say.BookingSummary(startsAt, s.partySize(),
                            name)), null, branch, null, "confirming");
                }
                UUID id = turn.ids().get();
                yield command(named, turn, branch,
                        new AssistantCommand.CheckAvailability(id, s.date(), s.time(), s.partySize()));
            }
            case MODIFY, CANCEL -> {
                if (s.bookingReference() == null) {
                    yield command(state, turn, branch, new AssistantCommand.LookupReservations(turn.ids().get()));
                }
                if (state.task() == Task.CANCEL) {
                    yield new Decision(state.confirming(null), List.of(new Say.CancelSummary(s.bookingReference())),
                            null, branch, null, "confirming");
                }
                Optional<Booking> known = state.bookings().stream()
                        .filter(b -> b.reference().equalsIgnoreCase(s.bookingReference())).findFirst();
                if (s.date() == null && s.time() == null && s.partySize() == null) {
                    yield ask(state, branch, Slot.CHANGE);
                }
                Slots completed = s;
                if ((s.date() != null || s.time() != null) && known.isPresent()) {
                    completed = s.withDate(s.date() != null ? s.date() : known.get().startsAt().toLocalDate())
                            .withTime(s.time() != null ? s.time() : known.get().startsAt().toLocalTime());
                }
                if (completed.time() != null && completed.date() == null) {
                    yield ask(state, branch, Slot.DATE);
                }
                if (completed.date() != null && completed.time() == null) {
                    yield ask(state, branch, Slot.TIME);
                }
                if (completed.partySize() != null && (completed.partySize() < 1 || completed.partySize() > MAX_PARTY)) {
                    yield new Decision(state.withSlots(s.withPartySize(null)).asking(Slot.PARTY_SIZE),
                            List.of(Say.simple(Say.Kind.INVALID_PARTY)), null, branch, null, "asked");
                }
                LocalDateTime startsAt = completed.date() == null ? null : completed.date().atTime(completed.time());
                yield new Decision(state.withSlots(completed).confirming(null),
                        List.of(new Say.ModifySummary(s.bookingReference(), startsAt, completed.partySize())), null,
                        branch, null, "confirming");
            }
            case ORDER -> {
                CatalogFacts catalog = turn.catalog();
                if (s.items().isEmpty()) {
                    yield new Decision(state.asking(Slot.ITEMS), List.of(new Say.Ask(Slot.ITEMS, catalog.items().stream()
                            .filter(CatalogFacts.MenuItem::available).limit(3).map(CatalogFacts.MenuItem::name)
                            .toList())), null, branch, null, "asked");
                }
                Optional<MissingChoice> choice = missingChoice(s.items(), catalog);
                if (choice.isPresent()) {
                    // The catalog requires a choice (a pizza's size): order-service would refuse the order without it.
                    yield new Decision(state.asking(Slot.OPTION), List.of(new Say.ChooseOption(
                            choice.get().item().name(), choice.get().group())), null, branch, null, "asked");
                }
                List<Fulfilment> offered = java.util.Arrays.stream(Fulfilment.values())
                        .filter(f -> catalog.settings().allows(f)).toList();
                Slots order = s;
                if (order.fulfilment() == null && offered.size() == 1) {
                    order = order.withFulfilment(offered.getFirst());
                }
                if (order.fulfilment() != null && !offered.contains(order.fulfilment())) {
                    yield new Decision(state.withSlots(order.withFulfilment(null)).asking(Slot.FULFILMENT),
                            List.of(new Say.OrderProblem(List.of("FULFILMENT_NOT_OFFERED"), List.of()),
                                    new Say.Ask(Slot.FULFILMENT, offered.stream().map(Enum::name).toList())),
                            null, branch, null, "asked");
                }
                if (order.fulfilment() == null) {
                    yield new Decision(state.withSlots(order).asking(Slot.FULFILMENT),
                            List.of(new Say.Ask(Slot.FULFILMENT, offered.stream().map(Enum::name).toList())), null,
                            branch, null, "asked");
                }
                if (order.fulfilment() == Fulfilment.DELIVERY && (order.address() == null || order.address().isBlank())) {
                    yield ask(state.withSlots(order), branch, Slot.ADDRESS);
                }
                if (order.fulfilment() == Fulfilment.DELIVERY && state.location() == null) {
                    // A typed address cannot be checked against the delivery radius: ask for the pin.
                    yield ask(state.withSlots(order), branch, Slot.LOCATION);
                }
                DialogState ready = state.withSlots(order);
                yield command(ready, turn, branch, orderCommand(turn.ids().get(), false, ready, turn));
            }
            case ORDER_STATUS -> command(state, turn, branch, new AssistantCommand.OrderStatus(turn.ids().get()));
        };
    }

    private Decision commit(DialogState state, Turn turn, UUID branch) {
        Slots s = state.slots();
        UUID id = turn.ids().get();
        AssistantCommand command = switch (state.task()) {
            case BOOK -> new AssistantCommand.CreateReservation(id, s.date().atTime(s.time()), s.partySize(),
                    s.name() != null ? s.name() : turn.contactName(), s.freeText());
            case MODIFY -> new AssistantCommand.ModifyReservation(id, s.bookingReference(),
                    s.date() == null ? null : s.date().atTime(s.time()), s.partySize());
            case CANCEL -> new AssistantCommand.CancelReservation(id, s.bookingReference());
            case ORDER -> orderCommand(id, true, state, turn);
            case ORDER_STATUS -> new AssistantCommand.OrderStatus(id);
        };
        return command(state, turn, branch, command);
    }

    private static AssistantCommand.Order orderCommand(UUID id, boolean place, DialogState state, Turn turn) {
        Slots s = state.slots();
        DialogState.GuestLocation pin = s.fulfilment() == Fulfilment.DELIVERY ? state.location() : null;
        return new AssistantCommand.Order(id, place, s.name() != null ? s.name() : turn.contactName(), s.fulfilment(),
                s.address(), pin == null ? null : pin.latitude(), pin == null ? null : pin.longitude(), s.items(),
                s.freeText());
    }

    /**
     * Resumes the dialog with another service's answer. Empty when the answer is stale: a duplicate,
     * or the answer to a command the dialog no longer waits for (out of order).
     */
    public Optional<Decision> onAnswer(DialogState state, ServiceAnswer answer, CatalogFacts catalog, UUID branch,
            LocalDateTime now, Supplier<UUID> ids) {
        if (state.stage() != Stage.AWAITING || !answer.commandId().equals(state.pendingCommandId())) {
            return Optional.empty();
        }
        Turn turn = new Turn(null, "", null, state.slots().name(), catalog, branch, now, ids);
        Slots s = state.slots();
        Decision decision = switch (answer) {
            case ServiceAnswer.Availability a -> {
                LocalDateTime wanted = s.date().atTime(s.time());
                if (a.slots().contains(wanted)) {
                    yield new Decision(state.confirming(null),
                            List.of(new Say.BookingSummary(wanted, s.partySize(), s.name())), null, branch, null,
                            "confirming");
                }
                yield alternativesOrNone(state, branch, wanted, a.slots());
            }
            case ServiceAnswer.Booked b -> say(DialogState.idle(), branch, "reservation_booked",
                    new Say.Booked(b.reference(), b.startsAt(), b.partySize(), "pending".equals(b.status())));
            case ServiceAnswer.Modified m -> say(DialogState.idle(), branch, "reservation_modified",
                    new Say.Modified(m.reference(), m.startsAt(), m.partySize()));
            case ServiceAnswer.Cancelled c -> say(DialogState.idle(), branch, "reservation_cancelled",
                    new Say.Cancelled(c.reference()));
            case ServiceAnswer.LookedUp l -> {
                if (l.bookings().isEmpty()) {
                    yield say(DialogState.idle(), branch, "no_bookings", Say.simple(Say.Kind.NO_BOOKINGS));
                }
                if (l.bookings().size() == 1) {
                    DialogState found = new DialogState(state.task(), Stage.COLLECTING,
                            s.withBookingReference(l.bookings().getFirst().reference()), null, List.of(), l.bookings(),
                            null, null, null, null, 0);
                    yield proceed(found, turn, branch);
                }
                yield say(state.choosingBooking(l.bookings()), branch, "asked", new Say.ChooseBooking(l.bookings()));
            }
            case ServiceAnswer.ReservationRejected r -> rejected(state, branch, r);
            case ServiceAnswer.Quoted q -> new Decision(state.confirming(q.quote()), List.of(new Say.OrderSummary(q.quote())),
                    null, branch, null, "confirming");
            case ServiceAnswer.Placed p -> say(DialogState.idle(), branch, "order_placed",
                    new Say.OrderPlaced(p.reference(), p.quote(), p.estimatedReadyAt()));
            case ServiceAnswer.OrderRejected r -> orderRejected(state, turn, branch, r);
            case ServiceAnswer.StatusAnswered st -> say(DialogState.idle(), branch, "answered",
                    new Say.OrderStatuses(st.orders()));
        };
        return Optional.of(decision);
    }

    private Decision rejected(DialogState state, UUID branch, ServiceAnswer.ReservationRejected r) {
        Slots s = state.slots();
        if (r.codes().contains("PROVIDER_UNAVAILABLE")) {
            return escalate(DialogState.idle(), branch, "dependency_down");
        }
        if (!r.alternatives().isEmpty() && s.date() != null && s.time() != null) {
            return alternativesOrNone(state, branch, s.date().atTime(s.time()), r.alternatives());
        }
        String code = r.codes().isEmpty() ? "INVALID" : r.codes().getFirst();
        return switch (code) {
            case "FULLY_BOOKED", "CLOSED" -> new Decision(state.withSlots(s.withDate(null).withTime(null)).asking(Slot.DATE),
                    List.of(new Say.NoAvailability(s.date()), new Say.Ask(Slot.DATE, List.of())), null, branch, null,
                    "rejected");
            case "PARTY_TOO_LARGE" -> new Decision(state.withSlots(s.withPartySize(null)).asking(Slot.PARTY_SIZE),
                    List.of(new Say.Refused(code), new Say.Ask(Slot.PARTY_SIZE, List.of())), null, branch, null,
                    "rejected");
            case "TOO_SOON", "TOO_FAR_AHEAD" -> new Decision(state.withSlots(s.withDate(null)).asking(Slot.DATE),
                    List.of(new Say.Refused(code), new Say.Ask(Slot.DATE, List.of())), null, branch, null, "rejected");
            default -> say(DialogState.idle(), branch, "rejected", new Say.Refused(code));
        };
    }

    private Decision alternativesOrNone(DialogState state, UUID branch, LocalDateTime wanted, List<LocalDateTime> free) {
        Slots s = state.slots();
        if (free.isEmpty()) {
            return new Decision(state.withSlots(s.withDate(null).withTime(null)).asking(Slot.DATE),
                    List.of(new Say.NoAvailability(s.date()), new Say.Ask(Slot.DATE, List.of())), null, branch, null,
                    "no_availability");
        }
        List<LocalDateTime> nearest = free.stream()
                .sorted(Comparator.comparing((LocalDateTime t) -> Math.abs(Duration.between(wanted, t).toMinutes()))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(ALTERNATIVES).sorted().toList();
        return new Decision(state.offering(nearest), List.of(new Say.Alternatives(nearest)), null, branch, null,
                "alternatives_offered");
    }

    private Decision orderRejected(DialogState state, Turn turn, UUID branch, ServiceAnswer.OrderRejected r) {
        Slots s = state.slots();
        List<String> names = r.itemIds().stream().map(id -> turn.catalog().item(id).map(CatalogFacts.MenuItem::name)
                .orElse(null)).filter(java.util.Objects::nonNull).toList();
        Say problem = new Say.OrderProblem(r.codes(), names);
        if (r.codes().stream().anyMatch(c -> c.equals("ITEM_NOT_FOUND") || c.equals("ITEM_UNAVAILABLE")
                || c.equals("INVALID_OPTIONS"))) {
            List<OrderLine> kept = s.items().stream().filter(l -> !r.itemIds().contains(l.itemId())).toList();
            return prefixed(problem, proceed(state.with(Stage.COLLECTING).withSlots(s.withItems(kept)), turn, branch));
        }
        if (r.codes().stream().anyMatch(c -> c.equals("FULFILMENT_NOT_OFFERED") || c.equals("DELIVERY_NOT_OFFERED")
                || c.equals("OUT_OF_RADIUS"))) {
            return prefixed(problem, proceed(state.with(Stage.COLLECTING)
                    .withSlots(s.withFulfilment(null).withAddress(null)), turn, branch));
        }
        if (r.codes().contains("BELOW_MINIMUM")) {
            return new Decision(state.asking(Slot.ITEMS), List.of(problem), null, branch, null, "rejected");
        }
        return say(DialogState.idle(), branch, "rejected", problem);
    }

    private static Decision prefixed(Say first, Decision then) {
        List<Say> says = new ArrayList<>();
        says.add(first);
        says.addAll(then.says());
        return new Decision(then.state(), says, then.command(), then.branchId(), then.escalation(), then.outcome());
    }

    // --- small steps ----------------------------------------------------------------------------

    private static Decision ask(DialogState state, UUID branch, Slot slot) {
        return new Decision(state.asking(slot), List.of(new Say.Ask(slot, List.of())), null, branch, null, "asked");
    }

    private static Decision command(DialogState state, Turn turn, UUID branch, AssistantCommand command) {
        return new Decision(state.awaiting(command.commandId(), turn.now().toString()), List.of(), command, branch, null,
                "awaiting");
    }

    private static Decision say(DialogState state, UUID branch, String outcome, Say say) {
        return new Decision(state, List.of(say), null, branch, null, outcome);
    }

    private static Decision escalate(DialogState state, UUID branch, String reason) {
        return new Decision(state, List.of(Say.simple(Say.Kind.HANDING_OVER)), null, branch, reason, "escalated");
    }

    /** The first ordered line that lacks a choice its item requires, and the group to choose in. */
    private record MissingChoice(int line, CatalogFacts.MenuItem item, CatalogFacts.OptionGroup group) {
    }

    private static Optional<MissingChoice> missingChoice(List<OrderLine> lines, CatalogFacts catalog) {
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            Optional<CatalogFacts.MenuItem> item = catalog.item(line.itemId());
            if (item.isEmpty()) {
                continue;
            }
            for (CatalogFacts.OptionGroup group : item.get().optionGroups()) {
                int needed = Math.max(group.required() ? 1 : 0, group.minChoices());
                long chosen = group.options().stream().filter(o -> line.optionIds().contains(o.id())).count();
                if (chosen < needed && group.options().stream().anyMatch(CatalogFacts.Option::available)) {
                    return Optional.of(new MissingChoice(i, item.get(), group));
                }
            }
        }
        return Optional.empty();
    }

    /** The guest's answer to {@link Slot#OPTION}: a tapped {@code option:<id>} or the option named in words. */
    private static Optional<Slots> chooseOption(Slots slots, Turn turn) {
        Optional<MissingChoice> missing = missingChoice(slots.items(), turn.catalog());
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        CatalogFacts.OptionGroup group = missing.get().group();
        Optional<CatalogFacts.Option> picked = Optional.empty();
        String button = turn.buttonId();
        if (button != null && button.startsWith("option:")) {
            picked = group.options().stream().filter(o -> o.available()
                    && o.id().toString().equals(button.substring("option:".length()))).findFirst();
        }
        if (picked.isEmpty() && turn.text() != null && !turn.text().isBlank()) {
            picked = io.dinechat.conversation.understanding.MenuMatcher.choice(turn.text(), group);
        }
        if (picked.isEmpty()) {
            return Optional.empty();
        }
        OrderLine line = slots.items().get(missing.get().line());
        List<UUID> ids = new ArrayList<>(line.optionIds());
        ids.add(picked.get().id());
        List<UUID> inCatalogOrder = missing.get().item().optionGroups().stream()
                .flatMap(g -> g.options().stream()).map(CatalogFacts.Option::id).filter(ids::contains).toList();
        List<OrderLine> items = new ArrayList<>(slots.items());
        items.set(missing.get().line(), new OrderLine(line.itemId(), line.itemName(), line.quantity(), inCatalogOrder,
                line.notes()));
        return Optional.of(slots.withItems(items));
    }

    private static Task taskFor(Intent intent) {
        return switch (intent) {
            case BOOK, AVAILABILITY -> Task.BOOK;
            case MODIFY_BOOKING -> Task.MODIFY;
            case CANCEL_BOOKING -> Task.CANCEL;
            case ORDER -> Task.ORDER;
            case ORDER_STATUS -> Task.ORDER_STATUS;
            default -> null;
        };
    }

    private static boolean isInfo(Intent intent) {
        return intent == Intent.MENU_QUESTION || intent == Intent.PRICE || intent == Intent.HOURS
                || intent == Intent.POLICIES;
    }

    /** Order items add up over turns ("2 margherita" … "and a coke"); other details: the newer wins. */
    private static Slots combine(Task task, Slots older, Slots newer) {
        Slots merged = older.merge(newer);
        if (task == Task.ORDER && !older.items().isEmpty() && !newer.items().isEmpty()) {
            List<OrderLine> all = new ArrayList<>(older.items());
            all.addAll(newer.items());
            merged = merged.withItems(all);
        }
        return merged;
    }

    /** A bare answer to the question just asked: a name, an address, a yes to an offered time. */
    private static Slots fillAsked(DialogState state, Slots said, String text) {
        Slots merged = combine(state.task(), state.slots(), said);
        String plain = text == null ? "" : text.strip();
        if (state.asked() == Slot.NAME && said.name() == null && looksLikeName(plain)) {
            merged = merged.withName(plain);
        }
        if (state.asked() == Slot.ADDRESS && said.address() == null && plain.length() >= 4) {
            merged = merged.withAddress(plain);
        }
        return merged;
    }

    private static boolean looksLikeName(String text) {
        return !text.isEmpty() && text.length() <= 40 && text.split("\\s+").length <= 4
                && text.codePoints().allMatch(c -> Character.isLetter(c) || Character.isSpaceChar(c) || c == '-'
                        || c == '\'');
    }

    private static Optional<LocalDateTime> pickAlternative(DialogState state, Intent intent, Slots said) {
        if (intent == Intent.CONFIRM && said.time() == null) {
            return Optional.of(state.alternatives().getFirst());
        }
        if (said.time() == null) {
            return Optional.empty();
        }
        return state.alternatives().stream()
                .filter(t -> t.toLocalTime().equals(said.time())
                        && (said.date() == null || said.date().equals(t.toLocalDate())))
                .findFirst();
    }

    private static Optional<String> pickBooking(Turn turn, Slots said, List<Booking> bookings) {
        String button = turn.buttonId();
        if (button != null && button.startsWith("booking:")) {
            return Optional.of(button.substring("booking:".length()));
        }
        if (said.bookingReference() != null) {
            return Optional.of(said.bookingReference());
        }
        String text = turn.text() == null ? "" : turn.text().toUpperCase(Locale.ROOT);
        return bookings.stream().map(Booking::reference).filter(text::contains).findFirst();
    }

    static Optional<CatalogFacts.Branch> pickBranch(String buttonId, String hint, String text,
            List<CatalogFacts.Branch> branches) {
        if (buttonId != null && buttonId.startsWith("branch:")) {
            String id = buttonId.substring("branch:".length());
            return branches.stream().filter(b -> b.id().toString().equals(id)).findFirst();
        }
        for (String words : new String[] {hint, text}) {
            String said = fold(words);
            if (said.isBlank()) {
                continue;
            }
            List<CatalogFacts.Branch> named = branches.stream().filter(b -> mentions(said, b.name())
                    || mentions(said, b.city()) || mentions(said, b.street())).toList();
            if (named.size() == 1) {
                return Optional.of(named.getFirst());
            }
        }
        return Optional.empty();
    }

    private static boolean mentions(String said, String place) {
        String folded = fold(place);
        if (folded.isBlank()) {
            return false;
        }
        return (" " + said + " ").contains(" " + folded + " ") || said.equals(folded);
    }

    private static String fold(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static Intent fromButton(String buttonId, Intent understood) {
        if (buttonId == null) {
            return understood;
        }
        if (buttonId.equals("confirm") || buttonId.startsWith("alt:") || buttonId.startsWith("reservation:confirm:")) {
            return buttonId.startsWith("reservation:confirm:") ? Intent.THANKS : Intent.CONFIRM;
        }
        if (buttonId.equals("deny")) {
            return Intent.DENY;
        }
        if (buttonId.startsWith("reservation:cancel:")) {
            return Intent.CANCEL_BOOKING;
        }
        if (buttonId.startsWith("fulfil:") || buttonId.startsWith("booking:") || buttonId.startsWith("branch:")
                || buttonId.startsWith("option:")) {
            return Intent.OTHER;
        }
        return understood;
    }

    private static Slots slotsFromButton(String buttonId, Slots understood) {
        if (buttonId == null) {
            return understood;
        }
        if (buttonId.startsWith("alt:")) {
            LocalDateTime at = LocalDateTime.parse(buttonId.substring(4));
            return Slots.none().withDate(at.toLocalDate()).withTime(at.toLocalTime());
        }
        if (buttonId.startsWith("fulfil:")) {
            return Slots.none().withFulfilment(Fulfilment.valueOf(buttonId.substring(7)));
        }
        if (buttonId.startsWith("reservation:cancel:")) {
            return Slots.none().withBookingReference(buttonId.substring("reservation:cancel:".length()));
        }
        if (buttonId.startsWith("booking:") || buttonId.startsWith("branch:") || buttonId.startsWith("option:")
                || buttonId.equals("confirm")
                || buttonId.equals("deny") || buttonId.startsWith("reservation:")) {
            return Slots.none();
        }
        return understood;
    }
}
