package io.dinechat.archive;

import io.dinechat.testing.EventContract;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code io.dinechat.order.archive.requested} bodies exactly as docs/contracts.md lays them out, as
 * order-service sends them, built from a few facts a test cares about.
 */
final class OrderFixtures {

    static final String ARCHIVE_REQUESTED = "io.dinechat.order.archive.requested";

    static final String PIZZA = "8c1f0b9e-0d7e-4a51-9a43-000000000001";
    static final String SALAD = "8c1f0b9e-0d7e-4a51-9a43-000000000002";
    static final String COLA = "8c1f0b9e-0d7e-4a51-9a43-000000000003";

    private OrderFixtures() {
    }

    record Line(String itemId, String name, int quantity, String unitPrice) {
        String lineTotal() {
            return new java.math.BigDecimal(unitPrice).multiply(java.math.BigDecimal.valueOf(quantity)).toPlainString();
        }
    }

    static Line pizza(int quantity) {
        return new Line(PIZZA, "Margherita", quantity, "10.00");
    }

    static Line salad(int quantity) {
        return new Line(SALAD, "Fattoush", quantity, "7.50");
    }

    static Line cola(int quantity) {
        return new Line(COLA, "Cola", quantity, "2.50");
    }

    /**
     * @param status       completed or cancelled
     * @param completedIn  placed to completed (completed orders), or null
     */
    static String order(String orderId, String tenantId, String branchId, String phone, String name, String language,
            String status, Instant placedAt, Duration completedIn, String deliveryFee, Line... lines) {
        java.math.BigDecimal subtotal = java.math.BigDecimal.ZERO;
        List<String> lineJson = new ArrayList<>();
        for (Line l : lines) {
            subtotal = subtotal.add(new java.math.BigDecimal(l.lineTotal()));
            lineJson.add("""
                    {"itemId":"%s","name":"%s","quantity":%d,"unitPrice":"%s","options":[{"optionId":"%s","name":"Extra","priceDelta":"0.00"}],"lineTotal":"%s"}"""
                    .formatted(l.itemId(), l.name(), l.quantity(), l.unitPrice(), UUID.randomUUID(), l.lineTotal()));
        }
        String total = subtotal.add(new java.math.BigDecimal(deliveryFee)).toPlainString();
        Instant end = completedIn == null ? placedAt.plus(Duration.ofMinutes(5)) : placedAt.plus(completedIn);
        String json = """
                {"orderId":"%s","tenantId":"%s","branchId":"%s","reference":"A-%d",
                 "customer":{"name":%s,"phone":"%s"},"language":"%s","fulfilment":"delivery",
                 "deliveryAddress":{"text":"12 Rue Gouraud, Beirut","latitude":33.8938,"longitude":35.5018},"scheduledFor":null,"notes":"ring twice",
                 "paymentMethod":"cash","paymentStatus":"paid","lines":[%s],
                 "subtotal":"%s","deliveryFee":"%s","total":"%s","currency":"USD","status":"%s",
                 "statusHistory":[{"from":null,"to":"pending","reason":null,"by":"guest","at":"%s"},
                                  {"from":"pending","to":"%s","reason":null,"by":"system","at":"%s"}],
                 "placedAt":"%s","completedAt":%s}"""
                .formatted(orderId, tenantId, branchId, Math.abs(orderId.hashCode() % 10_000),
                        name == null ? "null" : "\"" + name + "\"", phone, language, String.join(",", lineJson),
                        subtotal.toPlainString(), deliveryFee, total, status, placedAt, "completed".equals(status)
                                ? "completed" : "cancelled", end, placedAt,
                        "completed".equals(status) ? "\"" + end + "\"" : "null");
        // Every fixture is held to order-service's published schema.
        EventContract.assertValid(ARCHIVE_REQUESTED, json.getBytes(StandardCharsets.UTF_8));
        return json;
    }
}
