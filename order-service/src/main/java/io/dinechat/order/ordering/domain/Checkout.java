package io.dinechat.order.ordering.domain;

import io.dinechat.order.catalog.domain.Address;
import io.dinechat.order.catalog.domain.Branch;
import io.dinechat.order.catalog.domain.Business;
import io.dinechat.order.catalog.domain.Catalog;
import io.dinechat.order.catalog.domain.Item;
import io.dinechat.order.catalog.domain.ItemOption;
import io.dinechat.order.catalog.domain.Menu;
import io.dinechat.order.catalog.domain.OptionGroup;
import io.dinechat.order.ordering.domain.PricedOrder.ChosenOption;
import io.dinechat.order.ordering.domain.PricedOrder.PricedLine;
import io.dinechat.order.ordering.domain.Rejection.Code;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Checks a guest's order against the business's own catalog and prices it from its own prices:
 * items exist on a menu the branch serves and can be ordered, options belong to the item, are
 * available and respect each group's choices, the fulfilment is offered, a delivery is within the
 * branch's radius, the branch is open at the requested or scheduled time (in the business's time
 * zone), and the subtotal reaches the branch's minimum. Every problem found is reported at once,
 * so the assistant can explain them together.
 */
public final class Checkout {

    public static final int MAX_QUANTITY = 99;
    public static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(30);

    private Checkout() {
    }

    /** The result: a priced order or the reasons it cannot be taken. */
    public sealed interface Outcome permits Priced, Refused {
    }

    public record Priced(PricedOrder order) implements Outcome {
    }

    public record Refused(List<Rejection> reasons) implements Outcome {

        public Refused {
            reasons = List.copyOf(reasons);
        }
    }

    public static Outcome evaluate(Catalog catalog, OrderRequest request, Instant now) {
        List<Rejection> reasons = new ArrayList<>(wellFormed(request));
        if (!reasons.isEmpty()) {
            return new Refused(reasons);
        }
        Business business = catalog.business();
        Optional<Branch> found = branchOf(catalog, request);
        if (found.isEmpty()) {
            return new Refused(List.of(Rejection.of(Code.INVALID, request.branchId() == null
                    ? "the business has several branches: say which one"
                    : "no open branch " + request.branchId())));
        }
        Branch branch = found.get();

        fulfilment(business.settings(), request, reasons);
        Double distanceKm = distanceKm(branch.address(), request.deliveryAddress());
        if (OrderRequest.DELIVERY.equals(request.fulfilment())) {
            delivery(branch, request, distanceKm, reasons);
        }

        LocalDateTime localNow = LocalDateTime.ofInstant(now, business.zone());
        LocalDateTime when = request.scheduledFor() == null ? localNow : request.scheduledFor();
        if (request.scheduledFor() != null) {
            if (!business.settings().allowScheduledOrders()) {
                reasons.add(Rejection.of(Code.SCHEDULING_NOT_ALLOWED, "the business takes orders for now only"));
            } else if (request.scheduledFor().isBefore(localNow)) {
                reasons.add(Rejection.of(Code.INVALID, "scheduledFor " + request.scheduledFor() + " is in the past"));
            } else if (request.scheduledFor().isAfter(localNow.plus(MAX_SCHEDULE_AHEAD))) {
                reasons.add(Rejection.of(Code.INVALID, "orders can be scheduled at most "
                        + MAX_SCHEDULE_AHEAD.toDays() + " days ahead"));
            }
        }
        if (!catalog.hoursOf(branch.id()).isOpenAt(when)) {
            reasons.add(Rejection.of(Code.BRANCH_CLOSED, branch.name() + " is closed at " + when));
        }

        Map<UUID, Item> menu = itemsServedAt(catalog, branch.id());
        List<PricedLine> lines = new ArrayList<>();
        for (OrderRequest.Line line : request.lines()) {
            price(menu.get(line.itemId()), line, reasons).ifPresent(lines::add);
        }
        BigDecimal subtotal = lines.stream().map(PricedLine::lineTotal).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        if (lines.size() == request.lines().size() && branch.minOrderValue() != null
                && subtotal.compareTo(branch.minOrderValue()) < 0) {
            reasons.add(Rejection.of(Code.BELOW_MINIMUM, "the minimum order is " + branch.minOrderValue().setScale(2)
                    + " " + business.currency() + ", this order is " + subtotal));
        }
        if (!reasons.isEmpty()) {
            return new Refused(reasons);
        }

        BigDecimal deliveryFee = OrderRequest.DELIVERY.equals(request.fulfilment())
                ? branch.deliveryFeeOrFree().forOrder(subtotal, distanceKm)
                : BigDecimal.ZERO.setScale(2);
        Instant readyAt = request.scheduledFor() != null
                ? request.scheduledFor().atZone(business.zone()).toInstant()
                : preparationMinutes(branch, lines, menu).map(m -> now.plus(Duration.ofMinutes(m))).orElse(null);
        return new Priced(new PricedOrder(branch.id(), request, lines, subtotal, deliveryFee, subtotal.add(deliveryFee),
                business.currency(), request.scheduledFor(), readyAt));
    }

