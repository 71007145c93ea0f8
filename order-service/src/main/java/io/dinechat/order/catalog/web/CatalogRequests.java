package io.dinechat.order.catalog.web;

import io.dinechat.order.catalog.domain.Address;
import io.dinechat.order.catalog.domain.Branch;
import io.dinechat.order.catalog.domain.Business;
import io.dinechat.order.catalog.domain.DeliveryFee;
import io.dinechat.order.catalog.domain.HourOverride;
import io.dinechat.order.catalog.domain.Item;
import io.dinechat.order.catalog.domain.ItemOption;
import io.dinechat.order.catalog.domain.Menu;
import io.dinechat.order.catalog.domain.OpeningHours;
import io.dinechat.order.catalog.domain.OptionGroup;
import io.dinechat.order.catalog.domain.Policy;
import io.dinechat.order.web.InvalidRequest;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The bodies the dashboard sends to edit the catalog, and their validation: every broken field is
 * reported at once (400 problem+json with {@code errors[]}), then the domain value is built.
 */
final class CatalogRequests {

    private static final int NAME = 200;
    private static final int TEXT = 4000;

    private CatalogRequests() {
    }

    record BusinessRequest(String name, String type, String defaultLanguage, String timeZone, String currency,
            Settings settings) {

        record Settings(Boolean allowScheduledOrders, Boolean allowDelivery, Boolean allowTakeaway, Boolean allowOnSite) {
        }

        Business toBusiness(UUID tenantId) {
            var c = InvalidRequest.checks();
            checkName(c, "name", name);
            c.require(Business.TYPES.contains(type), "type", "one of " + sorted(Business.TYPES));
            c.require(Business.LANGUAGES.contains(defaultLanguage), "defaultLanguage", "one of " + sorted(Business.LANGUAGES));
            c.require(zone(timeZone), "timeZone", "an IANA time zone such as Asia/Beirut");
            c.require(currency != null && currency.matches("[A-Z]{3}"), "currency", "an ISO 4217 code such as USD");
            c.require(settings != null && settings.allowScheduledOrders() != null && settings.allowDelivery() != null
                    && settings.allowTakeaway() != null && settings.allowOnSite() != null, "settings",
                    "allowScheduledOrders, allowDelivery, allowTakeaway and allowOnSite are all required");
            c.orThrow();
            return new Business(tenantId, name.strip(), type, defaultLanguage, timeZone, currency,
                    new Business.Settings(settings.allowScheduledOrders(), settings.allowDelivery(),
                            settings.allowTakeaway(), settings.allowOnSite()));
        }
    }

    record BranchRequest(String name, Address address, String contactPhoneNumber, String whatsappPhoneNumber,
            String whatsappPhoneNumberId, BigDecimal minOrderValue, Integer avgPreparationTimeMinutes, Boolean active,
            BigDecimal serviceRadiusKm, DeliveryFeeRequest deliveryFee) {

        record DeliveryFeeRequest(BigDecimal base, BigDecimal freeAbove, BigDecimal perKm) {
        }

        Branch toBranch(UUID id) {
            var c = InvalidRequest.checks();
            checkName(c, "name", name);
            money(c, "minOrderValue", minOrderValue);
            c.require(avgPreparationTimeMinutes == null || (avgPreparationTimeMinutes >= 0 && avgPreparationTimeMinutes <= 600),
                    "avgPreparationTimeMinutes", "between 0 and 600");
            c.require(serviceRadiusKm == null || (serviceRadiusKm.signum() > 0 && serviceRadiusKm.compareTo(BigDecimal.valueOf(500)) <= 0),
                    "serviceRadiusKm", "greater than 0 and at most 500");
            c.require(phone(contactPhoneNumber), "contactPhoneNumber", "digits, spaces and an optional leading +");
            c.require(phone(whatsappPhoneNumber), "whatsappPhoneNumber", "digits, spaces and an optional leading +");
            c.require(whatsappPhoneNumberId == null || whatsappPhoneNumberId.matches("\\d{5,30}"), "whatsappPhoneNumberId",
                    "Meta's numeric phone number id");
            if (address != null) {
                c.require(address.latitude() == null || address.latitude().abs().compareTo(BigDecimal.valueOf(90)) <= 0,
                        "address.latitude", "between -90 and 90");
                c.require(address.longitude() == null || address.longitude().abs().compareTo(BigDecimal.valueOf(180)) <= 0,
                        "address.longitude", "between -180 and 180");
                c.require((address.latitude() == null) == (address.longitude() == null), "address",
                        "latitude and longitude go together");
            }
            if (deliveryFee != null) {
                money(c, "deliveryFee.base", deliveryFee.base());
                money(c, "deliveryFee.freeAbove", deliveryFee.freeAbove());
                money(c, "deliveryFee.perKm", deliveryFee.perKm());
            }
            c.orThrow();
            return new Branch(id, name.strip(), address, blank(contactPhoneNumber), blank(whatsappPhoneNumberId),
                    minOrderValue, avgPreparationTimeMinutes, active == null || active,
                    deliveryFee == null ? null : new DeliveryFee(deliveryFee.base(), deliveryFee.freeAbove(), deliveryFee.perKm()),
                    serviceRadiusKm, blank(whatsappPhoneNumber));
        }
    }

