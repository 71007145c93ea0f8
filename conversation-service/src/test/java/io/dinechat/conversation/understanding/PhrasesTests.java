package io.dinechat.conversation.understanding;

import static io.dinechat.conversation.understanding.TestCatalog.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Replies exist in every language, differ between languages, and state only the facts they were given. */
class PhrasesTests {

    private static final LocalDateTime FRIDAY_8PM = LocalDateTime.of(2025, 11, 21, 20, 0);
    private static final Pattern AMOUNT = Pattern.compile("\\d+(?:\\.\\d{2})? USD");

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyReplyIsWrittenInEveryLanguage(Language language) {
        for (Phrases.Ask ask : Phrases.Ask.values()) {
            assertThat(Phrases.ask(language, ask)).isNotBlank();
        }
        for (String code : List.of("FULLY_BOOKED", "CLOSED", "PARTY_TOO_LARGE", "TOO_SOON", "TOO_FAR_AHEAD", "NOT_OWNER",
                "NOT_FOUND", "PROVIDER_UNAVAILABLE", "INVALID", "ITEM_NOT_FOUND", "ITEM_UNAVAILABLE", "INVALID_OPTIONS",
                "BELOW_MINIMUM", "DELIVERY_NOT_OFFERED", "FULFILMENT_NOT_OFFERED", "OUT_OF_RADIUS", "BRANCH_CLOSED",
                "SCHEDULING_NOT_ALLOWED")) {
            assertThat(Phrases.rejection(language, code)).isNotBlank();
        }
        assertThat(List.of(Phrases.greeting(language, "Beit Zaatar"), Phrases.handoff(language), Phrases.reengage(language),
                Phrases.typeInstead(language), Phrases.thanks(language), Phrases.fallback(language),
                Phrases.chooseBranch(language), Phrases.unavailable(language), Phrases.cancelled(language, "R-7K3P")))
                .allSatisfy(text -> assertThat(text).isNotBlank());
        assertThat(List.of(Phrases.confirmButton(language), Phrases.changeButton(language), Phrases.cancelButton(language),
                Phrases.branchListButton(language))).allSatisfy(title -> assertThat(title.length()).isLessThanOrEqualTo(20));
    }

    @Test
    void eachLanguageHasItsOwnWording() {
        Set<String> greetings = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (Language language : Language.values()) {
            greetings.add(Phrases.greeting(language, "Beit Zaatar"));
            codes.add(Phrases.rejection(language, "NOT_OWNER"));
        }
        assertThat(greetings).hasSize(4);
        assertThat(codes).hasSize(4);
        assertThat(Phrases.ask(Language.ARABIC, Phrases.Ask.PARTY_SIZE)).matches(".*\\p{InArabic}.*");
        assertThat(Phrases.ask(Language.ARABIZI, Phrases.Ask.PARTY_SIZE)).doesNotContainPattern("\\p{InArabic}");
    }

    @Test
    void bookingSummaryShowsWhatWasValidated() {
        assertThat(Phrases.bookingSummary(Language.ENGLISH, FRIDAY_8PM, 4, "Rami", "Hamra"))
                .isEqualTo("Table for 4 on Friday 21/11, 8:00 PM at Hamra, name: Rami. Shall I confirm?");
        assertThat(Phrases.bookingSummary(Language.FRENCH, FRIDAY_8PM, 4, "Rami", null))
                .isEqualTo("Table pour 4 le vendredi 21/11 à 20h00, au nom de Rami. Je confirme ?");
        assertThat(Phrases.bookingSummary(Language.ARABIC, FRIDAY_8PM, 4, "رامي", null))
                .contains("الجمعة 21/11 الساعة 20:00").contains("رامي");
        assertThat(Phrases.bookingSummary(Language.ARABIZI, FRIDAY_8PM, 2, "Nour", null))
                .contains("el jem3a 21/11 l se3a 20:00").contains("Nour");
    }

