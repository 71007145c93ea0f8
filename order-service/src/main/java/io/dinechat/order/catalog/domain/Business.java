package io.dinechat.order.catalog.domain;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A business on DineChat; its id is the tenant id every other row of the business carries.
 *
 * @param type            restaurant, cafe, salon, sports_court or other
 * @param defaultLanguage arabic, arabizi, english or french: the language the assistant starts in
 * @param timeZone        an IANA zone, e.g. {@code Asia/Beirut}; opening hours are local to it
 * @param currency        ISO 4217 code of every price of the business
 */
public record Business(UUID tenantId, String name, String type, String defaultLanguage, String timeZone,
        String currency, Settings settings) {

    public static final Set<String> TYPES = Set.of("restaurant", "cafe", "salon", "sports_court", "other");
    public static final Set<String> LANGUAGES = Set.of("arabic", "arabizi", "english", "french");

    public Business {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(settings, "settings");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown business type " + type);
        }
        if (!LANGUAGES.contains(defaultLanguage)) {
            throw new IllegalArgumentException("unknown language " + defaultLanguage);
        }
        try {
            java.time.ZoneId.of(timeZone);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone " + timeZone);
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, not " + currency);
        }
    }

    /** The zone the business's hours and guests' local times are read in. */
    public java.time.ZoneId zone() {
        return java.time.ZoneId.of(timeZone);
    }

    /** How the business takes orders. */
    public record Settings(boolean allowScheduledOrders, boolean allowDelivery, boolean allowTakeaway,
            boolean allowOnSite) {

        public static Settings everything() {
            return new Settings(true, true, true, true);
        }
    }
}
