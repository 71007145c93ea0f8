package io.dinechat.conversation.llm;

import io.dinechat.conversation.understanding.CatalogFacts;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a model's wording against the business's catalog before a guest reads it: every amount of
 * money it states must be a price the catalog holds (an item, an option, an item with one option),
 * the words just before an amount must name a catalog item or option, and it must not offer a
 * common dish the menu does not have. Conservative on purpose: a false alarm costs one regeneration
 * or the templated answer, a false pass tells a guest something untrue.
 */
public final class GroundingGuard {

    /** An amount with a currency next to it, either side: "12.50 USD", "$12", "12,50 €", "١٢ دولار" is not covered. */
    private static final Pattern MONEY = Pattern.compile(
            "(?iu)(?:(?<pre>[$€£]|usd|eur|gbp|lbp|aed|mad|sar|tnd|dzd|egp|qar|kwd|chf)\\s?(?<a>\\d{1,6}(?:[.,]\\d{1,2})?))"
                    + "|(?:(?<b>\\d{1,6}(?:[.,]\\d{1,2})?)\\s?(?<post>[$€£]|usd|eur|gbp|lbp|aed|mad|sar|tnd|dzd|egp|qar|kwd|chf"
                    + "|dollars?|euros?|dirhams?|dh|dhs|ll|l\\.l\\.|ليرة|دولار|يورو|درهم)(?![\\p{L}]))");

    /** Dishes guests ask for that a menu may well not have: named in a reply, they must be on it. */
    private static final List<String> DISHES = List.of("pizza", "burger", "pasta", "spaghetti", "lasagna", "lasagne",
            "risotto", "sushi", "ramen", "steak", "salad", "salade", "soup", "soupe", "sandwich", "shawarma", "falafel",
            "kebab", "tacos", "taco", "curry", "noodles", "lobster", "homard", "oysters", "huitres", "tiramisu",
            "cheesecake", "croissant", "couscous", "tajine", "tagine", "paella", "fries", "frites", "hummus", "houmous",
            "manakish", "manoushe", "kibbeh", "tabbouleh", "fattoush", "بيتزا", "برغر", "شاورما", "فلافل", "سوشي",
            "كباب", "حمص", "تبولة", "فتوش", "كبة", "معكرونة", "سلطة", "شوربة");

    /** Why a wording was refused, for the log and for the model's second try. */
    public record Verdict(boolean grounded, List<String> problems) {
        static Verdict ok() {
            return new Verdict(true, List.of());
        }
    }

    private GroundingGuard() {
    }

    public static Verdict check(String text, CatalogFacts catalog) {
        if (text == null || text.isBlank()) {
            return new Verdict(false, List.of("empty reply"));
        }
        List<String> problems = new ArrayList<>();
        Set<BigDecimal> prices = prices(catalog);
        List<String> names = names(catalog);
        String folded = fold(text);
        Matcher money = MONEY.matcher(text);
        while (money.find()) {
            String amount = money.group("a") != null ? money.group("a") : money.group("b");
            BigDecimal value = new BigDecimal(amount.replace(',', '.'));
            if (prices.stream().noneMatch(p -> p.compareTo(value) == 0)) {
                problems.add("price " + money.group().strip() + " is not in the catalog");
                continue;
            }
            String phrase = text.substring(lineStart(text, money.start()), money.start());
            String before = fold(phrase);
            if (!before.isBlank() && names.stream().noneMatch(before::contains) && namesSomething(phrase)) {
                problems.add("'" + phrase.strip() + "' priced but not a catalog item");
            }
        }
        String menuWords = fold(String.join(" ", names) + " " + descriptions(catalog));
        for (String dish : DISHES) {
            String d = fold(dish);
            if (containsWord(folded, d) && !menuWords.contains(d)) {
                problems.add("'" + dish + "' is not on the menu");
            }
        }
        return problems.isEmpty() ? Verdict.ok() : new Verdict(false, List.copyOf(problems));
    }

    private static final Set<String> COMMON = Set.of("the", "our", "a", "an", "it", "its", "this", "that", "total",
            "subtotal", "price", "prices", "delivery", "fee", "yes", "sure", "and", "or", "with", "only", "just", "la",
            "le", "les", "un", "une", "notre", "nos", "votre", "prix", "livraison", "et", "ou", "avec", "oui", "each",
            "per", "from", "at", "for", "is", "costs", "total:");

    /**
     * Whether the words before an amount name a thing: a capitalised word that is not a common one
     * ("Lobster linguine 12.50 USD"). Lower-case glue ("or 15.50 USD as a Large") names nothing.
     */
    private static boolean namesSomething(String phrase) {
        for (String word : phrase.split("[^\\p{L}]+")) {
            if (!word.isEmpty() && Character.isUpperCase(word.codePointAt(0))
                    && !COMMON.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Where the phrase naming a priced thing starts: after the previous line, list separator or sentence. */
    private static int lineStart(String text, int at) {
        int start = -1;
        for (String separator : List.of("\n", ";", ",", ". ", "•", " - ")) {
            int found = text.lastIndexOf(separator, at - 1);
            if (found >= 0 && found + separator.length() <= at) {
                start = Math.max(start, found + separator.length() - 1);
            }
        }
        return start + 1;
    }

    private static Set<BigDecimal> prices(CatalogFacts catalog) {
        Set<BigDecimal> prices = new HashSet<>();
        for (CatalogFacts.MenuItem item : catalog.items()) {
            if (item.price() != null) {
                prices.add(item.price());
            }
            for (CatalogFacts.OptionGroup group : item.optionGroups()) {
                for (CatalogFacts.Option option : group.options()) {
                    if (option.priceDelta() != null && option.priceDelta().signum() != 0) {
                        prices.add(option.priceDelta());
                        if (item.price() != null) {
                            prices.add(item.price().add(option.priceDelta()));
                        }
                    }
                }
            }
        }
        return prices;
    }

    private static List<String> names(CatalogFacts catalog) {
        List<String> names = new ArrayList<>();
        for (CatalogFacts.MenuItem item : catalog.items()) {
            names.add(fold(item.name()));
            for (CatalogFacts.OptionGroup group : item.optionGroups()) {
                for (CatalogFacts.Option option : group.options()) {
                    names.add(fold(option.name()));
                }
            }
        }
        names.removeIf(String::isBlank);
        return names;
    }

    private static String descriptions(CatalogFacts catalog) {
        StringBuilder all = new StringBuilder();
        for (CatalogFacts.MenuItem item : catalog.items()) {
            all.append(' ').append(item.description() == null ? "" : item.description()).append(' ')
                    .append(item.menuName() == null ? "" : item.menuName()).append(' ')
                    .append(String.join(" ", item.tags()));
        }
        return all.toString();
    }

    private static boolean containsWord(String folded, String word) {
        return (" " + folded + " ").matches("(?s).*[^\\p{L}]" + Pattern.quote(word) + "s?[^\\p{L}].*");
    }

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
