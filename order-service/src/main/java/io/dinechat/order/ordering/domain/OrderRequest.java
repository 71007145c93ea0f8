package io.dinechat.order.ordering.domain;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a guest asks for (an order.quote.requested or order.place.requested command): nothing in
 * it is trusted; {@link Checkout} checks it against the catalog and prices it.
 *
 * @param scheduledFor local date-time of the business's zone, or null for as soon as possible
 */
public record OrderRequest(UUID branchId, String conversationKey, String language, Customer customer,
        String fulfilment, DeliveryAddress deliveryAddress, LocalDateTime scheduledFor, String notes,
        String paymentMethod, List<Line> lines) {

    public static final String TAKEAWAY = "takeaway";
    public static final String DELIVERY = "delivery";
    public static final String ON_SITE = "on_site";
    public static final Set<String> FULFILMENTS = Set.of(TAKEAWAY, DELIVERY, ON_SITE);
    public static final Set<String> PAYMENT_METHODS = Set.of("cash", "card_on_delivery", "card_on_site", "online");
    public static final Set<String> LANGUAGES = Set.of("arabic", "arabizi", "english", "french");

    public OrderRequest {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public record Customer(String name, String phone) {
    }

    public record DeliveryAddress(String text, BigDecimal latitude, BigDecimal longitude) {

        public boolean located() {
            return latitude != null && longitude != null;
        }
    }

    public record Line(UUID itemId, int quantity, List<UUID> optionIds, String notes) {

        public Line {
            optionIds = optionIds == null ? List.of() : List.copyOf(optionIds);
        }
    }
}
