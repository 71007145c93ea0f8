package io.dinechat.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.conversation.understanding.CatalogFacts;
import io.dinechat.conversation.understanding.CatalogFacts.MenuItem;
import io.dinechat.conversation.understanding.CatalogFacts.Option;
import io.dinechat.conversation.understanding.CatalogFacts.OptionGroup;
import io.dinechat.conversation.understanding.Language;
import io.dinechat.conversation.understanding.OfflineEngine;
import io.dinechat.conversation.understanding.TurnInput;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A choice the catalog requires (a pizza's size) is asked for, as buttons, before an order is sent
 * for a quote; the guest answers by tapping or by typing it, in any language. Played through the
 * offline engine and the policy, as a turn would be.
 */
class RequiredOptionsTests {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 24, 12, 0);
    static final UUID REGULAR = UUID.randomUUID();
    static final UUID LARGE = UUID.randomUUID();
    static final UUID BURRATA = UUID.randomUUID();
    static final MenuItem MARGHERITA = new MenuItem(UUID.randomUUID(), "Margherita", null, new BigDecimal("12.50"), true,
            List.of("pizza"), List.of(), null, List.of(), List.of(
                    new OptionGroup(UUID.randomUUID(), "Size", "size", true, 1, 1, List.of(
                            new Option(REGULAR, "Regular (30 cm)", BigDecimal.ZERO, true),
                            new Option(LARGE, "Large (40 cm)", new BigDecimal("4.00"), true))),
                    new OptionGroup(UUID.randomUUID(), "Extras", "extra", false, 0, 3, List.of(
                            new Option(BURRATA, "Extra burrata", new BigDecimal("3.50"), true)))));
    static final MenuItem LIMONATA = MenuItem.simple(UUID.randomUUID(), "Limonata", "4.00");
    static final CatalogFacts CATALOG = new CatalogFacts("Trattoria", Language.ENGLISH, ZoneId.of("Asia/Beirut"), "USD",
            null, List.of(), List.of(MARGHERITA, LIMONATA, MenuItem.simple(UUID.randomUUID(), "Burrata", "14.00")),
            List.of(), List.of(), List.of());

    final DialogPolicy policy = new DialogPolicy();
    final OfflineEngine engine = new OfflineEngine();

    Decision say(DialogState state, String text, String button) {
        var understood = engine.understand(new TurnInput(text, null, CATALOG, NOW.toLocalDate(), CATALOG.timeZone()));
        return policy.onTurn(state, new DialogPolicy.Turn(understood, text, button, "Maya", CATALOG, null, NOW,
                UUID::randomUUID));
    }

    @Test
    void theSizeIsAskedWithButtonsBeforeTheQuoteAndATypedAnswerFillsIt() {
        Decision asked = say(DialogState.idle(), "one margherita and one limonata to take away", null);

        assertThat(asked.command()).isNull();
        assertThat(asked.says()).singleElement().isInstanceOfSatisfying(Say.ChooseOption.class, c -> {
            assertThat(c.itemName()).isEqualTo("Margherita");
            assertThat(c.group().name()).isEqualTo("Size");
        });
        var shown = Wording.render(asked.says().getFirst(), Language.ENGLISH, CATALOG, NOW.toLocalDate());
        assertThat(shown).isInstanceOfSatisfying(io.dinechat.conversation.domain.OutboundContent.ReplyButtons.class,
                b -> assertThat(b.buttons()).extracting(io.dinechat.conversation.domain.OutboundContent.Button::id)
                        .containsExactly("option:" + REGULAR, "option:" + LARGE));

        Decision answered = say(asked.state(), "regular", null);

        assertThat(answered.command()).isInstanceOfSatisfying(AssistantCommand.Order.class, o -> {
            assertThat(o.place()).isFalse();
            assertThat(o.items()).extracting(l -> l.itemName() + l.optionIds())
                    .containsExactly("Margherita[" + REGULAR + "]", "Limonata[]");
        });
    }

    @Test
    void aTappedChoiceFillsItInArabicToo() {
        Decision asked = say(DialogState.idle(), "بدي مارغريتا سفري", null);
        assertThat(asked.says()).singleElement().isInstanceOf(Say.ChooseOption.class);

        Decision tapped = say(asked.state(), "", "option:" + LARGE);

        assertThat(tapped.command()).isInstanceOfSatisfying(AssistantCommand.Order.class,
                o -> assertThat(o.items().getFirst().optionIds()).containsExactly(LARGE));
    }

    @Test
    void aSizeAndAnExtraSaidWithTheItemNeedNoQuestion() {
        Decision ordered = say(DialogState.idle(), "2 large margherita with extra burrata for takeaway", null);

        assertThat(ordered.command()).isInstanceOfSatisfying(AssistantCommand.Order.class, o ->
                assertThat(o.items()).singleElement().satisfies(l -> {
                    assertThat(l.quantity()).isEqualTo(2);
                    assertThat(l.optionIds()).containsExactly(LARGE, BURRATA);
                }));
    }
}
