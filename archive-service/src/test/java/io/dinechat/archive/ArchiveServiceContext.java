package io.dinechat.archive;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import io.dinechat.testing.ServiceTestEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service against the shared embedded Kafka and the MongoDB stand-in (or a real MongoDB given
 * by DINECHAT_TEST_MONGO_URI). Test classes extend this so they share one application context.
 * The schedules are off: tests run roll-ups and retention when they mean to.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "dinechat.archive.rollup.enabled=false",
        "dinechat.archive.retention.enabled=false",
        // Six listeners make a Prometheus page larger than the test client's default buffer.
        "spring.http.codecs.max-in-memory-size=4MB"})
@AutoConfigureWebTestClient
abstract class ArchiveServiceContext {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestEnvironment.kafka(registry);
        ServiceTestEnvironment.mongo(registry);
    }
}
