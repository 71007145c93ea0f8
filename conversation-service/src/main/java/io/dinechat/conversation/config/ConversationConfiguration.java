package io.dinechat.conversation.config;

import io.dinechat.conversation.whatsapp.GraphApiClient;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Meta's Graph API: sends messages ({@code WhatsAppSender}) and downloads media ({@code MediaSource}). */
    @Bean
    GraphApiClient whatsAppSender(WebClient.Builder http, ConversationProperties properties) {
        return new GraphApiClient(http, properties.graphApi());
    }
}
