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
 * @param deliveryFee           what delivery costs from this branch, or null for free delivery
 * @param serviceRadiusKm       how far the branch delivers, or null for no limit
 * @param whatsappPhoneNumber   the display number of the branch's WhatsApp override, or null
 */
public record Branch(UUID id, String name, Address address, String contactPhoneNumber, String whatsappPhoneNumberId,
        BigDecimal minOrderValue, Integer avgPreparationTimeMinutes, boolean active, DeliveryFee deliveryFee,
        BigDecimal serviceRadiusKm, String whatsappPhoneNumber) {

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
        if (serviceRadiusKm != null && serviceRadiusKm.signum() <= 0) {
            throw new IllegalArgumentException("a service radius must be positive");
        }
    }

    /** A branch without delivery rules nor WhatsApp display number. */
    public Branch(UUID id, String name, Address address, String contactPhoneNumber, String whatsappPhoneNumberId,
            BigDecimal minOrderValue, Integer avgPreparationTimeMinutes, boolean active) {
        this(id, name, address, contactPhoneNumber, whatsappPhoneNumberId, minOrderValue, avgPreparationTimeMinutes,
                active, null, null, null);
    }

    public DeliveryFee deliveryFeeOrFree() {
        return deliveryFee == null ? DeliveryFee.FREE : deliveryFee;
    }
}
