package io.dinechat.order.catalog.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * One place of a business where guests eat or collect.
 *
 * @param whatsappPhoneNumberId Meta's id of the number guests write to for this branch, or null
 * @param minOrderValue         smallest order the branch accepts, in the business's currency, or null
 * @param active                an inactive branch is kept for history but offered to nobody
 */
public record Branch(UUID id, String name, Address address, String contactPhoneNumber, String whatsappPhoneNumberId,
        BigDecimal minOrderValue, Integer avgPreparationTimeMinutes, boolean active) {

    public Branch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        address = address == null ? new Address(null, null, null, null, null, null, null) : address;
        if (minOrderValue != null && minOrderValue.signum() < 0) {
            throw new IllegalArgumentException("a minimum order value cannot be negative");
        }
        if (avgPreparationTimeMinutes != null && avgPreparationTimeMinutes < 0) {
            throw new IllegalArgumentException("a preparation time cannot be negative");
        }
    }
}
