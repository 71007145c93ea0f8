package io.dinechat.order.ordering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.order.catalog.domain.Address;
import io.dinechat.order.catalog.domain.Branch;
import io.dinechat.order.catalog.domain.Business;
import io.dinechat.order.catalog.domain.Catalog;
import io.dinechat.order.catalog.domain.DeliveryFee;
import io.dinechat.order.catalog.domain.HourOverride;
import io.dinechat.order.catalog.domain.Item;
import io.dinechat.order.catalog.domain.ItemOption;
import io.dinechat.order.catalog.domain.Menu;
import io.dinechat.order.catalog.domain.OpeningHours;
import io.dinechat.order.catalog.domain.OptionGroup;
import io.dinechat.order.ordering.domain.Checkout.Outcome;
import io.dinechat.order.ordering.domain.Checkout.Priced;
import io.dinechat.order.ordering.domain.Checkout.Refused;
import io.dinechat.order.ordering.domain.Rejection.Code;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Validation and pricing of a guest's order against the business's own catalog. */
class CheckoutTests {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID BRANCH = UUID.randomUUID();
    private static final UUID OTHER_BRANCH = UUID.randomUUID();
    private static final UUID PIZZA = UUID.randomUUID();
    private static final UUID SOLD_OUT = UUID.randomUUID();
    private static final UUID ELSEWHERE = UUID.randomUUID();
    private static final UUID REGULAR = UUID.randomUUID();
    private static final UUID LARGE = UUID.randomUUID();
    private static final UUID BURRATA = UUID.randomUUID();
    private static final UUID NDUJA = UUID.randomUUID();
    private static final UUID ANCHOVIES = UUID.randomUUID();
    // Friday 4 December 2026, 20:00 in Beirut (UTC+2).
    private static final Instant FRIDAY_EVENING = Instant.parse("2026-12-04T18:00:00Z");
    // Mar Mikhael, Beirut.
    private static final BigDecimal LAT = new BigDecimal("33.89640000");
    private static final BigDecimal LON = new BigDecimal("35.52250000");

    private static Catalog catalog(Business.Settings settings, DeliveryFee fee, List<HourOverride> overrides) {
        Item pizza = new Item(PIZZA, "Margherita", null, new BigDecimal("12.50"), null, Item.AVAILABLE, null, null,
                null, false, 1, 15, null, List.of(
                        new OptionGroup(UUID.randomUUID(), "Size", "size", true, 1, 1, List.of(
                                new ItemOption(REGULAR, "Regular", BigDecimal.ZERO, true),
                                new ItemOption(LARGE, "Large", new BigDecimal("4.00"), true))),
                        new OptionGroup(UUID.randomUUID(), "Extras", "extra", false, 0, 2, List.of(
                                new ItemOption(BURRATA, "Extra burrata", new BigDecimal("3.50"), true),
                                new ItemOption(NDUJA, "'Nduja", new BigDecimal("2.00"), true),
                                new ItemOption(ANCHOVIES, "Anchovies", new BigDecimal("1.50"), false)))));
        Item soldOut = new Item(SOLD_OUT, "Cacio e pepe", null, new BigDecimal("13.00"), Item.OUT_OF_STOCK, null, null,
                false, 2);
        Item elsewhere = new Item(ELSEWHERE, "Jounieh fish", null, new BigDecimal("30.00"), Item.AVAILABLE, null, null,
                false, 1);
        Branch marMikhael = new Branch(BRANCH, "Mar Mikhael", new Address("Beirut", null, null, null, null, LAT, LON),
                null, "1111", new BigDecimal("15.00"), 25, true, fee, new BigDecimal("3.00"), null);
        Branch jounieh = new Branch(OTHER_BRANCH, "Jounieh", null, null, "2222", null, null, true);
        List<OpeningHours> hours = Arrays.stream(DayOfWeek.values())
                .map(d -> OpeningHours.open(UUID.randomUUID(), null, d, LocalTime.of(12, 0), LocalTime.of(1, 0)))
                .toList();
        return new Catalog(new Business(TENANT, "Aurora", "restaurant", "english", "Asia/Beirut", "USD", settings),
                List.of(marMikhael, jounieh), hours, overrides, List.of(),
                List.of(new Menu(UUID.randomUUID(), "Casa", null, true, List.of(BRANCH), List.of(pizza, soldOut)),
                        new Menu(UUID.randomUUID(), "Mare", null, false, List.of(OTHER_BRANCH), List.of(elsewhere))));
    }

