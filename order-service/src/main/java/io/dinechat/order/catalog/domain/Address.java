package io.dinechat.order.catalog.domain;

import java.math.BigDecimal;

/** Where a branch is; every part is optional, coordinates are WGS 84 degrees. */
public record Address(String city, String street, String building, String floor, String notes, BigDecimal latitude,
        BigDecimal longitude) {
}