    record WeeklyHoursRequest(UUID branchId, List<Day> days) {

        record Day(String dayOfWeek, String opensAt, String closesAt, Boolean closed) {
        }

        List<OpeningHours> toHours() {
            var c = InvalidRequest.checks();
            c.require(days != null, "days", "required (an empty list removes every weekly hour)");
            List<OpeningHours> hours = new ArrayList<>();
            for (int i = 0; days != null && i < days.size(); i++) {
                Day d = days.get(i);
                String at = "days[" + i + "]";
                DayOfWeek day = dayOfWeek(d.dayOfWeek());
                c.require(day != null, at + ".dayOfWeek", "monday to sunday");
                boolean closed = Boolean.TRUE.equals(d.closed());
                LocalTime opens = time(d.opensAt());
                LocalTime closes = time(d.closesAt());
                if (closed) {
                    c.require(d.opensAt() == null && d.closesAt() == null, at, "a closed day has no hours");
                } else {
                    c.require(opens != null, at + ".opensAt", "HH:mm");
                    c.require(closes != null, at + ".closesAt", "HH:mm; earlier than opensAt means past midnight");
                }
                if (c.ok()) {
                    hours.add(new OpeningHours(UUID.randomUUID(), branchId, day, closed ? null : opens,
                            closed ? null : closes, closed));
                }
            }
            c.orThrow();
            return hours;
        }
    }

    record HourOverrideRequest(UUID branchId, String date, Boolean closed, String opensAt, String closesAt, String note) {

        HourOverride toOverride(UUID id) {
            var c = InvalidRequest.checks();
            LocalDate day = null;
            try {
                day = date == null ? null : LocalDate.parse(date);
            } catch (DateTimeException e) {
                // reported below
            }
            c.require(day != null, "date", "YYYY-MM-DD");
            boolean isClosed = Boolean.TRUE.equals(closed);
            LocalTime opens = time(opensAt);
            LocalTime closes = time(closesAt);
            if (isClosed) {
                c.require(opensAt == null && closesAt == null, "closed", "a closed date has no hours");
            } else {
                c.require(opens != null, "opensAt", "HH:mm");
                c.require(closes != null, "closesAt", "HH:mm; earlier than opensAt means past midnight");
            }
            c.require(note == null || note.length() <= NAME, "note", "at most " + NAME + " characters");
            c.orThrow();
            return new HourOverride(id, branchId, day, isClosed, isClosed ? null : opens, isClosed ? null : closes,
                    blank(note));
        }
    }

    record PolicyRequest(UUID branchId, String type, String title, String description) {

        Policy toPolicy(UUID id) {
            var c = InvalidRequest.checks();
            c.require(Policy.TYPES.contains(type), "type", "one of " + sorted(Policy.TYPES));
            c.require(title == null || title.length() <= NAME, "title", "at most " + NAME + " characters");
            c.require(description != null && !description.isBlank() && description.length() <= TEXT, "description",
                    "required, at most " + TEXT + " characters");
            c.orThrow();
            return new Policy(id, branchId, type, blank(title), description.strip());
        }
    }

    record MenuRequest(String name, String description, Boolean shared, List<UUID> branchIds) {

        Menu toMenu(UUID id) {
            var c = InvalidRequest.checks();
            checkName(c, "name", name);
            c.require(description == null || description.length() <= TEXT, "description", "at most " + TEXT + " characters");
            c.require(branchIds == null || branchIds.stream().distinct().count() == branchIds.size(), "branchIds",
                    "each branch once");
            c.orThrow();
            return new Menu(id, name.strip(), blank(description), Boolean.TRUE.equals(shared), branchIds, List.of());
        }
    }

