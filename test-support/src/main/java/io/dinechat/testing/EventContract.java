package io.dinechat.testing;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates event bodies against the published JSON Schemas ({@code event-schemas}, one file per
 * {@code ce_type}). Producers' and consumers' contract tests both go through here, so the wire
 * format cannot drift from what analysts read in docs/events.md.
 */
public final class EventContract {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventContract() {
    }

    /** @return the violations, empty when the body is valid */
    public static List<String> violations(String ceType, byte[] body) {
        JsonNode node = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        return schema(ceType).validate(node).stream().map(Error::toString).toList();
    }

    public static void assertValid(String ceType, byte[] body) {
        List<String> violations = violations(ceType, body);
        if (!violations.isEmpty()) {
            throw new AssertionError("Body of " + ceType + " breaks its schema: " + violations + "\n"
                    + new String(body, StandardCharsets.UTF_8));
        }
    }

    public static boolean hasSchema(String ceType) {
        return EventContract.class.getResource(path(ceType)) != null;
    }

    private static Schema schema(String ceType) {
        return SCHEMAS.computeIfAbsent(ceType, type -> {
            try (InputStream in = EventContract.class.getResourceAsStream(path(type))) {
                if (in == null) {
                    throw new AssertionError("No schema for event type " + type + " at " + path(type));
                }
                return REGISTRY.getSchema(in);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String path(String ceType) {
        return "/events/" + ceType + ".schema.json";
    }
}
