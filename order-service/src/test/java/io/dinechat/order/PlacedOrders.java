package io.dinechat.order;

import io.dinechat.order.ordering.application.OrderDesk;
import io.dinechat.order.ordering.domain.OrderRequest;
import io.dinechat.platform.tenancy.TenantTransactions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/** Places demo orders through the same use case the command listener calls, for tests about what happens next. */
final class PlacedOrders {

    private PlacedOrders() {
    }

    /** Two large margheritas for takeaway, from a WhatsApp conversation, in French. @return the order id */
    static UUID place(OrderDesk desk, TenantTransactions tenants, DatabaseClient db, String conversationKey) {
        UUID commandId = UUID.randomUUID();
        String phone = conversationKey.substring(conversationKey.indexOf(':') + 1);
        var request = new OrderRequest(null, conversationKey, "french", new OrderRequest.Customer("Rania", phone),
                "takeaway", null, null, null, "cash",
                List.of(new OrderRequest.Line(DemoIds.MARGHERITA, 2, List.of(DemoIds.LARGE), null)));
        desk.handle(new OrderDesk.Place(commandId, RunningOrderService.DEMO_TENANT, conversationKey, request))
                .block(Duration.ofSeconds(30));
        UUID orderId = tenants.inTenant(RunningOrderService.DEMO_TENANT, () -> db.sql(
                        "select order_id from order_commands where command_id = :id")
                .bind("id", commandId).map(row -> row.get("order_id", UUID.class)).one()).block(Duration.ofSeconds(30));
        if (orderId == null) {
            throw new AssertionError("the demo order was not placed (is the restaurant open at the test clock's time?)");
        }
        return orderId;
    }
}
