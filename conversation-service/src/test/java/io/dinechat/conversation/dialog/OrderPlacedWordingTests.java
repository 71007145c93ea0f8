package io.dinechat.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.conversation.domain.OutboundContent;
import io.dinechat.conversation.understanding.CatalogFacts;
import io.dinechat.conversation.understanding.Language;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guest reads the ready time on the restaurant's clock, not in UTC. */
class OrderPlacedWordingTests {

    @Test
    void theReadyTimeIsToldInTheRestaurantsTimeZone() {
        CatalogFacts empty = CatalogFacts.empty();
        CatalogFacts beirut = new CatalogFacts("Trattoria Aurora", Language.ENGLISH, ZoneId.of("Asia/Beirut"), "USD",
                empty.settings(), List.of(), List.of(), List.of(), List.of(), List.of());
        Quote quote = new Quote(List.of(new Quote.Line("Margherita", 2, List.of("Large"), new BigDecimal("33.00"))),
                new BigDecimal("33.00"), BigDecimal.ZERO, new BigDecimal("33.00"), "USD", "takeaway");

        OutboundContent said = Wording.render(new Say.OrderPlaced("A-1001", quote, "2026-11-25T16:43:00Z"),
                Language.ENGLISH, beirut, LocalDate.of(2026, 11, 25));

        assertThat(((OutboundContent.Text) said).body()).contains("A-1001").contains("Ready around 18:43");
    }
}
