package io.dinechat.order.ordering.application;

import io.dinechat.order.catalog.messaging.Topics;
import io.dinechat.order.catalog.persistence.CatalogStore;
import io.dinechat.order.ordering.domain.Checkout;
import io.dinechat.order.ordering.domain.Order;
import io.dinechat.order.ordering.domain.OrderRequest;
import io.dinechat.order.ordering.domain.Rejection;
import io.dinechat.order.ordering.messaging.OrderEventsJson;
import io.dinechat.order.ordering.persistence.OrderBook;
import io.dinechat.order.ordering.persistence.OrderCommandLog;
import io.dinechat.order.ordering.persistence.OrderCommandLog.StoredReply;
import io.dinechat.platform.events.EventEnvelope;
import io.dinechat.platform.outbox.Outbox;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Answers the assistant's order commands (order.commands.v1). Each command is handled in one
 * tenant transaction: the reply goes to the outbox (keyed by the same conversation) together with
 * the order it created, if any, and the reply is remembered under the command id. A command id
 * seen before gets its stored reply again and nothing else: never a second order.
 */
@Service
public class OrderDesk {

    public static final String SOURCE = "/order-service";
    private static final Logger log = LoggerFactory.getLogger(OrderDesk.class);
    private static final int STATUS_ANSWER_SIZE = 5;

    private final TenantTransactions tenants;
    private final CatalogStore catalog;
    private final OrderBook orders;
    private final OrderCommandLog commands;
    private final Outbox outbox;
    private final OrderEventsJson json;
    private final Clock clock;

    public OrderDesk(TenantTransactions tenants, CatalogStore catalog, OrderBook orders, OrderCommandLog commands,
            Outbox outbox, OrderEventsJson json, Clock clock) {
        this.tenants = tenants;
        this.catalog = catalog;
        this.orders = orders;
        this.commands = commands;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** A command as the assistant sent it. */
    public sealed interface Command permits Quote, Place, StatusQuery {
        UUID commandId();

        UUID tenantId();

        String conversationKey();

        String name();
    }

    public record Quote(UUID commandId, UUID tenantId, String conversationKey, OrderRequest request) implements Command {
        public String name() {
            return "quote";
        }
    }

    public record Place(UUID commandId, UUID tenantId, String conversationKey, OrderRequest request) implements Command {
        public String name() {
            return "place";
        }
    }

    public record StatusQuery(UUID commandId, UUID tenantId, String conversationKey, String customerPhone)
            implements Command {
        public String name() {
            return "status";
        }
    }

    public Mono<Void> handle(Command command) {
        return tenants.inTenant(command.tenantId(), () -> commands.find(command.commandId())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(seen -> seen.isPresent() ? republish(seen.get()).then(Mono.<Order>empty()) : answer(command)))
                .then();
    }

    /** A repeated command: its stored reply once more (the same event id), unless it is still waiting to go out. */
    private Mono<Void> republish(StoredReply stored) {
        log.info("Order command {} seen before: re-publishing its {} reply", stored.commandId(), stored.type());
        return commands.stillInOutbox(stored.eventId())
                .flatMap(pending -> pending ? Mono.<Void>empty() : outbox.append(Topics.ORDER_EVENTS,
                        new EventEnvelope(stored.eventId().toString(), stored.type(), SOURCE, now(),
                                stored.tenantId().toString(), null, stored.conversationKey(), stored.body())));
    }

    private Mono<Order> answer(Command command) {
        return switch (command) {
            case Quote quote -> price(quote, quote.request(), false);
            case Place place -> price(place, place.request(), true);
            case StatusQuery query -> orders.latestOf(query.customerPhone(), STATUS_ANSWER_SIZE).collectList()
                    .flatMap(latest -> reply(query, OrderEventsJson.STATUS_ANSWERED,
                            json.statusAnswered(query.commandId(), query.tenantId(), query.conversationKey(), latest),
                            null, true))
                    .then(Mono.empty());
        };
    }

    private Mono<Order> price(Command command, OrderRequest request, boolean place) {
        Instant now = now();
        UUID tenantId = command.tenantId();
        return catalog.load(tenantId)
                .map(c -> Checkout.evaluate(c, request, now))
                .flatMap(outcome -> switch (outcome) {
                    case Checkout.Refused refused -> reply(command, OrderEventsJson.REJECTED, rejected(command,
                            refused.reasons()), null, true).then(Mono.<Order>empty());
                    case Checkout.Priced priced when !place -> reply(command, OrderEventsJson.QUOTED,
                            json.priced(command.commandId(), tenantId, command.conversationKey(), priced.order(), null),
                            null, true).then(Mono.<Order>empty());
                    case Checkout.Priced priced -> orders.nextReference(tenantId)
                            .flatMap(reference -> orders.place(tenantId, UUID.randomUUID(), reference, priced.order(),
                                    "guest", now))
                            .flatMap(order -> reply(command, OrderEventsJson.PLACED, json.priced(command.commandId(),
                                    tenantId, command.conversationKey(), priced.order(), order), order.id(), true)
                                    .thenReturn(order));
                })
                // No such business: answer, but there is no business to remember the command under.
                .switchIfEmpty(Mono.defer(() -> reply(command, OrderEventsJson.REJECTED, rejected(command,
                        List.of(Rejection.of(Rejection.Code.INVALID, "no such business"))), null, false)
                        .then(Mono.<Order>empty())));
    }

    private byte[] rejected(Command command, List<Rejection> reasons) {
        return json.rejected(command.commandId(), command.tenantId(), command.conversationKey(), command.name(),
                reasons);
    }

    private Mono<Void> reply(Command command, String type, byte[] body, UUID orderId, boolean remember) {
        UUID eventId = UUID.randomUUID();
        EventEnvelope event = new EventEnvelope(eventId.toString(), type, SOURCE, now(), command.tenantId().toString(),
                null, command.conversationKey(), body);
        Mono<Void> appended = outbox.append(Topics.ORDER_EVENTS, event);
        return remember
                ? appended.then(commands.remember(command.tenantId(), command.commandId(), command.name(),
                        new StoredReply(command.commandId(), command.tenantId(), command.conversationKey(), eventId,
                                type, body, orderId)))
                : appended;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