    private static Catalog catalog() {
        return catalog(Business.Settings.everything(), new DeliveryFee(new BigDecimal("2.00"), new BigDecimal("40.00"),
                new BigDecimal("0.50")), List.of());
    }

    private static OrderRequest request(String fulfilment, OrderRequest.DeliveryAddress address,
            LocalDateTime scheduledFor, OrderRequest.Line... lines) {
        return new OrderRequest(null, "1111:96170123456", "english", new OrderRequest.Customer("Rania", "96170123456"),
                fulfilment, address, scheduledFor, null, "cash", List.of(lines));
    }

    private static OrderRequest.Line line(UUID item, int quantity, UUID... options) {
        return new OrderRequest.Line(item, quantity, List.of(options), null);
    }

    private static PricedOrder priced(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Priced.class);
        return ((Priced) outcome).order();
    }

    private static List<Code> codes(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Refused.class);
        return ((Refused) outcome).reasons().stream().map(Rejection::code).toList();
    }

    @Test
    void optionsAddTheirDeltasPerUnitAndTakeawayHasNoDeliveryFee() {
        // given: 2 large margheritas with extra burrata, 1 regular
        OrderRequest request = request("takeaway", null, null, line(PIZZA, 2, LARGE, BURRATA), line(PIZZA, 1, REGULAR));

        // when
        PricedOrder order = priced(Checkout.evaluate(catalog(), request, FRIDAY_EVENING));

        // then
        assertThat(order.branchId()).as("found by the WhatsApp number").isEqualTo(BRANCH);
        assertThat(order.lines().get(0).unitPrice()).isEqualByComparingTo("20.00");
        assertThat(order.lines().get(0).lineTotal()).isEqualByComparingTo("40.00");
        assertThat(order.lines().get(0).options()).extracting(PricedOrder.ChosenOption::name)
                .containsExactly("Large", "Extra burrata");
        assertThat(order.lines().get(1).lineTotal()).isEqualByComparingTo("12.50");
        assertThat(order.subtotal()).isEqualByComparingTo("52.50");
        assertThat(order.deliveryFee()).isEqualByComparingTo("0.00");
        assertThat(order.total()).isEqualByComparingTo("52.50");
        assertThat(order.currency()).isEqualTo("USD");
        assertThat(order.estimatedReadyAt()).as("the slowest item: 15 min").isEqualTo(FRIDAY_EVENING.plusSeconds(15 * 60));
    }

    @Test
    void deliveryChargesTheBaseFeePlusPerKmAndNothingAboveTheFreeThreshold() {
        // given: an address about 1.1 km east of the branch
        var address = new OrderRequest.DeliveryAddress("Gemmayzeh, Rue Gouraud", new BigDecimal("33.8964"),
                new BigDecimal("35.5345"));
        OrderRequest small = request("delivery", address, null, line(PIZZA, 1, REGULAR), line(PIZZA, 1, REGULAR));
        OrderRequest big = request("delivery", address, null, line(PIZZA, 2, LARGE, BURRATA), line(PIZZA, 1, REGULAR));

        // when
        PricedOrder smallOrder = priced(Checkout.evaluate(catalog(), small, FRIDAY_EVENING));
        PricedOrder bigOrder = priced(Checkout.evaluate(catalog(), big, FRIDAY_EVENING));

        // then: 2.00 + 0.50 x 1.10 km = 2.55
        assertThat(Checkout.distanceKm(new Address(null, null, null, null, null, LAT, LON), address))
                .isBetween(1.10, 1.11);
        assertThat(smallOrder.subtotal()).isEqualByComparingTo("25.00");
        assertThat(smallOrder.deliveryFee()).isEqualByComparingTo("2.55");
        assertThat(smallOrder.total()).isEqualByComparingTo("27.55");
        assertThat(bigOrder.deliveryFee()).as("52.50 is above the 40.00 threshold").isEqualByComparingTo("0.00");
        assertThat(bigOrder.total()).isEqualByComparingTo("52.50");
    }

    @Test
    void aRequiredSizeTooManyExtrasAnUnavailableOptionAndAForeignOptionAreInvalidOptions() {
        // given
        OrderRequest noSize = request("takeaway", null, null, line(PIZZA, 2));
        OrderRequest tooMany = request("takeaway", null, null, line(PIZZA, 2, LARGE, BURRATA, NDUJA, BURRATA));
        OrderRequest unavailable = request("takeaway", null, null, line(PIZZA, 2, LARGE, ANCHOVIES));
        OrderRequest foreign = request("takeaway", null, null, line(PIZZA, 2, LARGE, UUID.randomUUID()));
        OrderRequest twoSizes = request("takeaway", null, null, line(PIZZA, 2, LARGE, REGULAR));

        // when / then
        assertThat(codes(Checkout.evaluate(catalog(), noSize, FRIDAY_EVENING))).containsExactly(Code.INVALID_OPTIONS);
        assertThat(((Refused) Checkout.evaluate(catalog(), noSize, FRIDAY_EVENING)).reasons().get(0).itemId())
                .isEqualTo(PIZZA);
        assertThat(codes(Checkout.evaluate(catalog(), tooMany, FRIDAY_EVENING))).contains(Code.INVALID_OPTIONS);
        assertThat(codes(Checkout.evaluate(catalog(), unavailable, FRIDAY_EVENING))).containsExactly(Code.INVALID_OPTIONS);
        assertThat(codes(Checkout.evaluate(catalog(), foreign, FRIDAY_EVENING))).containsExactly(Code.INVALID_OPTIONS);
        assertThat(codes(Checkout.evaluate(catalog(), twoSizes, FRIDAY_EVENING))).containsExactly(Code.INVALID_OPTIONS);
    }

    @Test
    void unknownOutOfStockAndOtherBranchesItemsAreRefusedEachWithItsItemId() {
        // given
        UUID unknown = UUID.randomUUID();
        OrderRequest request = request("takeaway", null, null, line(PIZZA, 2, LARGE), line(SOLD_OUT, 1),
                line(ELSEWHERE, 1), line(unknown, 1));

        // when
        Refused refused = (Refused) Checkout.evaluate(catalog(), request, FRIDAY_EVENING);

        // then
        assertThat(refused.reasons()).extracting(Rejection::code, Rejection::itemId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Code.ITEM_UNAVAILABLE, SOLD_OUT),
                org.assertj.core.groups.Tuple.tuple(Code.ITEM_NOT_FOUND, ELSEWHERE),
                org.assertj.core.groups.Tuple.tuple(Code.ITEM_NOT_FOUND, unknown));
    }

    @Test
    void theMinimumOrderValueIsCheckedOnTheSubtotal() {
        // given: one regular margherita, 12.50 < 15.00
        OrderRequest request = request("takeaway", null, null, line(PIZZA, 1, REGULAR));

        // when / then
        assertThat(codes(Checkout.evaluate(catalog(), request, FRIDAY_EVENING))).containsExactly(Code.BELOW_MINIMUM);
        assertThat(Checkout.evaluate(catalog(), request("takeaway", null, null, line(PIZZA, 1, LARGE)), FRIDAY_EVENING))
                .as("16.50 reaches it").isInstanceOf(Priced.class);
    }

    @Test
    void fulfilmentsTheBusinessDoesNotOfferAreRefused() {
        // given
        var noDelivery = catalog(new Business.Settings(true, false, true, true), null, List.of());
        var noTakeawayNoOnSite = catalog(new Business.Settings(true, true, false, false), null, List.of());
        var address = new OrderRequest.DeliveryAddress("near", LAT, LON);

        // when / then
        assertThat(codes(Checkout.evaluate(noDelivery, request("delivery", address, null, line(PIZZA, 2, LARGE)),
                FRIDAY_EVENING))).containsExactly(Code.DELIVERY_NOT_OFFERED);
        assertThat(codes(Checkout.evaluate(noTakeawayNoOnSite, request("takeaway", null, null, line(PIZZA, 2, LARGE)),
                FRIDAY_EVENING))).containsExactly(Code.FULFILMENT_NOT_OFFERED);
        assertThat(codes(Checkout.evaluate(noTakeawayNoOnSite, request("on_site", null, null, line(PIZZA, 2, LARGE)),
                FRIDAY_EVENING))).containsExactly(Code.FULFILMENT_NOT_OFFERED);
    }

    @Test
    void aDeliveryNeedsAnAddressWithALocationInsideTheRadius() {
        // given: Jounieh is ~15 km away, the branch delivers within 3 km
        var far = new OrderRequest.DeliveryAddress("Jounieh", new BigDecimal("33.9808"), new BigDecimal("35.6178"));
        var unlocated = new OrderRequest.DeliveryAddress("somewhere in Achrafieh", null, null);

        // when / then
        assertThat(codes(Checkout.evaluate(catalog(), request("delivery", far, null, line(PIZZA, 2, LARGE)),
                FRIDAY_EVENING))).containsExactly(Code.OUT_OF_RADIUS);
        assertThat(codes(Checkout.evaluate(catalog(), request("delivery", unlocated, null, line(PIZZA, 2, LARGE)),
                FRIDAY_EVENING))).containsExactly(Code.INVALID);
        assertThat(codes(Checkout.evaluate(catalog(), request("delivery", null, null, line(PIZZA, 2, LARGE)),
                FRIDAY_EVENING))).containsExactly(Code.INVALID);
    }

    @Test
    void theBranchMustBeOpenNowOrAtTheScheduledTimeIncludingPastMidnightAndHolidays() {
        // given: open 12:00-01:00 every day; Saturday 5 December closed for a holiday
        var holiday = catalog(Business.Settings.everything(), null, List.of(
                new HourOverride(UUID.randomUUID(), null, LocalDate.of(2026, 12, 5), true, null, null, "Holiday")));
        Instant tenInTheMorning = Instant.parse("2026-12-04T08:00:00Z");
        LocalDateTime friday0030 = LocalDateTime.of(2026, 12, 5, 0, 30);
        LocalDateTime saturdayNoon = LocalDateTime.of(2026, 12, 5, 13, 0);
        OrderRequest.Line pizzas = line(PIZZA, 2, LARGE);

        // when / then
        assertThat(codes(Checkout.evaluate(catalog(), request("takeaway", null, null, pizzas), tenInTheMorning)))
                .containsExactly(Code.BRANCH_CLOSED);
        PricedOrder scheduled = priced(Checkout.evaluate(holiday, request("takeaway", null, friday0030, pizzas),
                FRIDAY_EVENING));
        assertThat(scheduled.scheduledFor()).isEqualTo(friday0030);
        assertThat(scheduled.estimatedReadyAt()).isEqualTo(Instant.parse("2026-12-04T22:30:00Z"));
        assertThat(codes(Checkout.evaluate(holiday, request("takeaway", null, saturdayNoon, pizzas), FRIDAY_EVENING)))
                .containsExactly(Code.BRANCH_CLOSED);
    }

    @Test
    void schedulingIsRefusedWhenTheBusinessDoesNotAllowItOrTheTimeHasPassed() {
        // given
        var nowOnly = catalog(new Business.Settings(false, true, true, true), null, List.of());
        LocalDateTime later = LocalDateTime.of(2026, 12, 4, 21, 0);
        LocalDateTime earlier = LocalDateTime.of(2026, 12, 4, 19, 0);

        // when / then
        assertThat(codes(Checkout.evaluate(nowOnly, request("takeaway", null, later, line(PIZZA, 2, LARGE)),
                FRIDAY_EVENING))).containsExactly(Code.SCHEDULING_NOT_ALLOWED);
        assertThat(codes(Checkout.evaluate(catalog(), request("takeaway", null, earlier, line(PIZZA, 2, LARGE)),
                FRIDAY_EVENING))).containsExactly(Code.INVALID);
    }

    @Test
    void malformedRequestsAreInvalidBeforeAnythingElse() {
        // given
        OrderRequest empty = request("takeaway", null, null);
        OrderRequest zero = request("takeaway", null, null, line(PIZZA, 0, LARGE));
        OrderRequest teleport = request("teleport", null, null, line(PIZZA, 2, LARGE));
        OrderRequest noPhone = new OrderRequest(null, "1111:1", "english", new OrderRequest.Customer("x", " "),
                "takeaway", null, null, null, "cash", List.of(line(PIZZA, 2, LARGE)));
        OrderRequest unknownBranch = new OrderRequest(UUID.randomUUID(), "9999:1", "english",
                new OrderRequest.Customer(null, "1"), "takeaway", null, null, null, "cash", List.of(line(PIZZA, 2, LARGE)));
        OrderRequest ambiguous = new OrderRequest(null, "9999:1", "english",
                new OrderRequest.Customer(null, "1"), "takeaway", null, null, null, "cash", List.of(line(PIZZA, 2, LARGE)));

        // when / then
        for (OrderRequest r : List.of(empty, zero, teleport, noPhone, unknownBranch, ambiguous)) {
            assertThat(codes(Checkout.evaluate(catalog(), r, FRIDAY_EVENING))).containsOnly(Code.INVALID);
        }
    }
}
