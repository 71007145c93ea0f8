package io.dinechat.platform.security;

import java.util.Locale;

/** What a dashboard user may do inside one business. */
public enum Role {
    /** Runs the business: billing, team, credentials and everything staff can do. */
    OWNER,
    /** Works the service: inbox, orders, reservations, menu availability. */
    STAFF,
    /** DineChat's own operators; reaches a business only through an audited act-as token. */
    PLATFORM_ADMIN;

    /** The {@code role} claim's value: {@code owner}, {@code staff}, {@code platform_admin}. */
    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromClaim(String claim) {
        if (claim == null) {
            throw new IllegalArgumentException("role claim missing");
        }
        return Role.valueOf(claim.toUpperCase(Locale.ROOT));
    }
}
