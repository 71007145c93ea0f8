package io.dinechat.testing;

import io.dinechat.embedded.PostgresServer.ServiceDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.ClassUtils;

/**
 * Points a service under test at the shared infrastructure, the same way the environment
 * variables of its application.yml do in production. Use from a {@code @DynamicPropertySource}.
 */
public final class ServiceTestEnvironment {

    private ServiceTestEnvironment() {
    }

    /** Kafka, and the test gateway's public key so {@link TestIdentity} tokens are accepted. */
    public static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", SharedInfrastructure::kafkaBootstrapServers);
        if (ClassUtils.isPresent("com.nimbusds.jose.jwk.RSAKey", ServiceTestEnvironment.class.getClassLoader())) {
            TestIdentity.register(registry); // not in the gateway, which mints tokens itself
        }
    }

    /** Kafka plus the service's own database (migrated by its owner role, used by its runtime role). */
    public static ServiceDatabase kafkaAndPostgres(DynamicPropertyRegistry registry, String service) {
        kafka(registry);
        ServiceDatabase db = SharedInfrastructure.postgres().database(service);
        registry.add("spring.r2dbc.url", db::r2dbcUrl);
        registry.add("spring.r2dbc.username", db::appUser);
        registry.add("spring.r2dbc.password", db::appPassword);
        registry.add("spring.flyway.url", db::jdbcUrl);
        registry.add("spring.flyway.user", db::ownerUser);
        registry.add("spring.flyway.password", db::ownerPassword);
        return db;
    }

    public static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", SharedInfrastructure::mongoUri);
    }
}
