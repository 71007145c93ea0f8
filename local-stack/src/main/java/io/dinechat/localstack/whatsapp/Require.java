package io.dinechat.localstack.whatsapp;

/** Argument checks shared by the simulator's records, so their messages read the same. */
final class Require {

    private Require() {
    }

    static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** WhatsApp ids are the number's digits only; accepts "+971 50 123 4567" and returns "971501234567". */
    static String waId(String number, String name) {
        String digits = text(number, name).replaceAll("\\D", "");
        if (digits.isEmpty()) {
            throw new IllegalArgumentException(name + " must contain digits, got '" + number + "'");
        }
        return digits;
    }
}
