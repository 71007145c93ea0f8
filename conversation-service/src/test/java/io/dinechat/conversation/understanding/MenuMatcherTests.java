package io.dinechat.conversation.understanding;

import static io.dinechat.conversation.understanding.TestCatalog.CATALOG;
import static io.dinechat.conversation.understanding.TestCatalog.item;
import static io.dinechat.conversation.understanding.TestCatalog.option;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Items, quantities, options and notes matched against the catalog, whatever the spelling. */
class MenuMatcherTests {

    @Test
    void readsQuantitiesOptionsAndNotesPerItem() {
        MenuMatcher.Result result = MenuMatcher.match(
                "2 large chicken shawarmas with extra garlic, no pickles + 3 hummus and a beef shawarma small with fries",
                CATALOG);

        assertThat(result.lines()).containsExactly(
                new OrderLine(item("Chicken Shawarma"), "Chicken Shawarma", 2,
                        List.of(option("Chicken Shawarma", "Large"), option("Chicken Shawarma", "Extra garlic")), "no pickles"),
                new OrderLine(item("Hummus"), "Hummus", 3, List.of(), null),
                new OrderLine(item("Beef Shawarma"), "Beef Shawarma", 1,
                        List.of(option("Beef Shawarma", "Small"), option("Beef Shawarma", "Fries")), null));
        assertThat(result.ambiguous()).isEmpty();
    }

    @Test
    void keepsOneChoiceInASingleChoiceGroup() {
        MenuMatcher.Result result = MenuMatcher.match("1 margherita pizza large medium", CATALOG);

        assertThat(result.lines()).singleElement().satisfies(line ->
                assertThat(line.optionIds()).containsExactly(option("Margherita Pizza", "Medium")));
    }

    @Test
    void asksBackWhenAPartOfANameFitsSeveralItems() {
        MenuMatcher.Result result = MenuMatcher.match("2 shawarma please", CATALOG);

        assertThat(result.lines()).isEmpty();
        assertThat(result.ambiguous()).singleElement().satisfies(a -> {
            assertThat(a.asWritten()).isEqualTo("shawarma");
            assertThat(a.candidates()).containsExactlyInAnyOrder(item("Chicken Shawarma"), item("Beef Shawarma"));
        });
    }

    @ParameterizedTest(name = "«{0}» is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            houmous                 | Hummus
            hommos                  | Hummus
            7ommos                  | Hummus
            حمص                     | Hummus
            الحمص                   | Hummus
            fattouch                | Fattoush
            fatoush                 | Fattoush
            فتوش                    | Fattoush
            taboulé                 | Tabbouleh
            tabbouli                | Tabbouleh
            تبولة                   | Tabbouleh
            man2oushe za3tar        | Manoushe Zaatar
            منقوشة زعتر              | Manoushe Zaatar
            knafeh                  | Knefeh
            كنافة                   | Knefeh
            chawarma poulet         | Chicken Shawarma
            shawarma djej           | Chicken Shawarma
            شاورما دجاج              | Chicken Shawarma
            شاورما لحمة              | Beef Shawarma
            coca                    | Coca-Cola
            كولا                    | Coca-Cola
            margarita pizza         | Margherita Pizza
            falafel sandwiches      | Falafel Sandwich
            fresh lemonades         | Fresh Lemonade
            """)
    void matchesSpellingsTransliterationsAndPlurals(String text, String expected) {
        assertThat(MenuMatcher.match(text, CATALOG).lines()).extracting(OrderLine::itemName).containsExactly(expected);
    }

    @ParameterizedTest(name = "«{0}» names no dish")
    @CsvSource(delimiter = '|', textBlock = """
            table for 4 tomorrow at 8
            it's been an hour, still waiting
            I want to speak to the manager
            what time do you close
            """)
    void findsNothingWhereNothingIsNamed(String text) {
        MenuMatcher.Result result = MenuMatcher.match(text, CATALOG);
        assertThat(result.lines()).isEmpty();
        assertThat(result.ambiguous()).isEmpty();
    }

    @Test
    void matchesOutOfStockItemsSoTheAssistantCanSaySo() {
        assertThat(MenuMatcher.match("2 fresh lemonade", CATALOG).lines()).singleElement()
                .satisfies(line -> assertThat(CATALOG.item(line.itemId()).orElseThrow().available()).isFalse());
    }

    @Test
    void aNewCatalogIsMatchedByItsOwnItems() {
        UUID soup = UUID.randomUUID();
        CatalogFacts other = new CatalogFacts("Soup Bar", Language.FRENCH, ZoneId.of("Europe/Paris"), "EUR", null,
                List.of(), List.of(CatalogFacts.MenuItem.simple(soup, "Soupe à l'oignon", "7.50")), List.of(), List.of(),
                List.of());

        assertThat(MenuMatcher.match("deux soupes a l oignon", other).lines())
                .containsExactly(new OrderLine(soup, "Soupe à l'oignon", 2, List.of(), null));
        assertThat(MenuMatcher.match("2 hummus", other).lines()).isEmpty();
        assertThat(new BigDecimal("7.50")).isEqualTo(other.item(soup).orElseThrow().price());
    }
}