    @Test
    void orderSummaryStatesOnlyTheAmountsItWasGiven() {
        List<Phrases.PricedLine> lines = List.of(
                new Phrases.PricedLine("Chicken Shawarma", 2, List.of("Large", "Extra garlic"), new BigDecimal("18.00")),
                new Phrases.PricedLine("Coca-Cola", 1, List.of(), new BigDecimal("1.50")));
        for (Language language : Language.values()) {
            String summary = Phrases.orderSummary(language, lines, new BigDecimal("19.50"), new BigDecimal("2.00"),
                    new BigDecimal("21.50"), "USD", Fulfilment.DELIVERY, "Bliss street 14", null);
            Set<String> amounts = new HashSet<>();
            Matcher m = AMOUNT.matcher(summary);
            while (m.find()) {
                amounts.add(m.group());
            }
            assertThat(amounts).as(summary).containsExactlyInAnyOrder("18 USD", "1.50 USD", "2 USD", "21.50 USD");
            assertThat(summary).contains("Chicken Shawarma (Large, Extra garlic)").contains("Bliss street 14");
        }
    }

    @Test
    void alternativesOfferTheGivenTimes() {
        String reply = Phrases.alternatives(Language.ENGLISH, FRIDAY_8PM,
                List.of(FRIDAY_8PM.withHour(19), FRIDAY_8PM.withHour(21).withMinute(30)));
        assertThat(reply).contains("7:00 PM").contains("9:30 PM").contains("Friday 21/11, 8:00 PM");
        assertThat(Phrases.alternatives(Language.FRENCH, FRIDAY_8PM, List.of())).contains("autre jour");
    }

    @Test
    void menuListsAvailableItemsWithCatalogPricesOnly() {
        String menu = Phrases.menu(Language.ENGLISH, CATALOG, 50);
        assertThat(menu).contains("Chicken Shawarma — 6.50 USD").contains("Hummus — 4 USD").contains("*Mezze*")
                .doesNotContain("Fresh Lemonade");
        assertThat(Phrases.menu(Language.FRENCH, CATALOG, 3)).contains("…et 8 autres."); // 11 available items, 3 shown
        assertThat(Phrases.menu(Language.ENGLISH, CatalogFacts.empty(), 10)).contains("isn't online yet");
    }

    @Test
    void pricesComeFromTheCatalogWithPricedOptions() {
        String reply = Phrases.prices(Language.ENGLISH, CATALOG,
                List.of(TestCatalog.item("Chicken Shawarma"), TestCatalog.item("Fresh Lemonade")));
        assertThat(reply).isEqualTo("""
                Chicken Shawarma: 6.50 USD (Large +2 USD, Extra garlic +0.50 USD, Fries +1.50 USD)
                Fresh Lemonade: 3 USD — not available right now""");
    }

    @Test
    void hoursFollowTheWeekOverridesAndBranch() {
        String week = Phrases.hours(Language.ENGLISH, CATALOG, LocalDate.of(2025, 11, 21), null);
        assertThat(week).startsWith("Our opening hours 🕒\n*Friday (today): 12:00 PM–11:00 PM*")
                .contains("Saturday: 6:00 PM–11:30 PM (Independence Day)").contains("Monday: closed");
        assertThat(Phrases.hours(Language.FRENCH, CATALOG, LocalDate.of(2025, 11, 21), TestCatalog.JOUNIEH))
                .contains("*vendredi (aujourd'hui): 12h00–1h00*");
        assertThat(Phrases.hours(Language.ARABIZI, CATALOG, LocalDate.of(2025, 12, 25), null))
                .contains("*el khamis (lyom): msakkar (Christmas)*");
    }

    @Test
    void policiesAreTheOwnersWords() {
        assertThat(Phrases.policies(Language.ENGLISH, CATALOG, null)).isEqualTo("""
                *Delivery*: Free delivery above 20 USD within 3 km of the branch.
                *Cancellations*: Please cancel at least 2 hours ahead.""");
        assertThat(Phrases.policies(Language.ENGLISH, CATALOG, TestCatalog.JOUNIEH)).contains("Valet parking");
    }

    @Test
    void confirmationsCarryTheReference() {
        for (Language language : Language.values()) {
            assertThat(Phrases.booked(language, "R-7K3P", FRIDAY_8PM, 4, false)).contains("R-7K3P");
            assertThat(Phrases.modified(language, "R-7K3P", FRIDAY_8PM, 5)).contains("R-7K3P").contains("5");
            assertThat(Phrases.orderPlaced(language, "A-1042", new BigDecimal("21.50"), "USD", LocalTime.of(20, 40)))
                    .contains("A-1042").contains("21.50 USD").contains(Phrases.clock(language, LocalTime.of(20, 40)));
        }
    }
}
