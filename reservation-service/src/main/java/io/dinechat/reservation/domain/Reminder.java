package io.dinechat.reservation.domain;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The reminder a guest receives before a booking, in their language and the restaurant's local
 * time, with quick replies to confirm or cancel. {@code templateParameters} fill the approved
 * WhatsApp template used when the 24-hour window is closed: guest name, restaurant, day, time, party, reference.
 */
public record Reminder(String text, List<Button> buttons, String templateName, List<String> templateParameters) {

    public static final String TEMPLATE = "reservation_reminder";

    public record Button(String id, String title) {
    }

    public static Reminder of(String language, String guestName, String restaurant, LocalDateTime localStart,
            int partySize, String reference) {
        String lang = language == null ? "english" : language;
        Locale locale = switch (lang) {
            case "french" -> Locale.FRENCH;
            case "arabic" -> Locale.forLanguageTag("ar");
            default -> Locale.ENGLISH;
        };
        String day = localStart.format(DateTimeFormatter.ofPattern("EEEE d MMMM", locale));
        String time = localStart.format(DateTimeFormatter.ofPattern("HH:mm"));
        String place = restaurant == null || restaurant.isBlank() ? "" : restaurant;
        String text = switch (lang) {
            case "french" -> "Bonjour " + guestName + ", petit rappel : votre table pour " + partySize + " chez " + place
                    + " le " + day + " à " + time + " (réf. " + reference + "). Vous confirmez ?";
            case "arabic" -> "مرحباً " + guestName + "، تذكير بحجزك لـ " + partySize + " أشخاص في " + place + " يوم " + day
                    + " الساعة " + time + " (رقم " + reference + "). هل تؤكد الحجز؟";
            case "arabizi" -> "Marhaba " + guestName + ", tazkir b hajzak la " + partySize + " bi " + place + " " + day
                    + " sa3a " + time + " (ref " + reference + "). Bt2akked?";
            default -> "Hi " + guestName + ", a reminder of your table for " + partySize + " at " + place + " on " + day
                    + " at " + time + " (ref " + reference + "). Will you make it?";
        };
        List<Button> buttons = switch (lang) {
            case "french" -> buttons(reference, "Je confirme", "Annuler");
            case "arabic" -> buttons(reference, "تأكيد", "إلغاء");
            case "arabizi" -> buttons(reference, "Akid", "Elghe");
            default -> buttons(reference, "Confirm", "Cancel");
        };
        return new Reminder(text, buttons, TEMPLATE,
                List.of(guestName, place, day, time, Integer.toString(partySize), reference));
    }

    private static List<Button> buttons(String reference, String confirm, String cancel) {
        return List.of(new Button("reservation:confirm:" + reference, confirm),
                new Button("reservation:cancel:" + reference, cancel));
    }
}
