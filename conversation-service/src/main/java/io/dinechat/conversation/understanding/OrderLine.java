package io.dinechat.conversation.understanding;

import java.util.List;
import java.util.UUID;

/**
 * One item the guest asked for, matched to the catalog: {@code itemId} and {@code optionIds} are
 * catalog ids, {@code itemName} the catalog's name (not the guest's spelling), {@code notes} what
 * the guest said about it that matched no option ("no onions").
 */
public record OrderLine(UUID itemId, String itemName, int quantity, List<UUID> optionIds, String notes) {

    public OrderLine {
        optionIds = optionIds == null ? List.of() : List.copyOf(optionIds);
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
    }
}
