package io.dinechat.reservation.domain;

/**
 * A guest's WhatsApp number as digits only (E.164 without the plus), so "+961 3 123 456" and
 * "9613123456" are the same owner.
 */
public final class GuestPhone {

    private GuestPhone() {
    }

    public static String normalize(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : digits;
    }

    public static boolean sameOwner(String a, String b) {
        String x = normalize(a);
        return x != null && x.equals(normalize(b));
    }
}
