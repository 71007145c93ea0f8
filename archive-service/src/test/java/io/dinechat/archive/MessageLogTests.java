package io.dinechat.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.archive.messaging.Topics;
import io.dinechat.testing.EventContract;
import io.dinechat.testing.Eventually;
import io.dinechat.testing.SharedInfrastructure;
import io.dinechat.testing.TestProducer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Conversation history into message_logs, from the WhatsApp edge and from conversation-service. */
class MessageLogTests extends ArchiveServiceContext {

    private static final String RECEIVED = "io.dinechat.whatsapp.message.received";
    private static final String LOGGED = "io.dinechat.conversation.message.logged";
    private static final String TURN = "io.dinechat.conversation.turn.handled";
    private static final String HANDOFF = "io.dinechat.conversation.handoff.changed";

    @Autowired
    private ReactiveMongoTemplate mongo;

    @Test
    void aGuestsMessageSeenByBothTopicsIsOneDocumentWithItsBusinessAndItsOwnTimeForTheTtl() {
        // given
        String tenant = UUID.randomUUID().toString();
        String wamid = "wamid." + UUID.randomUUID();
        String waId = "9617" + (1_000_000 + (int) (Math.random() * 8_000_000));
        String key = "106540352242922:" + waId;
        Instant sent = Instant.parse("2026-11-20T18:04:05Z");
        String received = """
                {"conversationKey":"%s","wabaId":"102290129340398","phoneNumberId":"106540352242922",
                 "displayPhoneNumber":"15550783881","waId":"%s","contactName":"Rami","messageId":"%s",
                 "sentAt":"%s","type":"text","text":"bade 2 pizza","message":{"from":"%s","id":"%s","type":"text","text":{"body":"bade 2 pizza"}}}"""
                .formatted(key, waId, wamid, sent, waId, wamid);
        String logged = """
                {"tenantId":"%s","conversationKey":"%s","messageId":"%s","whatsappMessageId":"%s",
                 "direction":"inbound","author":"guest","type":"text","text":"bade 2 pizza","at":"%s"}"""
                .formatted(tenant, key, UUID.randomUUID(), wamid, sent);
        String reply = """
                {"tenantId":"%s","conversationKey":"%s","messageId":"%s","whatsappMessageId":null,
                 "direction":"outbound","author":"assistant","type":"text","text":"Sure, 2 Margherita?",
                 "at":"2026-11-20T18:04:07Z","engine":"llm","modelAnswered":true,"tokens":{"input":812,"output":44},
                 "latencyMs":1840}"""
                .formatted(tenant, key, UUID.randomUUID());
        EventContract.assertValid(RECEIVED, received.getBytes(StandardCharsets.UTF_8));
        EventContract.assertValid(LOGGED, logged.getBytes(StandardCharsets.UTF_8));
        EventContract.assertValid(LOGGED, reply.getBytes(StandardCharsets.UTF_8));

        // when: both sources deliver, conversation-service's twice
        try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
            producer.send(Topics.CONVERSATION_EVENTS, key, UUID.randomUUID().toString(), LOGGED, tenant, logged);
            producer.send(Topics.WHATSAPP_INBOUND, key, "wa-" + wamid, RECEIVED, null, received);
            producer.send(Topics.CONVERSATION_EVENTS, key, UUID.randomUUID().toString(), LOGGED, tenant, logged);
            producer.send(Topics.CONVERSATION_EVENTS, key, UUID.randomUUID().toString(), LOGGED, tenant, reply);
        }

        // then
        Eventually.await("both messages logged, the guest's with its name", () -> {
            List<Document> docs = conversation(key);
            return docs.size() == 2 && "Rami".equals(docs.getFirst().getString("contactName"))
                    && tenant.equals(docs.getFirst().getString("tenantId"));
        });
        List<Document> docs = conversation(key);
        Document guest = docs.getFirst();
        assertThat(guest.getString("_id")).isEqualTo("wa:" + wamid);
        assertThat(guest.getString("direction")).isEqualTo("inbound");
        assertThat(guest.getString("guestPhone")).isEqualTo(waId);
        assertThat(guest.getString("messageType")).isEqualTo("text");
        assertThat(guest.getString("text")).isEqualTo("bade 2 pizza");
        assertThat(guest.getDate("createdAt").toInstant()).isEqualTo(sent);
        Document assistant = docs.get(1);
        assertThat(assistant.getString("author")).isEqualTo("assistant");
        assertThat(assistant.getBoolean("modelAnswered")).isTrue();
        assertThat(assistant.get("tokens", Document.class).get("input")).isEqualTo(812);
        assertThat(assistant.get("latencyMs")).isEqualTo(1840L);
        assertThat(assistant.getString("engine")).isEqualTo("llm");
    }

    @Test
    void theAssistantsTurnsAndHandoffsAreLoggedBesideTheMessages() {
        // given
        String tenant = UUID.randomUUID().toString();
        String key = "106540352242922:96171" + (100_000 + (int) (Math.random() * 800_000));
        String turnId = UUID.randomUUID().toString();
        String turn = """
                {"tenantId":"%s","conversationKey":"%s","turnId":"%s","engine":"llm","language":"arabizi",
                 "intent":"order","outcome":"quoted","latencyMs":2140,"tokens":903}"""
                .formatted(tenant, key, turnId);
        String handoff = """
                {"tenantId":"%s","conversationKey":"%s","state":"escalated","by":"assistant",
                 "reason":"guest asked for a human","at":"2026-11-20T18:10:00Z"}"""
                .formatted(tenant, key);
        EventContract.assertValid(TURN, turn.getBytes(StandardCharsets.UTF_8));
        EventContract.assertValid(HANDOFF, handoff.getBytes(StandardCharsets.UTF_8));

        // when
        try (var producer = new TestProducer(SharedInfrastructure.kafkaBootstrapServers())) {
            producer.send(Topics.CONVERSATION_EVENTS, key, UUID.randomUUID().toString(), TURN, tenant, turn);
            producer.send(Topics.CONVERSATION_EVENTS, key, UUID.randomUUID().toString(), HANDOFF, tenant, handoff);
        }

        // then
        Eventually.await("turn and handoff logged", () -> conversation(key).size() == 2);
        List<Document> docs = conversation(key);
        Document logged = docs.stream().filter(d -> "turn".equals(d.getString("kind"))).findFirst().orElseThrow();
        assertThat(logged.getString("_id")).isEqualTo("turn:" + turnId);
        assertThat(logged.getBoolean("modelAnswered")).isTrue();
        assertThat(logged.get("tokens")).isEqualTo(903L);
        assertThat(logged.get("latencyMs")).isEqualTo(2140L);
        assertThat(logged.getString("intent")).isEqualTo("order");
        Document escalated = docs.stream().filter(d -> "handoff".equals(d.getString("kind"))).findFirst().orElseThrow();
        assertThat(escalated.getString("state")).isEqualTo("escalated");
        assertThat(escalated.getDate("createdAt").toInstant()).isEqualTo(Instant.parse("2026-11-20T18:10:00Z"));
    }

    private List<Document> conversation(String key) {
        return mongo.getCollection("message_logs")
                .flatMapMany(c -> c.find(new Document("conversationKey", key)).sort(new Document("createdAt", 1)))
                .collectList().block(Duration.ofSeconds(10));
    }
}
