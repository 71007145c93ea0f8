package io.dinechat.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.conversation.understanding.CatalogFacts;
import io.dinechat.conversation.understanding.Intent;
import io.dinechat.conversation.understanding.Language;
import io.dinechat.conversation.understanding.Slots;
import io.dinechat.conversation.understanding.Understanding;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DialogPolicyTests {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 12, 0);
    static final LocalDate TOMORROW = NOW.toLocalDate().plusDays(1);
    final DialogPolicy policy = new DialogPolicy();
    final CatalogFacts catalog = new CatalogFacts("Trattoria", Language.ENGLISH, ZoneId.of("Asia/Beirut"), "USD", null,
            List.of(), List.of(CatalogFacts.MenuItem.simple(UUID.randomUUID(), "Margherita", "12.50")), List.of(),
            List.of(), List.of());

    DialogPolicy.Turn turn(Intent intent, Slots slots, String text, String button, CatalogFacts facts) {
        return new DialogPolicy.Turn(new Understanding(Language.ENGLISH, intent, slots, 0.9, "offline"), text, button,
                "Amira", facts, null, NOW, UUID::randomUUID);
    }

    @Test
    void missingDetailsAreAskedOneAtATimeAndNothingIsCommittedBeforeTheSummaryIsConfirmed() {
        Decision first = policy.onTurn(DialogState.idle(), turn(Intent.BOOK, Slots.none().withDate(TOMORROW), "book",
                null, catalog));
        assertThat(first.says()).containsExactly(new Say.Ask(DialogState.Slot.TIME, List.of()));
        assertThat(first.command()).isNull();

        Decision second = policy.onTurn(first.state(), turn(Intent.OTHER, Slots.none().withTime(LocalTime.of(20, 0)),
                "8pm", null, catalog));
        assertThat(second.says()).containsExactly(new Say.Ask(DialogState.Slot.PARTY_SIZE, List.of()));

        Decision third = policy.onTurn(second.state(), turn(Intent.OTHER, Slots.none().withPartySize(4), "4", null,
                catalog));
        assertThat(third.command()).isInstanceOf(AssistantCommand.CheckAvailability.class);

        var answered = policy.onAnswer(third.state(), new ServiceAnswer.Availability(third.command().commandId(),
                List.of(TOMORROW.atTime(20, 0))), catalog, null, NOW, UUID::randomUUID).orElseThrow();
        assertThat(answered.says()).containsExactly(new Say.BookingSummary(TOMORROW.atTime(20, 0), 4, "Amira"));
        assertThat(answered.command()).isNull();

        Decision confirmed = policy.onTurn(answered.state(), turn(Intent.OTHER, Slots.none(), "Confirm", "confirm",
                catalog));
        assertThat(confirmed.command()).isInstanceOfSatisfying(AssistantCommand.CreateReservation.class,
                c -> assertThat(c.startsAt()).isEqualTo(TOMORROW.atTime(20, 0)));
    }

    @Test
    void aDeliveryNeedsTheGuestsLocationPinWhichGoesOutWithTheOrder() {
        var margherita = catalog.items().getFirst();
        Slots order = Slots.none().withItems(List.of(new io.dinechat.conversation.understanding.OrderLine(
                margherita.id(), margherita.name(), 2, List.of(), null)))
                .withFulfilment(io.dinechat.conversation.understanding.Fulfilment.DELIVERY);
        Decision asked = policy.onTurn(DialogState.idle(), turn(Intent.ORDER, order, "2 margherita delivered", null,
                catalog));
        assertThat(asked.says()).containsExactly(new Say.Ask(DialogState.Slot.ADDRESS, List.of()));

        Decision typed = policy.onTurn(asked.state(), turn(Intent.OTHER, Slots.none(), "Armenia street 12, Mar Mikhael",
                null, catalog));
        assertThat(typed.says()).containsExactly(new Say.Ask(DialogState.Slot.LOCATION, List.of()));
        assertThat(typed.command()).isNull();

        var pin = new DialogState.GuestLocation(33.8959, 35.5197, "Home");
        Decision located = policy.onTurn(typed.state(), new DialogPolicy.Turn(new Understanding(Language.ENGLISH,
                Intent.OTHER, Slots.none(), 0.5, "offline"), "", null, "Amira", catalog, null, NOW, UUID::randomUUID, pin));
        assertThat(located.command()).isInstanceOfSatisfying(AssistantCommand.Order.class, c -> {
            assertThat(c.place()).isFalse(); // a quote first: the guest confirms the priced summary
            assertThat(c.address()).isEqualTo("Armenia street 12, Mar Mikhael");
            assertThat(c.latitude()).isEqualTo(33.8959);
            assertThat(c.longitude()).isEqualTo(35.5197);
        });
        // The pin survives the database: the state is stored as JSON between turns.
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        assertThat(json.readValue(json.writeValueAsString(located.state()), DialogState.class).location())
                .isEqualTo(pin);
    }

    @Test
    void staleAndDuplicateAnswersAreIgnoredAndTheNearestTimesAreOffered() {
        Decision asked = policy.onTurn(DialogState.idle(), turn(Intent.BOOK, Slots.none().withDate(TOMORROW)
                .withTime(LocalTime.of(21, 0)).withPartySize(2), "", null, catalog));
        assertThat(policy.onAnswer(asked.state(), new ServiceAnswer.Availability(UUID.randomUUID(), List.of()), catalog,
                null, NOW, UUID::randomUUID)).isEmpty();

        var offered = policy.onAnswer(asked.state(), new ServiceAnswer.Availability(asked.command().commandId(),
                List.of(TOMORROW.atTime(12, 0), TOMORROW.atTime(20, 30), TOMORROW.atTime(22, 0),
                        TOMORROW.atTime(23, 0))), catalog, null, NOW, UUID::randomUUID).orElseThrow();
        assertThat(offered.says()).containsExactly(new Say.Alternatives(List.of(TOMORROW.atTime(20, 30),
                TOMORROW.atTime(22, 0), TOMORROW.atTime(23, 0))));
        assertThat(policy.onAnswer(offered.state(), new ServiceAnswer.Availability(asked.command().commandId(),
                List.of()), catalog, null, NOW, UUID::randomUUID)).as("a duplicate of the answer").isEmpty();
    }

    @Test
    void aGuestWhoIsNotUnderstoodTwiceOrAsksForAPersonIsHandedOver() {
        Decision once = policy.onTurn(DialogState.idle(), turn(Intent.OTHER, Slots.none(), "blah", null, catalog));
        assertThat(once.escalation()).isNull();
        Decision twice = policy.onTurn(once.state(), turn(Intent.OTHER, Slots.none(), "blah blah", null, catalog));
        assertThat(twice.escalation()).isEqualTo("unresolved");
        assertThat(policy.onTurn(DialogState.idle(), turn(Intent.HUMAN, Slots.none(), "a person", null, catalog))
                .escalation()).isEqualTo("guest_asked");
    }

    @Test
    void aNumberSharedByBranchesAsksWhichBranchFirstThenResumesTheRequest() {
        var hamra = new CatalogFacts.Branch(UUID.randomUUID(), "Hamra", "Beirut", "Hamra St", null, null, null);
        var jounieh = new CatalogFacts.Branch(UUID.randomUUID(), "Jounieh", "Jounieh", "Main road", null, null, null);
        CatalogFacts twoBranches = new CatalogFacts("Trattoria", Language.ENGLISH, ZoneId.of("Asia/Beirut"), "USD",
                null, List.of(hamra, jounieh), catalog.items(), List.of(), List.of(), List.of());

        Decision list = policy.onTurn(DialogState.idle(), turn(Intent.BOOK, Slots.none().withDate(TOMORROW), "book",
                null, twoBranches));
        assertThat(list.says()).containsExactly(new Say.ChooseBranch(List.of(hamra, jounieh)));

        Decision picked = policy.onTurn(list.state(), turn(Intent.OTHER, Slots.none(), "Jounieh",
                "branch:" + jounieh.id(), twoBranches));
        assertThat(picked.branchId()).isEqualTo(jounieh.id());
        assertThat(picked.says()).containsExactly(new Say.Ask(DialogState.Slot.TIME, List.of()));
    }
}
