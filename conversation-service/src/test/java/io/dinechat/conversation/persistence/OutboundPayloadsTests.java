package io.dinechat.conversation.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.conversation.domain.OutboundContent;
import io.dinechat.conversation.domain.OutboundContent.Button;
import io.dinechat.conversation.domain.OutboundContent.ListMenu;
import io.dinechat.conversation.domain.OutboundContent.ReplyButtons;
import io.dinechat.conversation.domain.OutboundContent.Row;
import io.dinechat.conversation.domain.OutboundContent.Section;
import io.dinechat.conversation.domain.OutboundContent.Template;
import io.dinechat.conversation.domain.OutboundContent.Text;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What is queued in {@code messages.payload} comes back as the same content, with its fallback template. */
class OutboundPayloadsTests {

    static List<OutboundContent> kinds() {
        return List.of(new Text("Ciao Lucía! «Menu» — 12.50 €"),
                new ReplyButtons("Keep your booking?", List.of(new Button("reservation:confirm:R-1", "Keep"),
                        new Button("reservation:cancel:R-1", "Cancel"))),
                new ListMenu("Which branch?", "Branches", List.of(
                        new Section("Beirut", List.of(new Row("b1", "Hamra", "Open until 23:00"), new Row("b2", "Achrafieh", null))),
                        new Section(null, List.of(new Row("b3", "Jounieh", null))))),
                new Template("reservation_reminder", "ar", List.of("لينا", "20:00")),
                new Template("no_parameters", "en", List.of()));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyKindSurvivesTheRoundTrip(OutboundContent content) {
        var fallback = new Template("order_ready", "fr", List.of("A-1042"));

        String payload = OutboundPayloads.write(content, fallback);

        assertThat(OutboundPayloads.content(payload)).isEqualTo(content);
        assertThat(OutboundPayloads.fallback(payload)).isEqualTo(fallback);
        assertThat(OutboundPayloads.fallback(OutboundPayloads.write(content, null))).isNull();
    }
}
