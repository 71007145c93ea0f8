package io.dinechat.ingest.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.ingest.domain.WebhookRecord;
import io.dinechat.ingest.domain.WebhookRecord.Kind;
import io.dinechat.testing.EventContract;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every shape the WhatsApp Cloud API sends is carried faithfully: one record, keyed by its
 * conversation, Meta's object unchanged inside, what a person would read pulled out, and the
 * event valid against its published schema.
 */
class CloudApiShapesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final WebhookPayloadSplitter splitter = new WebhookPayloadSplitter(JSON);
    private static final String CONVERSATION = MetaFixtures.PHONE_NUMBER_ID + ":" + MetaFixtures.GUEST;

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("message-text", "text", "¿Tenéis mesa para 4 esta noche?", null, null),
                Arguments.of("message-audio", "audio", null, null, "1037543291543636"),
                Arguments.of("message-image", "image", "Así llegó el postre", null, "1479537139650973"),
                Arguments.of("message-video", "video", "La terraza", null, "1542867209767311"),
                Arguments.of("message-document", "document", "Menú del grupo", null, "1003383421387256"),
                Arguments.of("message-sticker", "sticker", null, null, "1022525662491539"),
                Arguments.of("message-location", "location", "Casa, Carrer de Colón 1, València", null, null),
                Arguments.of("message-contacts", "contacts", "Pablo Ruiz", null, null),
                Arguments.of("message-reaction", "reaction", "👍", null, null),
                Arguments.of("message-button-reply", "interactive", "Confirmar", "reservation:confirm:R-7K3P", null),
                Arguments.of("message-list-reply", "interactive", "Paella valenciana", "item:paella", null),
                Arguments.of("message-template-button", "button", "Cancelar reserva", "reservation:cancel:R-7K3P", null),
                Arguments.of("message-order", "order", "Sin cebolla, por favor", null, null),
                Arguments.of("message-referral", "text", "Hola, vi vuestro anuncio", null, null),
                Arguments.of("message-system", "system", "User A changed from 34600111222 to 34600999888", null, null),
                Arguments.of("message-unsupported", "unsupported", null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void eachMessageTypeBecomesOneFaithfulRecord(String fixture, String type, String readable, String replyId,
            String mediaId) {
        // given
        byte[] body = MetaFixtures.body(fixture);
        JsonNode original = JSON.readTree(body).at("/entry/0/changes/0/value/messages/0");

        // when
        List<WebhookRecord> records = splitter.split(body);

        // then
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.kind()).isEqualTo(Kind.MESSAGE_RECEIVED);
            assertThat(record.key()).isEqualTo(CONVERSATION);
            assertThat(record.type()).isEqualTo(type);
            EventContract.assertValid(Kind.MESSAGE_RECEIVED.eventType(), record.json());
        });
        JsonNode event = JSON.readTree(records.getFirst().json());
        assertThat(event.path("message")).isEqualTo(original);
        assertThat(event.path("type").asString()).isEqualTo(type);
        assertThat(event.path("messageId").asString()).isEqualTo(original.path("id").asString());
        assertThat(event.path("sentAt").asString()).isEqualTo("2024-06-20T16:13:20Z");
        assertThat(nullable(event.path("text"))).isEqualTo(readable);
        assertThat(nullable(event.path("replyId"))).isEqualTo(replyId);
        assertThat(nullable(event.path("mediaId"))).isEqualTo(mediaId);
    }

    @Test
    void aGuestWritingFromAnAdKeepsTheReferralAndARepliedButtonItsContext() {
        JsonNode fromAd = JSON.readTree(splitter.split(MetaFixtures.body("message-referral")).getFirst().json());
        assertThat(fromAd.path("referral").path("source_type").asString()).isEqualTo("ad");
        assertThat(fromAd.path("referral").path("ctwa_clid").asString()).isEqualTo("ARAkLkA8rmlFeiCktEJQ");

        JsonNode tapped = JSON.readTree(splitter.split(MetaFixtures.body("message-button-reply")).getFirst().json());
        assertThat(tapped.path("contextMessageId").asString()).isEqualTo("wamid.OUR-BUTTONS");
        assertThat(tapped.path("contactName").asString()).isEqualTo("Lucía Gómez");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuses")
    void eachStatusCarriesPricingConversationAndErrors(String fixture, String status) {
        byte[] body = MetaFixtures.body(fixture);
        JsonNode original = JSON.readTree(body).at("/entry/0/changes/0/value/statuses/0");

        List<WebhookRecord> records = splitter.split(body);

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.kind()).isEqualTo(Kind.STATUS_UPDATED);
            assertThat(record.key()).isEqualTo(CONVERSATION);
            EventContract.assertValid(Kind.STATUS_UPDATED.eventType(), record.json());
        });
        JsonNode event = JSON.readTree(records.getFirst().json());
        assertThat(event.path("status").asString()).isEqualTo(status);
        assertThat(event.path("statusObject")).isEqualTo(original);
        assertThat(event.path("errors")).isEqualTo(original.has("errors") ? original.get("errors") : JSON.createArrayNode());
    }

    static Stream<Arguments> statuses() {
        return Stream.of(Arguments.of("status-sent", "sent"), Arguments.of("status-delivered", "delivered"),
                Arguments.of("status-read", "read"), Arguments.of("status-failed", "failed"));
    }

    @Test
    void aFailedStatusKeepsMetasReasonAndAPricedOneItsConversation() {
        JsonNode failed = JSON.readTree(splitter.split(MetaFixtures.body("status-failed")).getFirst().json());
        assertThat(failed.path("errors").path(0).path("code").asInt()).isEqualTo(131047);
        JsonNode sent = JSON.readTree(splitter.split(MetaFixtures.body("status-sent")).getFirst().json());
        assertThat(sent.at("/statusObject/pricing/category").asString()).isEqualTo("utility");
        assertThat(sent.at("/statusObject/conversation/origin/type").asString()).isEqualTo("service");
    }

    @Test
    void whatStaffSentFromTheBusinessAppIsAnEchoInTheGuestsConversation() {
        List<WebhookRecord> records = splitter.split(MetaFixtures.body("echo-text"));

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.kind()).isEqualTo(Kind.MESSAGE_ECHOED);
            assertThat(record.key()).isEqualTo(CONVERSATION);
            EventContract.assertValid(Kind.MESSAGE_ECHOED.eventType(), record.json());
        });
        assertThat(JSON.readTree(records.getFirst().json()).path("text").asString()).startsWith("Hola Lucía, soy Marta");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notices")
    void appStateSyncHistoryAndErrorsBecomeNoticesKeyedByTheNumber(String fixture, String field) {
        byte[] body = MetaFixtures.body(fixture);
        JsonNode value = JSON.readTree(body).at("/entry/0/changes/0/value");

        List<WebhookRecord> records = splitter.split(body);

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.kind()).isEqualTo(Kind.NOTICE_RECEIVED);
            assertThat(record.key()).isEqualTo(MetaFixtures.PHONE_NUMBER_ID);
            assertThat(record.type()).isEqualTo(field);
            EventContract.assertValid(Kind.NOTICE_RECEIVED.eventType(), record.json());
        });
        JsonNode event = JSON.readTree(records.getFirst().json());
        assertThat(event.path("field").asString()).isEqualTo(field);
        assertThat(event.path("value")).isEqualTo(value);
    }

    static Stream<Arguments> notices() {
        return Stream.of(Arguments.of("notice-app-state-sync", "smb_app_state_sync"),
                Arguments.of("notice-history", "history"), Arguments.of("notice-error", "messages"));
    }

    private static String nullable(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }
}
