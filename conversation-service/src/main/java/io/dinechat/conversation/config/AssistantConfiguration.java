package io.dinechat.conversation.config;

import io.dinechat.conversation.application.EngineRouter;
import io.dinechat.conversation.application.Understanders;
import io.dinechat.conversation.llm.LlmEngine;
import io.dinechat.conversation.understanding.OfflineEngine;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssistantProperties.class)
@EnableScheduling
class AssistantConfiguration {

    @Bean
    Understanders understanders(AssistantProperties properties, ObjectProvider<EngineRouter.ModelEngine> model) {
        var llm = properties.llm();
        CircuitBreaker circuit = EngineRouter.strictCircuit(llm.failuresBeforeOpen(), llm.timeout(), llm.openFor());
        EngineRouter.ModelEngine engine = model.getIfAvailable(() -> llm.configured()
                ? LlmEngine.openAiCompatible(llm.baseUrl().toString(), llm.apiKey(), llm.model(), llm.timeout())
                : null);
        return new EngineRouter(new OfflineEngine(), engine, properties.engine(),
                llm.timeout().plus(Duration.ofMillis(500)), circuit);
    }
}
