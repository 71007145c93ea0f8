package io.dinechat.reservation.domain;

import java.security.SecureRandom;

/**
 * The short code a guest quotes back ("R-7K3PQ"): no 0/O, 1/I/L, so it survives being read aloud
 * or retyped. Unique per business (the database says so); a clash is simply drawn again.
 */
public final class BookingReference {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private BookingReference() {
    }

    public static String next() {
        StringBuilder code = new StringBuilder("R-");
        for (int i = 0; i < 5; i++) {
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }
}
