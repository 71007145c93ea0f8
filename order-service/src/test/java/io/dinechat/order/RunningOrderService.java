package io.dinechat.order;

import io.dinechat.embedded.PostgresServer.ServiceDatabase;
import io.dinechat.testing.ServiceTestEnvironment;
import java.time.Clock;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on the JVM's shared embedded Kafka and PostgreSQL (its own database, migrated
 * by the owner role, used by the app role), with the demo restaurant enabled. Every component test
 * extends this class, so they all share one application context.
 */
@SpringBootTest(properties = {"dinechat.demo.enabled=true",
        // Tests run the archival sweep when they mean to.
        "dinechat.orders.archive.enabled=false",
        // Eight listeners make a Prometheus page larger than the test client's default buffer.
        "spring.http.codecs.max-in-memory-size=4MB",
        // Uploaded test photos stay inside the build directory.
        "dinechat.media.directory=target/test-media",
        // The in-JVM broker and every client log their whole configuration at INFO: keep test output readable.
        "logging.level.org.apache.kafka=warn", "logging.level.kafka=warn", "logging.level.state.change.logger=warn"})
@AutoConfigureWebTestClient
@Import(RunningOrderService.Clocks.class)
abstract class RunningOrderService {

    static final TestClock CLOCK = new TestClock();

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    static final UUID DEMO_TENANT = UUID.fromString("6d1b7f0e-5a1c-4c3e-9f3a-2b7d8c9e0a11");
    static final String DEMO_PHONE_NUMBER_ID = "100000000000001";

    static ServiceDatabase database;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        database = ServiceTestEnvironment.kafkaAndPostgres(registry, "order");
    }
}
