package io.dinechat.ingest.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dinechat.ingest.domain.MalformedWebhookException;
import io.dinechat.ingest.domain.WebhookRecord;
import io.dinechat.ingest.domain.WebhookRecord.Kind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WebhookPayloadSplitterTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Two businesses' numbers; Lucía writes to both, Marco to the first; two delivery statuses. */
    private static final String BATCH = """
            {
              "object": "whatsapp_business_account",
              "entry": [
                {
                  "id": "102290129340398",
                  "changes": [
                    {
                      "field": "messages",
                      "value": {
                        "messaging_product": "whatsapp",
                        "metadata": { "display_phone_number": "15550783881", "phone_number_id": "106540352242922" },
                        "contacts": [
                          { "profile": { "name": "Lucía Gómez" }, "wa_id": "34600111222" },
                          { "profile": { "name": "Marco Rossi" }, "wa_id": "393471234567" }
                        ],
                        "messages": [
                          {
                            "from": "34600111222",
                            "id": "wamid.HBgLMzQ2MDAxMTEyMjIVAgASGBQzQTAxQkFUQ0gxAA==",
                            "timestamp": "1718900000",
                            "type": "text",
                            "text": { "body": "Hola, ¿tenéis mesa para 4 esta noche?" }
                          },
                          {
                            "from": "393471234567",
                            "id": "wamid.HBgMMzkzNDcxMjM0NTY3FQIAEhgUM0EwMkJBVENIMgA=",
                            "timestamp": "1718900005",
                            "type": "text",
                            "text": { "body": "Buonasera, siete aperti domenica?" }
                          }
                        ]
                      }
                    }
                  ]
                },
                {
                  "id": "187654320987654",
                  "changes": [
                    {
                      "field": "messages",
                      "value": {
                        "messaging_product": "whatsapp",
                        "metadata": { "display_phone_number": "15550990011", "phone_number_id": "109876543210987" },
                        "contacts": [ { "profile": { "name": "Lucía Gómez" }, "wa_id": "34600111222" } ],
                        "messages": [
                          {
                            "context": { "from": "15550990011", "id": "wamid.HBgLMzQ2MDAxMTEyMjIVAgARGBJPVVQwMQA=" },
                            "from": "34600111222",
                            "id": "wamid.HBgLMzQ2MDAxMTEyMjIVAgASGBQzQTAzQkFUQ0gzAA==",
                            "timestamp": "1718900042",
                            "type": "interactive",
                            "interactive": { "type": "button_reply", "button_reply": { "id": "slot_2100", "title": "21:00" } }
                          }
                        ]
                      }
                    },
                    {
                      "field": "messages",
                      "value": {
                        "messaging_product": "whatsapp",
                        "metadata": { "display_phone_number": "15550990011", "phone_number_id": "109876543210987" },
                        "statuses": [
                          {
                            "id": "wamid.HBgLMzQ2MDAxMTEyMjIVAgARGBJPVVQwMQA=",
                            "status": "delivered",
                            "timestamp": "1718900050",
                            "recipient_id": "34600111222",
                            "conversation": { "id": "c0f6e3b1a2d4", "origin": { "type": "service" } },
                            "pricing": { "billable": true, "pricing_model": "PMP", "category": "service" }
                          },
                          {
                            "id": "wamid.HBgMMzkzNDcxMjM0NTY3FQIAERgST1VUMDIA",
                            "status": "read",
                            "timestamp": "1718900060",
                            "recipient_id": "393471234567"
                          }
                        ]
                      }
                    }
                  ]
                }
              ]
            }
            """;

    /** One guest sending every kind of message the restaurants see. */
    private static final String MESSAGE_TYPES = """
            {
              "object": "whatsapp_business_account",
              "entry": [ {
                "id": "102290129340398",
                "changes": [ {
                  "field": "messages",
                  "value": {
                    "messaging_product": "whatsapp",
                    "metadata": { "display_phone_number": "15550783881", "phone_number_id": "106540352242922" },
                    "contacts": [ { "profile": { "name": "Lucía Gómez" }, "wa_id": "34600111222" } ],
                    "messages": [
                      { "from": "34600111222", "id": "wamid.TYPE-text", "timestamp": "1718901000", "type": "text",
                        "text": { "body": "¿Tenéis opciones sin gluten?" } },
                      { "context": { "from": "15550783881", "id": "wamid.OUT-slots" },
                        "from": "34600111222", "id": "wamid.TYPE-button-reply", "timestamp": "1718901010", "type": "interactive",
                        "interactive": { "type": "button_reply", "button_reply": { "id": "slot_2130", "title": "21:30" } } },
                      { "context": { "from": "15550783881", "id": "wamid.OUT-menu" },
                        "from": "34600111222", "id": "wamid.TYPE-list-reply", "timestamp": "1718901020", "type": "interactive",
                        "interactive": { "type": "list_reply",
                          "list_reply": { "id": "menu_paella", "title": "Paella valenciana", "description": "Para 2 personas" } } },
                      { "context": { "from": "15550783881", "id": "wamid.OUT-reminder" },
                        "from": "34600111222", "id": "wamid.TYPE-button", "timestamp": "1718901030", "type": "button",
                        "button": { "payload": "CONFIRM_YES", "text": "Sí, confirmo" } },
                      { "from": "34600111222", "id": "wamid.TYPE-image", "timestamp": "1718901040", "type": "image",
                        "image": { "caption": "Así llegó el postre", "mime_type": "image/jpeg",
                          "sha256": "Yz0xQ2rR1b5yW9sVmQ2Zl2bq0zv8m4bQm1GfQzZk3Xo=", "id": "1479537139650973" } },
                      { "from": "34600111222", "id": "wamid.TYPE-location", "timestamp": "1718901050", "type": "location",
                        "location": { "latitude": 39.4735, "longitude": -0.3791, "name": "Mercado Central",
                          "address": "Plaça de la Ciutat de Bruges, s/n, 46001 València" } },
                      { "from": "34600111222", "id": "wamid.TYPE-reaction", "timestamp": "1718901060", "type": "reaction",
                        "reaction": { "message_id": "wamid.OUT-confirmation", "emoji": "👍" } },
                      { "from": "34600111222", "id": "wamid.TYPE-audio", "timestamp": "1718901070", "type": "audio",
                        "audio": { "mime_type": "audio/ogg; codecs=opus", "sha256": "k1fA0yq9Xn3T0m5oS0rQ4u6Vw8bZ2dE1fG3hJ5kL7mN=",
                          "id": "1003383421387256", "voice": true } }
                    ]
                  }
                } ]
              } ]
            }
            """;

    private static final String FAILED_STATUS = """
            {
              "object": "whatsapp_business_account",
              "entry": [ {
                "id": "102290129340398",
                "changes": [ {
                  "field": "messages",
                  "value": {
                    "messaging_product": "whatsapp",
                    "metadata": { "display_phone_number": "15550783881", "phone_number_id": "106540352242922" },
                    "statuses": [ {
                      "id": "wamid.HBgLMzQ2MDAxMTEyMjIVAgARGBJGQUlMRUQwMQA=",
                      "status": "failed",
                      "timestamp": "1718902000",
                      "recipient_id": "34600111222",
                      "errors": [ {
                        "code": 131047,
                        "title": "Re-engagement message",
                        "message": "Re-engagement message",
                        "error_data": { "details": "Message failed to send because more than 24 hours have passed since the customer last replied to this number." },
                        "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"
                      } ]
                    } ]
                  }
                } ]
              } ]
            }
            """;

    /** Staff answered from the WhatsApp Business App on a coexistence number. */
    private static final String ECHO = """
            {
              "object": "whatsapp_business_account",
              "entry": [ {
                "id": "102290129340398",
                "changes": [ {
                  "field": "smb_message_echoes",
                  "value": {
                    "messaging_product": "whatsapp",
                    "metadata": { "display_phone_number": "15550783881", "phone_number_id": "106540352242922" },
                    "message_echoes": [ {
                      "from": "15550783881",
                      "to": "34600111222",
                      "id": "wamid.HBgLMzQ2MDAxMTEyMjIVAgARGBJFQ0hPMDEA",
                      "timestamp": "1718903000",
                      "type": "text",
                      "text": { "body": "¡Os esperamos a las 21:00!" }
                    } ]
                  }
                } ]
              } ]
            }
            """;

    private static final String TEMPLATE_STATUS_UPDATE = """
            {
              "object": "whatsapp_business_account",
              "entry": [ {
                "id": "102290129340398",
                "time": 1718904000,
                "changes": [ {
                  "field": "message_template_status_update",
                  "value": {
                    "event": "APPROVED",
                    "message_template_id": 1289374655123401,
                    "message_template_name": "reservation_reminder",
                    "message_template_language": "es",
                    "reason": "NONE"
                  }
                } ]
              } ]
            }
            """;

    private final WebhookPayloadSplitter splitter = new WebhookPayloadSplitter(JSON);

    @Test
    void aBatchBecomesOneRecordPerMessageAndStatusKeyedByConversation() {
        // given
        byte[] body = utf8(BATCH);

        // when
        List<WebhookRecord> records = splitter.split(body);

        // then
        assertThat(records).extracting(WebhookRecord::kind).containsExactly(
                Kind.MESSAGE_RECEIVED, Kind.MESSAGE_RECEIVED, Kind.MESSAGE_RECEIVED,
                Kind.STATUS_UPDATED, Kind.STATUS_UPDATED);
        assertThat(records).extracting(WebhookRecord::key).containsExactly(
                "106540352242922:34600111222",
                "106540352242922:393471234567",
                "109876543210987:34600111222",
                "109876543210987:34600111222",
                "109876543210987:393471234567");
        assertThat(records).extracting(WebhookRecord::id).doesNotContainNull().doesNotHaveDuplicates();
        JsonNode first = read(records.get(0));
        assertThat(first.path("conversationKey").asString()).isEqualTo("106540352242922:34600111222");
        assertThat(first.path("contactName").asString()).isEqualTo("Lucía Gómez");
        assertThat(first.path("sentAt").asString()).isEqualTo("2024-06-20T16:13:20Z");
        assertThat(read(records.get(1)).path("contactName").asString()).isEqualTo("Marco Rossi");
        assertThat(read(records.get(4)).path("status").asString()).isEqualTo("read");
    }

    @Test
    void theSamePayloadTwiceGivesTheSameIdsSoRedeliveriesDeduplicate() {
        // given
        byte[] body = utf8(BATCH);

        // when
        List<String> first = splitter.split(body).stream().map(WebhookRecord::id).toList();
        List<String> redelivered = splitter.split(utf8(BATCH)).stream().map(WebhookRecord::id).toList();

        // then
        assertThat(first).hasSize(5);
        assertThat(redelivered).isEqualTo(first);
    }

    @ParameterizedTest(name = "{0} reads as [{1}]")
    @CsvSource(nullValues = "NONE", delimiter = '|', textBlock = """
            wamid.TYPE-text          | ¿Tenéis opciones sin gluten?
            wamid.TYPE-button-reply  | 21:30
            wamid.TYPE-list-reply    | Paella valenciana
            wamid.TYPE-button        | Sí, confirmo
            wamid.TYPE-image         | Así llegó el postre
            wamid.TYPE-location      | Mercado Central, Plaça de la Ciutat de Bruges, s/n, 46001 València
            wamid.TYPE-reaction      | 👍
            wamid.TYPE-audio         | NONE
            """)
    void everyMessageTypeKeepsItsRawObjectAndExposesWhatAPersonWouldRead(String messageId, String expectedText) {
        // given
        byte[] body = utf8(MESSAGE_TYPES);
        JsonNode original = originalMessage(MESSAGE_TYPES, messageId);

        // when
        List<WebhookRecord> records = splitter.split(body);

        // then
        assertThat(records).hasSize(8).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(Kind.MESSAGE_RECEIVED);
            assertThat(r.key()).isEqualTo("106540352242922:34600111222");
        });
        JsonNode event = records.stream().map(WebhookPayloadSplitterTests::read)
                .filter(e -> messageId.equals(e.path("messageId").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no record for " + messageId));
        assertThat(event.path("type").asString()).isEqualTo(original.path("type").asString());
        assertThat(textOrNull(event.path("text"))).isEqualTo(expectedText);
        assertThat(event.path("message")).isEqualTo(original);
    }

    @Test
    void aFailedStatusCarriesMetasErrors() {
        // given
        byte[] body = utf8(FAILED_STATUS);
        JsonNode errors = JSON.readTree(FAILED_STATUS).at("/entry/0/changes/0/value/statuses/0/errors");

        // when
        List<WebhookRecord> records = splitter.split(body);

        // then
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(Kind.STATUS_UPDATED);
            assertThat(r.key()).isEqualTo("106540352242922:34600111222");
            JsonNode event = read(r);
            assertThat(event.path("status").asString()).isEqualTo("failed");
            assertThat(event.path("errors")).isEqualTo(errors);
            assertThat(event.path("errors").path(0).path("code").asInt()).isEqualTo(131047);
        });
    }

    @Test
    void anEchoOfWhatStaffSentFromTheAppIsKeyedByTheGuestItWentTo() {
        // given
        byte[] body = utf8(ECHO);

        // when
        List<WebhookRecord> records = splitter.split(body);

        // then
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(Kind.MESSAGE_ECHOED);
            assertThat(r.kind().isConversational()).isTrue();
            assertThat(r.key()).isEqualTo("106540352242922:34600111222");
            JsonNode event = read(r);
            assertThat(event.path("waId").asString()).isEqualTo("34600111222");
            assertThat(event.path("text").asString()).isEqualTo("¡Os esperamos a las 21:00!");
        });
    }

    @Test
    void aFieldWeDoNotInterpretBecomesANoticeKeepingItsValue() {
        // given
        byte[] body = utf8(TEMPLATE_STATUS_UPDATE);
        JsonNode value = JSON.readTree(TEMPLATE_STATUS_UPDATE).at("/entry/0/changes/0/value");

        // when
        List<WebhookRecord> records = splitter.split(body);

        // then
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(Kind.NOTICE_RECEIVED);
            assertThat(r.kind().isConversational()).isFalse();
            assertThat(r.key()).isEqualTo("waba:102290129340398");
            JsonNode event = read(r);
            assertThat(event.path("field").asString()).isEqualTo("message_template_status_update");
            assertThat(event.path("value")).isEqualTo(value);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "this is not json",
            "{\"object\":\"whatsapp_business_account\",\"entry\":[",
            "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":1718900000,\"messaging\":[]}]}",
            "[{\"object\":\"whatsapp_business_account\"}]",
            ""
    })
    void aBodyThatIsNotAWhatsAppBusinessWebhookIsMalformed(String payload) {
        // given
        byte[] body = utf8(payload);

        // when / then
        assertThatThrownBy(() -> splitter.split(body)).isInstanceOf(MalformedWebhookException.class);
    }

    private static JsonNode originalMessage(String payload, String messageId) {
        for (JsonNode message : JSON.readTree(payload).at("/entry/0/changes/0/value/messages")) {
            if (messageId.equals(message.path("id").asString())) {
                return message;
            }
        }
        throw new AssertionError("the fixture has no message " + messageId);
    }

    private static String textOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private static JsonNode read(WebhookRecord record) {
        return JSON.readTree(record.json());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
