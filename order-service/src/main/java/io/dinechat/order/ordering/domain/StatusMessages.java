package io.dinechat.order.ordering.domain;

import java.util.Map;

/**
 * What the guest is told on WhatsApp when their order moves, in the language they ordered in.
 * Short and factual: the reference, the new status, and the reason of a cancellation.
 */
public final class StatusMessages {

    private static final Map<String, Map<OrderStatus, String>> TEXTS = Map.of(
            "english", Map.of(
                    OrderStatus.ACCEPTED, "Your order %s has been accepted.",
                    OrderStatus.PREPARING, "Your order %s is being prepared.",
                    OrderStatus.READY, "Your order %s is ready.",
                    OrderStatus.COMPLETED, "Your order %s is complete. Thank you!",
                    OrderStatus.CANCELLED, "Your order %s has been cancelled."),
            "french", Map.of(
                    OrderStatus.ACCEPTED, "Votre commande %s a été acceptée.",
                    OrderStatus.PREPARING, "Votre commande %s est en préparation.",
                    OrderStatus.READY, "Votre commande %s est prête.",
                    OrderStatus.COMPLETED, "Votre commande %s est terminée. Merci !",
                    OrderStatus.CANCELLED, "Votre commande %s a été annulée."),
            "arabic", Map.of(
                    OrderStatus.ACCEPTED, "تم قبول طلبك %s.",
                    OrderStatus.PREPARING, "طلبك %s قيد التحضير.",
                    OrderStatus.READY, "طلبك %s جاهز.",
                    OrderStatus.COMPLETED, "تم إكمال طلبك %s. شكراً لك!",
                    OrderStatus.CANCELLED, "تم إلغاء طلبك %s."),
            "arabizi", Map.of(
                    OrderStatus.ACCEPTED, "Talabak %s n2ebel.",
                    OrderStatus.PREPARING, "Talabak %s 3am yet7adar.",
                    OrderStatus.READY, "Talabak %s jehez.",
                    OrderStatus.COMPLETED, "Talabak %s khilis. Merci!",
                    OrderStatus.CANCELLED, "Talabak %s t2alla8."));

    private static final Map<String, String> REASON = Map.of(
            "english", " Reason: %s",
            "french", " Motif : %s",
            "arabic", " السبب: %s",
            "arabizi", " El sabab: %s");

    private StatusMessages() {
    }

    public static String text(String language, String reference, OrderStatus to, String reason) {
        String lang = TEXTS.containsKey(language) ? language : "english";
        String text = TEXTS.get(lang).get(to);
        if (text == null) {
            text = TEXTS.get(lang).get(OrderStatus.ACCEPTED);
        }
        text = text.formatted(reference);
        if (to == OrderStatus.CANCELLED && reason != null && !reason.isBlank()) {
            text += REASON.get(lang).formatted(reason);
        }
        return text;
    }
}
