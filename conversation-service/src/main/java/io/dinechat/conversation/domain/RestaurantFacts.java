package io.dinechat.conversation.domain;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * What the assistant may tell a guest about a business: taken from the latest catalog snapshot,
 * never invented.
 */
public record RestaurantFacts(String businessName, ZoneId timeZone, String currency, List<DailyHours> openingHours,
        List<MenuItem> menu, List<Policy> policies) {

    /** Hours for one day of the week; {@code closes} before {@code opens} means past midnight. */
    public record DailyHours(DayOfWeek day, LocalTime opens, LocalTime closes, boolean closed) {
    }

    public record MenuItem(String name, String description, BigDecimal price, boolean available) {
    }

    public record Policy(String type, String title, String description) {
    }
}
