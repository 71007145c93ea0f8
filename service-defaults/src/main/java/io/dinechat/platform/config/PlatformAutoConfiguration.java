package io.dinechat.platform.config;

import io.dinechat.platform.audit.AuditTrail;
import io.dinechat.platform.crypto.CredentialCipher;
import io.dinechat.platform.events.EventPublisher;
import io.dinechat.platform.messaging.OrderedDeadLetterPolicy;
import io.dinechat.platform.outbox.Outbox;
import io.dinechat.platform.outbox.OutboxRelay;
import io.dinechat.platform.outbox.ProcessedEvents;
import io.dinechat.platform.tenancy.RuntimeRoleGuard;
import io.dinechat.platform.tenancy.TenantTransactions;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires the shared infrastructure into every service that has the matching libraries. */
@AutoConfiguration(after = KafkaAutoConfiguration.class,
        afterName = {"org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
                "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
                "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration"})
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaTemplate.class)
    @ConditionalOnBean(KafkaTemplate.class)
    static class Messaging {

        @Bean
        @ConditionalOnMissingBean
        @SuppressWarnings("unchecked")
        EventPublisher eventPublisher(KafkaTemplate<?, ?> kafka,
                org.springframework.beans.factory.ObjectProvider<io.micrometer.tracing.Tracer> tracer,
                org.springframework.beans.factory.ObjectProvider<io.micrometer.tracing.propagation.Propagator> propagator) {
            return new EventPublisher((KafkaTemplate<String, byte[]>) kafka, tracer.getIfAvailable(),
                    propagator.getIfAvailable());
        }

        @Bean
        @ConditionalOnMissingBean
        DefaultErrorHandler orderedDeadLetterErrorHandler(KafkaTemplate<?, ?> kafka, PlatformProperties properties) {
            var consumer = properties.consumer();
            return OrderedDeadLetterPolicy.errorHandler(kafka, consumer.maxRetries(), consumer.initialBackoff(),
                    consumer.maxBackoff());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(DatabaseClient.class)
    @ConditionalOnBean({DatabaseClient.class, ReactiveTransactionManager.class})
    static class Persistence {

        @Bean
        @ConditionalOnMissingBean
        TransactionalOperator transactionalOperator(ReactiveTransactionManager transactions) {
            return TransactionalOperator.create(transactions);
        }

        @Bean
        TenantTransactions tenantTransactions(DatabaseClient db, TransactionalOperator tx) {
            return new TenantTransactions(db, tx);
        }

        @Bean
        ProcessedEvents processedEvents(DatabaseClient db) {
            return new ProcessedEvents(db);
        }

        @Bean
        @ConditionalOnProperty(name = "dinechat.tenancy.guard-enabled", matchIfMissing = true)
        RuntimeRoleGuard runtimeRoleGuard(DatabaseClient db, PlatformProperties properties) {
            return new RuntimeRoleGuard(db, properties.tenancy().sharedTables());
        }

    }

    /** The outbox needs both halves: the service's database and its Kafka producer. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({DatabaseClient.class, KafkaTemplate.class})
    @ConditionalOnBean({DatabaseClient.class, ReactiveTransactionManager.class, KafkaTemplate.class})
    static class TransactionalOutbox {

        @Bean
        OutboxRelay outboxRelay(DatabaseClient db, TransactionalOperator tx, EventPublisher publisher,
                PlatformProperties properties) {
            var outbox = properties.outbox();
            OutboxRelay relay = new OutboxRelay(db, tx, publisher, outbox.pollInterval(), outbox.batchSize());
            relay.setAutoStartup(outbox.relayEnabled());
            return relay;
        }

        @Bean
        Outbox outbox(DatabaseClient db, OutboxRelay relay) {
            return new Outbox(db, relay);
        }

        @Bean
        @ConditionalOnMissingBean
        AuditTrail auditTrail(Outbox outbox, org.springframework.core.env.Environment environment) {
            return new AuditTrail(outbox, environment.getProperty("spring.application.name", "dinechat"),
                    java.time.Clock.systemUTC());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "com.google.crypto.tink.Aead")
    static class Credentials {

        @Bean
        @ConditionalOnMissingBean
        CredentialCipher credentialCipher(PlatformProperties properties) {
            String keyset = properties.credentials().keyset();
            if (keyset.isBlank() && properties.credentials().requireKeyset()) {
                throw new IllegalStateException("DINECHAT_CREDENTIALS_KEYSET is required here "
                        + "(DINECHAT_CREDENTIALS_REQUIRE_KEYSET=true): stored credentials would not survive a restart");
            }
            if (keyset.isBlank()) {
                LoggerFactory.getLogger(CredentialCipher.class).warn(
                        "DINECHAT_CREDENTIALS_KEYSET is not set: using a throwaway key; stored credentials will not survive a restart");
                keyset = CredentialCipher.newKeysetJson();
            }
            return CredentialCipher.fromKeyset(keyset);
        }
    }
}