    private static List<Rejection> wellFormed(OrderRequest request) {
        List<Rejection> reasons = new ArrayList<>();
        if (request.lines().isEmpty()) {
            reasons.add(Rejection.of(Code.INVALID, "an order needs at least one item"));
        }
        for (OrderRequest.Line line : request.lines()) {
            if (line.itemId() == null) {
                reasons.add(Rejection.of(Code.INVALID, "a line without an itemId"));
            } else if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                reasons.add(new Rejection(Code.INVALID, line.itemId(), "quantity must be between 1 and " + MAX_QUANTITY));
            }
        }
        if (!OrderRequest.FULFILMENTS.contains(request.fulfilment())) {
            reasons.add(Rejection.of(Code.INVALID, "fulfilment must be takeaway, delivery or on_site"));
        }
        if (!OrderRequest.PAYMENT_METHODS.contains(request.paymentMethod())) {
            reasons.add(Rejection.of(Code.INVALID, "unknown payment method " + request.paymentMethod()));
        }
        if (request.customer() == null || request.customer().phone() == null || request.customer().phone().isBlank()) {
            reasons.add(Rejection.of(Code.INVALID, "the customer's phone is required"));
        }
        return reasons;
    }

    /** The named branch; else the one the guest's WhatsApp number belongs to; else the only one. */
    private static Optional<Branch> branchOf(Catalog catalog, OrderRequest request) {
        if (request.branchId() != null) {
            return catalog.branch(request.branchId()).filter(Branch::active);
        }
        String phoneNumberId = request.conversationKey() == null ? null : request.conversationKey().split(":", 2)[0];
        Optional<Branch> byNumber = catalog.branches().stream()
                .filter(b -> b.active() && phoneNumberId != null && phoneNumberId.equals(b.whatsappPhoneNumberId()))
                .findFirst();
        if (byNumber.isPresent()) {
            return byNumber;
        }
        List<Branch> active = catalog.branches().stream().filter(Branch::active).toList();
        return active.size() == 1 ? Optional.of(active.get(0)) : Optional.empty();
    }

    private static void fulfilment(Business.Settings settings, OrderRequest request, List<Rejection> reasons) {
        switch (request.fulfilment()) {
            case OrderRequest.DELIVERY -> {
                if (!settings.allowDelivery()) {
                    reasons.add(Rejection.of(Code.DELIVERY_NOT_OFFERED, "the business does not deliver"));
                }
            }
            case OrderRequest.TAKEAWAY -> {
                if (!settings.allowTakeaway()) {
                    reasons.add(Rejection.of(Code.FULFILMENT_NOT_OFFERED, "the business does not offer takeaway"));
                }
            }
            default -> {
                if (!settings.allowOnSite()) {
                    reasons.add(Rejection.of(Code.FULFILMENT_NOT_OFFERED, "the business does not take orders on site"));
                }
            }
        }
    }

    private static void delivery(Branch branch, OrderRequest request, Double distanceKm, List<Rejection> reasons) {
        OrderRequest.DeliveryAddress address = request.deliveryAddress();
        if (address == null || ((address.text() == null || address.text().isBlank()) && !address.located())) {
            reasons.add(Rejection.of(Code.INVALID, "a delivery needs an address"));
            return;
        }
        if (branch.serviceRadiusKm() == null || branch.address().latitude() == null
                || branch.address().longitude() == null) {
            return; // no radius, or no branch location to measure from
        }
        if (!address.located()) {
            reasons.add(Rejection.of(Code.INVALID, "the branch delivers within " + branch.serviceRadiusKm()
                    + " km: the delivery address needs a location (latitude and longitude)"));
        } else if (distanceKm > branch.serviceRadiusKm().doubleValue()) {
            reasons.add(Rejection.of(Code.OUT_OF_RADIUS, "the address is %.1f km away; %s delivers within %s km"
                    .formatted(distanceKm, branch.name(), branch.serviceRadiusKm().stripTrailingZeros().toPlainString())));
        }
    }

    private static Optional<PricedLine> price(Item item, OrderRequest.Line line, List<Rejection> reasons) {
        if (item == null) {
            reasons.add(new Rejection(Code.ITEM_NOT_FOUND, line.itemId(), "not on this branch's menu"));
            return Optional.empty();
        }
        if (!item.orderable()) {
            reasons.add(new Rejection(Code.ITEM_UNAVAILABLE, item.id(), item.name() + " is out of stock"));
            return Optional.empty();
        }
        int before = reasons.size();
        Set<UUID> seen = new HashSet<>();
        Map<OptionGroup, Integer> chosenPerGroup = new LinkedHashMap<>();
        item.optionGroups().forEach(g -> chosenPerGroup.put(g, 0));
        List<ChosenOption> chosen = new ArrayList<>();
        for (UUID optionId : line.optionIds()) {
            if (!seen.add(optionId)) {
                reasons.add(new Rejection(Code.INVALID_OPTIONS, item.id(), "an option of " + item.name() + " is chosen twice"));
                continue;
            }
            Optional<OptionGroup> group = item.groupOf(optionId);
            if (group.isEmpty()) {
                reasons.add(new Rejection(Code.INVALID_OPTIONS, item.id(), "option " + optionId + " is not an option of "
                        + item.name()));
                continue;
            }
            ItemOption option = group.get().options().stream().filter(o -> o.id().equals(optionId)).findFirst().orElseThrow();
            if (!option.available()) {
                reasons.add(new Rejection(Code.INVALID_OPTIONS, item.id(), option.name() + " is not available"));
                continue;
            }
            chosenPerGroup.merge(group.get(), 1, Integer::sum);
            chosen.add(new ChosenOption(option.id(), group.get().name(), option.name(), option.priceDelta()));
        }
        chosenPerGroup.forEach((group, count) -> {
            if (count < group.minChoices()) {
                reasons.add(new Rejection(Code.INVALID_OPTIONS, item.id(), group.required() && group.minChoices() == 1
                        ? item.name() + ": choose a " + group.name().toLowerCase(java.util.Locale.ROOT)
                        : item.name() + ": choose at least " + group.minChoices() + " of " + group.name()));
            } else if (count > group.maxChoices()) {
                reasons.add(new Rejection(Code.INVALID_OPTIONS, item.id(), item.name() + ": choose at most "
                        + group.maxChoices() + " of " + group.name()));
            }
        });
        if (reasons.size() > before) {
            return Optional.empty();
        }
        BigDecimal unit = chosen.stream().map(ChosenOption::priceDelta).reduce(item.price(), BigDecimal::add)
                .max(BigDecimal.ZERO).setScale(2, RoundingMode.UNNECESSARY);
        return Optional.of(new PricedLine(item.id(), item.name(), line.quantity(), unit, chosen,
                unit.multiply(BigDecimal.valueOf(line.quantity())), line.notes()));
    }

    private static Map<UUID, Item> itemsServedAt(Catalog catalog, UUID branchId) {
        Map<UUID, Item> items = new LinkedHashMap<>();
        for (Menu menu : catalog.menusOf(branchId)) {
            menu.items().forEach(i -> items.putIfAbsent(i.id(), i));
        }
        return items;
    }

    /** The slowest item decides; items without their own time take the branch's average. */
    private static Optional<Integer> preparationMinutes(Branch branch, List<PricedLine> lines, Map<UUID, Item> menu) {
        return lines.stream()
                .map(l -> Optional.ofNullable(menu.get(l.itemId()).preparationTimeMinutes())
                        .orElse(branch.avgPreparationTimeMinutes()))
                .filter(java.util.Objects::nonNull)
                .max(Integer::compare);
    }

    /** Great-circle distance in km, or null when either end has no coordinates. */
    static Double distanceKm(Address from, OrderRequest.DeliveryAddress to) {
        if (to == null || !to.located() || from.latitude() == null || from.longitude() == null) {
            return null;
        }
        double lat1 = Math.toRadians(from.latitude().doubleValue());
        double lat2 = Math.toRadians(to.latitude().doubleValue());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(to.longitude().doubleValue() - from.longitude().doubleValue());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
    }
}
