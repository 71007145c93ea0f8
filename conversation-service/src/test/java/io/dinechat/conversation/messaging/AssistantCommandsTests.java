package io.dinechat.conversation.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.conversation.dialog.AssistantCommand;
import io.dinechat.conversation.domain.ConversationKey;
import io.dinechat.conversation.understanding.Fulfilment;
import io.dinechat.conversation.understanding.Language;
import io.dinechat.conversation.understanding.OrderLine;
import io.dinechat.platform.events.EventEnvelope;
import io.dinechat.platform.outbox.Outbox;
import io.dinechat.testing.EventContract;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every command the assistant sends to reservation-service and order-service matches the schema
 * those services read (docs/contracts.md): right topic, keyed by conversation, ce_id = commandId.
 */
class AssistantCommandsTests {

    static final UUID TENANT = UUID.fromString("6d1b7f0e-5a1c-4c3e-9f3a-2b7d8c9e0a11");
    static final ConversationKey KEY = new ConversationKey("100000000000001", "971500000001");
    static final UUID BRANCH = UUID.fromString("0a6f3c1e-3333-4a4a-8b8b-000000000001");
    static final UUID ITEM = UUID.fromString("0a6f3c1e-2222-4a4a-8b8b-000000000001");
    static final UUID OPTION = UUID.fromString("0a6f3c1e-4444-4a4a-8b8b-000000000001");

    final List<String> topics = new ArrayList<>();
    final List<EventEnvelope> written = new ArrayList<>();
    final Outbox outbox = new Outbox(null, null) {
        @Override
        public Mono<Void> append(String topic, EventEnvelope event) {
            topics.add(topic);
            written.add(event);
            return Mono.empty();
        }
    };
    final AssistantCommands commands = new AssistantCommands(outbox, JsonMapper.builder().build(), Clock.systemUTC());

    @Test
    void everyReservationCommandMatchesItsSchema() {
        LocalDate day = LocalDate.of(2026, 12, 4);
        send(BRANCH, Language.FRENCH, new AssistantCommand.CheckAvailability(UUID.randomUUID(), day, LocalTime.of(20, 0), 4));
        send(null, Language.ARABIZI, new AssistantCommand.CheckAvailability(UUID.randomUUID(), day, null, 2));
        send(BRANCH, Language.ENGLISH, new AssistantCommand.CreateReservation(UUID.randomUUID(), day.atTime(20, 30), 4,
                "Amira", null));
        send(BRANCH, Language.ARABIC, new AssistantCommand.ModifyReservation(UUID.randomUUID(), "R-7K3P",
                LocalDateTime.of(2026, 12, 5, 19, 0), 6));
        send(BRANCH, Language.ARABIC, new AssistantCommand.ModifyReservation(UUID.randomUUID(), "R-7K3P", null, 3));
        send(BRANCH, Language.ENGLISH, new AssistantCommand.CancelReservation(UUID.randomUUID(), "R-7K3P"));
        send(null, Language.ENGLISH, new AssistantCommand.LookupReservations(UUID.randomUUID()));

        assertThat(topics).containsOnly(Topics.RESERVATION_COMMANDS);
        assertThat(written).extracting(EventEnvelope::type).containsExactly(
                "io.dinechat.reservation.availability.requested", "io.dinechat.reservation.availability.requested",
                "io.dinechat.reservation.create.requested", "io.dinechat.reservation.modify.requested",
                "io.dinechat.reservation.modify.requested", "io.dinechat.reservation.cancel.requested",
                "io.dinechat.reservation.lookup.requested");
        assertValidAndCorrelated();
    }

    @Test
    void everyOrderCommandMatchesItsSchema() {
        var lines = List.of(new OrderLine(ITEM, "Margherita", 2, List.of(OPTION), "no basil"),
                new OrderLine(ITEM, "Margherita", 1, List.of(), null));
        send(BRANCH, Language.ENGLISH, new AssistantCommand.Order(UUID.randomUUID(), false, "Amira", Fulfilment.DELIVERY,
                "12 rue Gouraud, Beirut", 33.8938, 35.5018, lines, null));
        send(BRANCH, Language.FRENCH, new AssistantCommand.Order(UUID.randomUUID(), true, null, Fulfilment.TAKEAWAY,
                null, null, null, lines, "sans oignons"));
        send(null, Language.ARABIC, new AssistantCommand.Order(UUID.randomUUID(), true, "أميرة", Fulfilment.ON_SITE,
                null, null, null, lines, null));
        send(null, Language.ENGLISH, new AssistantCommand.OrderStatus(UUID.randomUUID()));

        assertThat(topics).containsOnly(Topics.ORDER_COMMANDS);
        assertThat(written).extracting(EventEnvelope::type).containsExactly("io.dinechat.order.quote.requested",
                "io.dinechat.order.place.requested", "io.dinechat.order.place.requested",
                "io.dinechat.order.status.requested");
        assertValidAndCorrelated();
    }

    @Test
    void aCommandMissingWhatTheSchemaRequiresIsCaughtByTheContract() {
        // The contract check is not vacuous: a create without a guest name breaks it.
        send(null, Language.ENGLISH, new AssistantCommand.CreateReservation(UUID.randomUUID(),
                LocalDateTime.of(2026, 12, 4, 20, 0), 4, null, null));
        assertThat(EventContract.violations(written.getFirst().type(), written.getFirst().json())).isNotEmpty();
    }

    private void send(UUID branch, Language language, AssistantCommand command) {
        commands.send(TENANT, KEY, branch, language, command).block(Duration.ofSeconds(1));
    }

    private void assertValidAndCorrelated() {
        var json = JsonMapper.builder().build();
        for (EventEnvelope event : written) {
            EventContract.assertValid(event.type(), event.json());
            assertThat(event.key()).isEqualTo(KEY.toString());
            assertThat(event.tenantId()).isEqualTo(TENANT.toString());
            assertThat(event.id()).isEqualTo(json.readTree(event.json()).path("commandId").asString());
        }
    }
}
