package io.dinechat.conversation.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.conversation.understanding.CatalogFacts;
import io.dinechat.conversation.understanding.snapshot.CatalogSnapshotReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** What the guard lets a guest read, against a menu of one Margherita (12.50 USD, Large +3.00) under "Pizzas". */
class GroundingGuardTests {

    final CatalogFacts catalog = CatalogSnapshotReader.read(JsonMapper.builder().build().readTree(LlmEngineTests.CATALOG));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The Margherita is 12.50 USD.|true",
            "Margherita: $12.50, Large +3.00 USD|true",
            "A large Margherita comes to 15.50 USD|true",
            "La Margherita coûte 12,50 €.|true",
            "Our pizzas are made fresh. Table for 4 at 8pm tomorrow?|true",
            "We open at 12:00 and close at 23:00 on Tuesdays.|true",
            "The Margherita is 9.99 USD.|false",
            "Margherita $8|false",
            "We also have sushi and lobster.|false",
            "Lobster linguine 12.50 USD|false",
            "عندنا شاورما طيبة|false",
            "''|false"})
    void refusesPricesAndDishesTheCatalogDoesNotHold(String text, boolean grounded) {
        assertThat(GroundingGuard.check(text, catalog).grounded()).as(text).isEqualTo(grounded);
    }
}