    record ItemRequest(UUID menuId, String name, String description, BigDecimal price, BigDecimal cost,
            String availability, List<String> tags, List<String> allergens, List<String> ingredients, Boolean featured,
            Integer sortOrder, Integer preparationTimeMinutes, List<GroupRequest> optionGroups) {

        record GroupRequest(UUID id, String name, String kind, Boolean required, Integer minChoices, Integer maxChoices,
                List<OptionRequest> options) {
        }

        record OptionRequest(UUID id, String name, BigDecimal priceDelta, Boolean available) {
        }

        /** @param imageUrl kept from the stored item: photos change only through the upload endpoint */
        Item toItem(UUID id, String imageUrl) {
            var c = InvalidRequest.checks();
            c.require(menuId != null, "menuId", "required");
            checkName(c, "name", name);
            c.require(description == null || description.length() <= TEXT, "description", "at most " + TEXT + " characters");
            c.require(price != null, "price", "required");
            money(c, "price", price);
            money(c, "cost", cost);
            c.require(availability == null || Item.AVAILABILITIES.contains(availability), "availability",
                    "one of " + sorted(Item.AVAILABILITIES));
            c.require(preparationTimeMinutes == null || (preparationTimeMinutes >= 0 && preparationTimeMinutes <= 600),
                    "preparationTimeMinutes", "between 0 and 600");
            words(c, "tags", tags);
            words(c, "allergens", allergens);
            words(c, "ingredients", ingredients);
            List<OptionGroup> groups = new ArrayList<>();
            for (int g = 0; optionGroups != null && g < optionGroups.size(); g++) {
                GroupRequest group = optionGroups.get(g);
                String at = "optionGroups[" + g + "]";
                checkName(c, at + ".name", group.name());
                c.require(OptionGroup.KINDS.contains(group.kind()), at + ".kind", "one of " + sorted(OptionGroup.KINDS));
                int min = group.minChoices() == null ? (Boolean.TRUE.equals(group.required()) ? 1 : 0) : group.minChoices();
                int max = group.maxChoices() == null ? 1 : group.maxChoices();
                int count = group.options() == null ? 0 : group.options().size();
                c.require(min >= 0 && max >= 1 && min <= max, at, "0 <= minChoices <= maxChoices, maxChoices >= 1");
                c.require(!Boolean.TRUE.equals(group.required()) || min >= 1, at + ".minChoices", "at least 1 for a required group");
                c.require(count >= 1, at + ".options", "at least one option");
                c.require(count == 0 || min <= count, at + ".minChoices", "cannot exceed the number of options");
                List<ItemOption> options = new ArrayList<>();
                for (int o = 0; group.options() != null && o < group.options().size(); o++) {
                    OptionRequest option = group.options().get(o);
                    checkName(c, at + ".options[" + o + "].name", option.name());
                    c.require(option.priceDelta() == null || option.priceDelta().stripTrailingZeros().scale() <= 2,
                            at + ".options[" + o + "].priceDelta", "at most two decimals");
                    if (c.ok()) {
                        options.add(new ItemOption(option.id() == null ? UUID.randomUUID() : option.id(),
                                option.name().strip(), option.priceDelta(), option.available() == null || option.available()));
                    }
                }
                if (c.ok()) {
                    groups.add(new OptionGroup(group.id() == null ? UUID.randomUUID() : group.id(), group.name().strip(),
                            group.kind(), Boolean.TRUE.equals(group.required()), min, max, options));
                }
            }
            c.orThrow();
            return new Item(id, name.strip(), blank(description), price, cost,
                    availability == null ? Item.AVAILABLE : availability, tags, allergens, ingredients,
                    Boolean.TRUE.equals(featured), sortOrder == null ? 0 : sortOrder, preparationTimeMinutes, imageUrl,
                    groups);
        }
    }

    record AvailabilityRequest(String availability) {

        String checked() {
            InvalidRequest.checks().require(Item.AVAILABILITIES.contains(availability), "availability",
                    "one of " + sorted(Item.AVAILABILITIES)).orThrow();
            return availability;
        }
    }

    private static void checkName(InvalidRequest.Checks c, String field, String value) {
        c.require(value != null && !value.isBlank() && value.length() <= NAME, field,
                "required, at most " + NAME + " characters");
    }

    private static void money(InvalidRequest.Checks c, String field, BigDecimal value) {
        c.require(value == null || (value.signum() >= 0 && value.stripTrailingZeros().scale() <= 2
                && value.compareTo(new BigDecimal("99999999.99")) <= 0), field, "a non-negative amount with at most two decimals");
    }

    private static void words(InvalidRequest.Checks c, String field, List<String> values) {
        c.require(values == null || (values.size() <= 50 && values.stream().allMatch(v -> v != null && !v.isBlank()
                && v.length() <= 60)), field, "at most 50 non-empty words of up to 60 characters");
    }

    private static boolean phone(String value) {
        return value == null || value.isBlank() || value.matches("\\+?[0-9 ]{5,25}");
    }

    private static boolean zone(String value) {
        try {
            return value != null && ZoneId.of(value) != null;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static LocalTime time(String value) {
        try {
            return value == null || !value.matches("\\d{2}:\\d{2}") ? null : LocalTime.parse(value);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static DayOfWeek dayOfWeek(String value) {
        try {
            return value == null ? null : DayOfWeek.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<String> sorted(java.util.Set<String> values) {
        return values.stream().sorted().toList();
    }
}
