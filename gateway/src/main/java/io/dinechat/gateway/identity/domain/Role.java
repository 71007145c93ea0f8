package io.dinechat.gateway.identity.domain;

import java.util.Locale;

/** What a user may do inside one business; the token's {@code role} claim is {@link #claim()}. */
public enum Role {
    OWNER,
    STAFF,
    /** DineChat's own operators: reach a business only through an audited act-as. */
    PLATFORM_ADMIN;

    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromClaim(String claim) {
        return Role.valueOf(claim.toUpperCase(Locale.ROOT));
    }

    /** Billing, the team and credentials: owners, and platform admins acting as the business. */
    public boolean managesBusiness() {
        return this == OWNER || this == PLATFORM_ADMIN;
    }
}
