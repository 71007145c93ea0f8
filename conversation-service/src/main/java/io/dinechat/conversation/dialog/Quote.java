package io.dinechat.conversation.dialog;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order as order-service validated and priced it ({@code order.quoted}): the only source of the
 * lines and totals shown to the guest before they confirm.
 */
public record Quote(List<Line> lines, BigDecimal subtotal, BigDecimal deliveryFee, BigDecimal total, String currency,
        String fulfilment) {

    public Quote {
        lines = List.copyOf(lines);
    }

    public record Line(String name, int quantity, List<String> options, BigDecimal lineTotal) {
        public Line {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }
}
