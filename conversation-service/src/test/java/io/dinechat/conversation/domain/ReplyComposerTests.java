package io.dinechat.conversation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.conversation.domain.RestaurantFacts.DailyHours;
import io.dinechat.conversation.domain.RestaurantFacts.MenuItem;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyComposerTests {

    // A Friday evening in Beirut (UTC+2/+3), and a Friday that runs past midnight.
    static final Instant FRIDAY = Instant.parse("2026-11-20T18:00:00Z");
    static final RestaurantFacts AURORA = new RestaurantFacts("Trattoria Aurora", ZoneId.of("Asia/Beirut"), "USD",
            List.of(new DailyHours(DayOfWeek.MONDAY, null, null, true),
                    new DailyHours(DayOfWeek.FRIDAY, LocalTime.of(12, 0), LocalTime.of(1, 0), false)),
            List.of(new MenuItem("Margherita", "Tomato, mozzarella", new BigDecimal("12.50"), true),
                    new MenuItem("Burrata", null, new BigDecimal("14.00"), false)),
            List.of());

    @Test
    void menuQuestionsInFourLanguagesListOnlyAvailableDishesWithTheirPrices() {
        for (String question : List.of("What's on the menu?", "Je voudrais voir la carte", "ممكن المنيو؟",
                "shu fi akl?")) {
            String reply = ReplyComposer.compose(Optional.of(AURORA), "Amira", question, FRIDAY);
            assertThat(reply).as(question).contains("Margherita — 12.50 USD").doesNotContain("Burrata");
        }
    }

    @Test
    void hoursQuestionsShowTheWeekAndMarkTodayInTheRestaurantsTimeZone() {
        String reply = ReplyComposer.compose(Optional.of(AURORA), null, "Are you open tonight?", FRIDAY);

        assertThat(reply).contains("Monday: closed", "*Friday (today)*: 12:00–01:00");
    }

    @Test
    void accentsAndArabicHoursWordsAreUnderstood() {
        assertThat(ReplyComposer.compose(Optional.of(AURORA), null, "Vous êtes fermés lundi ?", FRIDAY))
                .startsWith("Opening hours");
        assertThat(ReplyComposer.compose(Optional.of(AURORA), null, "شو ساعات الدوام؟", FRIDAY))
                .startsWith("Opening hours");
    }

    @Test
    void wordsThatOnlyContainAKeywordDoNotTriggerIt() {
        String reply = ReplyComposer.compose(Optional.of(AURORA), "Sam", "That was a great evening", FRIDAY);

        assertThat(reply).startsWith("Hello Sam! Welcome to Trattoria Aurora.");
    }

    @Test
    void withoutTheRestaurantsDataNothingIsInvented() {
        String reply = ReplyComposer.compose(Optional.empty(), "Sam", "menu?", FRIDAY);

        assertThat(reply).doesNotContain("USD").contains("get back to you");
    }
}
