package io.dinechat.localstack.whatsapp;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays Meta's WhatsApp Cloud API for the local stack and end-to-end tests, so nobody needs a
 * WhatsApp account or a Meta app to talk to DineChat:
 * <ul>
 *   <li>a Graph API stand-in at {@link #graphApiBaseUrl()} that accepts sends like Meta, records them and
 *       follows them with {@code sent}/{@code delivered} status webhooks;</li>
 *   <li>a guest's phone that posts signed webhooks in Meta's format to {@link #setWebhookUrl(URI) the gateway};</li>
 *   <li>a guest chat page at {@link #baseUrl()} with JSON endpoints under {@code /_sim/}.</li>
 * </ul>
 * Listens on 127.0.0.1 only. Thread-safe.
 */
public final class WhatsAppSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppSimulator.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final SimulatorConfig config;
    private final AtomicReference<URI> webhookUrl;
    private final MessageLog messages = new MessageLog();
    private final HttpClient webhookClient;
    private final WebhookSender webhookSender;
    private final StatusWebhooks statusWebhooks;
    private final GuestMessenger guest;
    private final GraphApiStandIn graphApi;
    private final SimulatorApi simulatorApi;
    private final GuestChatPage chatPage;

    private HttpServer server;
    private ExecutorService requestExecutor;
    private boolean closed;

    public WhatsAppSimulator(SimulatorConfig config) {
        this.config = config;
        this.webhookUrl = new AtomicReference<>(config.webhookUrl());
        Clock clock = Clock.systemUTC();
        JsonMapper json = JsonMapper.builder().build();
        MetaWebhookPayloads payloads = new MetaWebhookPayloads(json, config.wabaId());
        // HTTP/1.1: a gateway on plain HTTP need not answer an HTTP/2 upgrade.
        this.webhookClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.webhookSender = new WebhookSender(webhookClient, config.appSecret(), this::webhookUrl);
        this.statusWebhooks = new StatusWebhooks(config.sendStatusWebhooks(), webhookSender, payloads, clock);
        this.guest = new GuestMessenger(config, messages, webhookSender, payloads, json, clock);
        this.graphApi = new GraphApiStandIn(config, messages, statusWebhooks, json, clock);
        this.simulatorApi = new SimulatorApi(config, messages, guest, this::webhookUrl, json);
        this.chatPage = new GuestChatPage();
    }

    /** Binds the port and starts serving; returns {@code this} for try-with-resources. */
    public synchronized WhatsAppSimulator start() {
        if (closed) {
            throw new IllegalStateException("WhatsApp simulator was closed; create a new one");
        }
        if (server != null) {
            throw new IllegalStateException("WhatsApp simulator already started on port " + port());
        }
        HttpServer created;
        try {
            created = HttpServer.create(new InetSocketAddress(LOOPBACK, config.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not bind the WhatsApp simulator to " + LOOPBACK + ":" + config.port(), e);
        }
        requestExecutor = Executors.newVirtualThreadPerTaskExecutor();
        created.setExecutor(requestExecutor);
        created.createContext(SimulatorApi.PREFIX, HttpExchanges.guarded(simulatorApi));
        created.createContext("/", HttpExchanges.guarded(exchange -> {
            if (GraphApiStandIn.handles(exchange.getRequestURI().getPath())) {
                graphApi.handle(exchange);
            } else {
                chatPage.handle(exchange);
            }
        }));
        created.start();
        server = created;
        log.info("WhatsApp simulator up. Guest chat: {}  Graph API: {}  Webhooks to: {}  Numbers: {}",
                baseUrl(), graphApiBaseUrl(), webhookUrl().map(URI::toString).orElse("(not set yet)"),
                config.numbers().stream().map(SimulatedNumber::phoneNumberId).toList());
        return this;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        statusWebhooks.close();
        if (server != null) {
            server.stop(0);
            requestExecutor.shutdownNow();
            server = null;
        }
        // Not close(): that would wait for a slow webhook endpoint.
        webhookClient.shutdownNow();
    }

    public SimulatorConfig config() {
        return config;
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("WhatsApp simulator is not running; call start() first");
        }
        return server.getAddress().getPort();
    }

    /** Where the guest chat page is, e.g. {@code http://127.0.0.1:54321}. */
    public URI baseUrl() {
        return URI.create("http://" + LOOPBACK + ":" + port());
    }

    /** What the WhatsApp client in the services uses instead of {@code https://graph.facebook.com/v23.0}. */
    public URI graphApiBaseUrl() {
        return URI.create(baseUrl() + "/" + config.graphApiVersion());
    }

    /** Where webhooks go from now on; typically the gateway's {@code /webhooks/whatsapp} once its port is known. */
    public void setWebhookUrl(URI url) {
        webhookUrl.set(SimulatorConfig.requireHttpUrl(url));
    }

    public Optional<URI> webhookUrl() {
        return Optional.ofNullable(webhookUrl.get());
    }

    /**
     * A guest writes to a restaurant number: posts Meta's signed webhook and returns what was sent and
     * the gateway's answer.
     *
     * @throws IllegalArgumentException for an unknown phone number id or blank arguments
     * @throws WebhookDeliveryException when no webhook URL is set or the endpoint is unreachable
     */
    public WebhookDelivery sendGuestText(String phoneNumberId, String waId, String name, String text) {
        return guest.sendText(phoneNumberId, waId, name, text);
    }

    /**
     * A guest taps a reply button or list row. The webhook's {@code context} names the latest
     * message to this guest that offered {@code reply.id()}, as Meta's does.
     */
    public WebhookDelivery sendGuestReply(String phoneNumberId, String waId, String name, InteractiveReply reply) {
        return guest.sendReply(phoneNumberId, waId, name, reply, null);
    }

    /** Posts the same bytes again, correctly signed, as Meta does when it got no timely 200. */
    public WebhookDelivery redeliver(WebhookDelivery delivery) {
        return guest.redeliver(delivery);
    }

    /** Posts {@code payload} correctly signed; for tests that craft their own webhook bodies. */
    public int sendSigned(byte[] payload) {
        return webhookSender.send(payload.clone());
    }

    /**
     * Posts {@code payload} with the given {@code X-Hub-Signature-256} value, or none when {@code null}:
     * for tests that the gateway turns away forged webhooks.
     */
    public int sendWithSignature(byte[] payload, String signatureHeaderOrNull) {
        return webhookSender.sendWithSignature(payload.clone(), signatureHeaderOrNull);
    }

    /** The W3C {@code traceparent} header the send of {@code wamid} carried, if any. */
    public Optional<String> traceparentOf(String wamid) {
        return graphApi.traceparentOf(wamid);
    }

    /** Every message the Graph API stand-in accepted, oldest first. */
    public List<OutboundMessage> outboundMessages() {
        return messages.outbound();
    }

    public List<OutboundMessage> outboundTo(String waId) {
        String guestId = Require.waId(waId, "waId");
        return messages.outbound().stream().filter(message -> message.to().equals(guestId)).toList();
    }

    /**
     * The first accepted send matching {@code condition}, waiting up to {@code timeout} for it;
     * empty if none arrived in time.
     */
    public Optional<OutboundMessage> awaitOutbound(Predicate<? super OutboundMessage> condition, Duration timeout) {
        return messages.awaitOutbound(condition, timeout);
    }

    /** Every message guests sent through the simulator, oldest first. */
    public List<GuestMessage> guestMessages() {
        return messages.guestMessages();
    }

    /** Both directions of one guest's chat with one restaurant number, in order. */
    public List<ChatMessage> conversation(String phoneNumberId, String waId) {
        return messages.conversation(phoneNumberId, Require.waId(waId, "waId"));
    }

    /** Forgets all recorded messages, for tests that share one simulator. */
    public void clearRecordedMessages() {
        messages.clear();
    }
}
