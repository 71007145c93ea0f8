package io.dinechat.conversation.understanding;

/** Edit distance with adjacent swaps (Damerau, optimal string alignment), cut off early above a bound. */
final class Fuzzy {

    private Fuzzy() {
    }

    /** The distance between a and b, or {@code bound + 1} as soon as it is known to exceed bound. */
    static int distance(String a, String b, int bound) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > bound) {
            return bound + 1;
        }
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > bound) {
                return bound + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }

    /** Whether a guest's word and a catalog word are the same word give or take a typo. */
    static boolean similar(String guest, String known) {
        if (guest.equals(known)) {
            return true;
        }
        int len = Math.min(guest.length(), known.length());
        if (len < 5) {
            return false;
        }
        int bound = len >= 8 ? 2 : 1;
        return distance(guest, known, bound) <= bound;
    }
}
