package io.dinechat.localstack.whatsapp;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a {@link WhatsAppSimulator} plays Meta.
 *
 * @param port               HTTP port on 127.0.0.1; 0 picks a free one
 * @param appSecret          the Meta app secret webhooks are signed with; the gateway must verify with the same one
 * @param webhookUrl         where webhooks go (the gateway's {@code /webhooks/whatsapp}); may be {@code null} and set
 *                           after start with {@link WhatsAppSimulator#setWebhookUrl(URI)}
 * @param graphApiVersion    the version in {@link WhatsAppSimulator#graphApiBaseUrl()}, e.g. {@code v23.0}
 * @param numbers            the business numbers guests can write to, at least one
 * @param sendStatusWebhooks whether accepted sends are followed by {@code sent} and {@code delivered} webhooks
 * @param wabaId             the WhatsApp Business Account id put in every webhook's {@code entry[].id}
 */
public record SimulatorConfig(int port, String appSecret, URI webhookUrl, String graphApiVersion,
                              List<SimulatedNumber> numbers, boolean sendStatusWebhooks, String wabaId) {

    public static final String DEFAULT_GRAPH_API_VERSION = "v23.0";
    public static final String DEFAULT_WABA_ID = "102290129340398";

    private static final Pattern GRAPH_API_VERSION = Pattern.compile("v\\d+\\.\\d+");

    public SimulatorConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        Require.text(appSecret, "appSecret");
        if (webhookUrl != null) {
            requireHttpUrl(webhookUrl);
        }
        if (graphApiVersion == null || !GRAPH_API_VERSION.matcher(graphApiVersion).matches()) {
            throw new IllegalArgumentException("graphApiVersion must look like v23.0, got '" + graphApiVersion + "'");
        }
        if (numbers == null || numbers.isEmpty()) {
            throw new IllegalArgumentException("at least one SimulatedNumber is required");
        }
        numbers = List.copyOf(numbers);
        Set<String> ids = new HashSet<>();
        for (SimulatedNumber number : numbers) {
            if (!ids.add(number.phoneNumberId())) {
                throw new IllegalArgumentException("phoneNumberId " + number.phoneNumberId() + " is configured twice");
            }
        }
        Require.text(wabaId, "wabaId");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<SimulatedNumber> number(String phoneNumberId) {
        return numbers.stream().filter(number -> number.phoneNumberId().equals(phoneNumberId)).findFirst();
    }

    static URI requireHttpUrl(URI url) {
        if (url == null || !url.isAbsolute() || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("webhookUrl must be an absolute http(s) URL, got " + url);
        }
        return url;
    }

    /** Keeps the app secret out of logs; the numbers redact their own tokens. */
    @Override
    public String toString() {
        return "SimulatorConfig[port=" + port + ", appSecret=<redacted>, webhookUrl=" + webhookUrl
                + ", graphApiVersion=" + graphApiVersion + ", numbers=" + numbers
                + ", sendStatusWebhooks=" + sendStatusWebhooks + ", wabaId=" + wabaId + "]";
    }

    public static final class Builder {

        private int port;
        private String appSecret;
        private URI webhookUrl;
        private String graphApiVersion = DEFAULT_GRAPH_API_VERSION;
        private final List<SimulatedNumber> numbers = new ArrayList<>();
        private boolean sendStatusWebhooks = true;
        private String wabaId = DEFAULT_WABA_ID;

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder appSecret(String appSecret) {
            this.appSecret = appSecret;
            return this;
        }

        public Builder webhookUrl(URI webhookUrl) {
            this.webhookUrl = webhookUrl;
            return this;
        }

        public Builder graphApiVersion(String graphApiVersion) {
            this.graphApiVersion = graphApiVersion;
            return this;
        }

        public Builder number(SimulatedNumber number) {
            numbers.add(number);
            return this;
        }

        public Builder number(String phoneNumberId, String displayPhoneNumber, String verifiedName, String accessToken) {
            return number(new SimulatedNumber(phoneNumberId, displayPhoneNumber, verifiedName, accessToken));
        }

        public Builder numbers(List<SimulatedNumber> numbers) {
            this.numbers.addAll(numbers);
            return this;
        }

        public Builder sendStatusWebhooks(boolean sendStatusWebhooks) {
            this.sendStatusWebhooks = sendStatusWebhooks;
            return this;
        }

        public Builder wabaId(String wabaId) {
            this.wabaId = wabaId;
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(port, appSecret, webhookUrl, graphApiVersion, numbers, sendStatusWebhooks, wabaId);
        }
    }
}
