package io.dinechat.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.dinechat.localstack.whatsapp.InteractiveReply;
import io.dinechat.testing.dialogues.AssistantReply;
import io.dinechat.testing.dialogues.Dialogue;
import io.dinechat.testing.dialogues.DialogueCorpus;
import io.dinechat.testing.dialogues.DialogueRunner;
import io.dinechat.testing.dialogues.EventLog;
import io.dinechat.testing.dialogues.GuestChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The assistant's evaluation end to end, on one local stack: every dialogue of the corpus
 * ({@code conversation-service/src/test/resources/dialogues}) played through the WhatsApp simulator
 * (signed webhooks through the gateway, replies through the Graph API stand-in) against the real
 * conversation-service, reservation-service (the demo floor) and order-service (Trattoria Aurora's
 * catalog), scored on what those services published. The stack has no speech-to-text endpoint, so
 * voice notes are judged on the guest being asked to type. Prints the success rates and every
 * failure with its transcript.
 */
class AssistantEvaluationEndToEndTests {

    /** Kept below the in-module floor: the real services add refusals the scripted stand-in cannot know. */
    static final double SUCCESS_FLOOR = 0.50;

    static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        Path root = Path.of(System.getProperty("dinechat.repo.root", "..")).toAbsolutePath().normalize();
        Path logs = Files.createDirectories(root.resolve("local-stack/target/e2e-logs"));
        stack = LocalStack.start(root, StackPorts.random(),
                EnumSet.of(Service.GATEWAY, Service.WEBHOOK_INGEST, Service.CONVERSATION, Service.ORDER,
                        Service.RESERVATION), logs, Duration.ofSeconds(240), line -> System.out.println("[stack] " + line),
                // Each message its own turn, as in the benchmark: the 2 s burst window would only slow the run.
                Map.of("DINECHAT_ASSISTANT_COALESCING_WINDOW", "0s"));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theCorpusPlayedThroughTheSimulatorAgainstTheRealServices() {
        Path root = Path.of(System.getProperty("dinechat.repo.root", "..")).toAbsolutePath().normalize();
        List<Dialogue> corpus = DialogueCorpus.load(root.resolve("conversation-service/src/test/resources/dialogues"));
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(60);
        try (var events = new EventLog(stack.kafkaBootstrapServers())) {
            var runner = new DialogueRunner(new SimulatorGuest(), events, new DialogueRunner.Settings(
                    Duration.ofSeconds(20), Duration.ofMillis(1500), 4, LocalDate.now(ZoneId.of("Asia/Beirut"))));

            DialogueRunner.EvaluationReport report = runner.run(corpus);

            System.out.println(report.render("Assistant evaluation, offline engine, end to end "
                    + "(simulator → gateway → webhook-ingest → conversation-service ↔ reservation-service, order-service)"));
            assertThat(report.successRate()).as("task success rate (failures printed above)")
                    .isGreaterThanOrEqualTo(SUCCESS_FLOOR);
        }
    }

    /** The guest's side: the WhatsApp simulator, exactly as a person using the guest chat page. */
    static final class SimulatorGuest implements GuestChannel {

        @Override
        public String phoneNumberId() {
            return LocalStack.DEMO_PHONE_NUMBER_ID;
        }

        @Override
        public void write(String waId, String name, String text) {
            stack.whatsApp().sendGuestText(LocalStack.DEMO_PHONE_NUMBER_ID, waId, name, text);
        }

        @Override
        public void tap(String waId, String name, AssistantReply.Choice choice, boolean list) {
            stack.whatsApp().sendGuestReply(LocalStack.DEMO_PHONE_NUMBER_ID, waId, name, list
                    ? InteractiveReply.listRow(choice.id(), choice.title(), null)
                    : InteractiveReply.button(choice.id(), choice.title()));
        }

        @Override
        public void voice(String waId, String name, String transcript) {
            signed(waId, name, "audio", "\"audio\":{\"mime_type\":\"audio/ogg; codecs=opus\",\"sha256\":\"x\",\"id\":\""
                    + Math.abs(UUID.randomUUID().getMostSignificantBits()) + "\",\"voice\":true}");
        }

        @Override
        public void location(String waId, String name, double latitude, double longitude, String placeName,
                String address) {
            signed(waId, name, "location", "\"location\":{\"latitude\":%s,\"longitude\":%s,\"name\":\"%s\",\"address\":\"%s\"}"
                    .formatted(latitude, longitude, placeName, address));
        }

        /** A Cloud API webhook the simulator has no button for, signed with the app secret as Meta does. */
        private void signed(String waId, String name, String type, String content) {
            String wamid = "wamid.E2E" + UUID.randomUUID().toString().replace("-", "");
            byte[] payload = """
                    {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                    "messaging_product":"whatsapp","metadata":{"display_phone_number":"%s","phone_number_id":"%s"},
                    "contacts":[{"profile":{"name":"%s"},"wa_id":"%s"}],
                    "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"%s",%s}]},
                    "field":"messages"}]}]}
                    """.formatted(LocalStack.DEMO_DISPLAY_NUMBER, LocalStack.DEMO_PHONE_NUMBER_ID, name, waId, waId, wamid,
                    System.currentTimeMillis() / 1000, type, content).getBytes(StandardCharsets.UTF_8);
            assertThat(stack.whatsApp().sendSigned(payload)).isEqualTo(200);
        }

        @Override
        public List<AssistantReply> repliesTo(String waId) {
            return stack.whatsApp().outboundTo(waId).stream()
                    .map(m -> AssistantReply.fromGraphApiRequest(m.json())).filter(Objects::nonNull).toList();
        }

        @Override
        public boolean transcribes() {
            return false;
        }
    }
}
