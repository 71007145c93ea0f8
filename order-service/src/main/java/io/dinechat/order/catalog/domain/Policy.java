package io.dinechat.order.catalog.domain;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A rule the business tells guests (delivery, refund, cancellation or custom), business-wide when {@code branchId} is null. */
public record Policy(UUID id, UUID branchId, String type, String title, String description) {

    public static final Set<String> TYPES = Set.of("delivery", "refund", "cancellation", "custom");

    public Policy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown policy type " + type);
        }
    }
}
