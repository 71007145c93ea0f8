package io.dinechat.gateway.identity.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What sign-up asks for, checked before anything is stored. */
public record NewBusiness(String businessName, String businessType, String ownerName, String email, String password,
        String timeZone, String defaultLanguage, String currency) {

    public static final Set<String> TYPES = Set.of("restaurant", "cafe", "salon", "sports_court", "other");
    public static final Set<String> LANGUAGES = Set.of("english", "french", "arabic");

    /** Every problem with the form, in words a person can act on; empty when it can be stored. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (blank(businessName) || businessName.strip().length() > 200) {
            problems.add("businessName must be 1 to 200 characters");
        }
        if (businessType == null || !TYPES.contains(businessType)) {
            problems.add("businessType must be one of " + TYPES);
        }
        if (blank(ownerName) || ownerName.strip().length() > 200) {
            problems.add("ownerName must be 1 to 200 characters");
        }
        problems.addAll(EmailAddress.problems(email));
        problems.addAll(PasswordRules.problems(password, email));
        if (!validZone(timeZone)) {
            problems.add("timeZone must be an IANA time zone such as Asia/Beirut");
        }
        if (defaultLanguage == null || !LANGUAGES.contains(defaultLanguage)) {
            problems.add("defaultLanguage must be one of " + LANGUAGES);
        }
        if (!validCurrency(currency)) {
            problems.add("currency must be an ISO 4217 code such as EUR");
        }
        return problems;
    }

    public String normalisedCurrency() {
        return currency.toUpperCase(Locale.ROOT);
    }

    private static boolean validZone(String zone) {
        if (blank(zone)) {
            return false;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean validCurrency(String code) {
        if (code == null || !code.matches("[A-Za-z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code.toUpperCase(Locale.ROOT));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
