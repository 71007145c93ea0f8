package io.dinechat.ingest.config;

import io.dinechat.ingest.meta.WebhookPayloadSplitter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    WebhookPayloadSplitter webhookPayloadSplitter(JsonMapper json) {
        return new WebhookPayloadSplitter(json);
    }
}
