package fr.avec.protect;

/** The check-digit rules of French health and banking identifiers, on digit strings without separators. */
final class Checksums {

    private Checksums() {
    }

    /**
     * NIR key: 97 - (first 13 characters mod 97), Corsica's 2A and 2B read as 19 and 18.
     * Returns -1 when the body is not a NIR body.
     */
    static int nirKey(CharSequence body13) {
        if (body13.length() != 13) {
            return -1;
        }
        long value = 0;
        boolean corsicaA = false;
        boolean corsicaB = false;
        for (int i = 0; i < 13; i++) {
            char c = body13.charAt(i);
            int digit;
            if (c >= '0' && c <= '9') {
                digit = c - '0';
            } else if (i == 6 && (c == 'A' || c == 'a')) {
                digit = 0;
                corsicaA = true;
            } else if (i == 6 && (c == 'B' || c == 'b')) {
                digit = 0;
                corsicaB = true;
            } else {
                return -1;
            }
            value = value * 10 + digit;
        }
        if (corsicaA) {
            value -= 1_000_000L;
        } else if (corsicaB) {
            value -= 2_000_000L;
        }
        return (int) (97 - value % 97);
    }

    /** Whether 15 characters (13 + 2-digit key) form a NIR with a correct key. */
    static boolean validNir(CharSequence nir15) {
        if (nir15.length() != 15) {
            return false;
        }
        char first = nir15.charAt(0);
        if (first != '1' && first != '2' && first != '3' && first != '4' && first != '7' && first != '8') {
            return false;
        }
        int key = nirKey(nir15.subSequence(0, 13));
        char k1 = nir15.charAt(13);
        char k2 = nir15.charAt(14);
        if (key < 0 || k1 < '0' || k1 > '9' || k2 < '0' || k2 > '9') {
            return false;
        }
        return key == (k1 - '0') * 10 + (k2 - '0');
    }

    /** Luhn check over all digits (FINESS, RPPS, ADELI, cards). */
    static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int d = c - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** The Luhn digit that completes the given digits. */
    static int luhnDigit(CharSequence digits) {
        for (int d = 0; d <= 9; d++) {
            if (luhn(digits.toString() + d)) {
                return d;
            }
        }
        throw new IllegalStateException("no Luhn digit");
    }

    /** IBAN check (ISO 13616 mod 97 = 1) on a compact upper-case IBAN. */
    static boolean validIban(CharSequence iban) {
        int n = iban.length();
        if (n < 15 || n > 34) {
            return false;
        }
        int remainder = 0;
        for (int k = 0; k < n; k++) {
            char c = iban.charAt((k + 4) % n);
            if (c >= '0' && c <= '9') {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                int v = c - 'A' + 10;
                remainder = (remainder * 100 + v) % 97;
            } else if (c >= 'a' && c <= 'z') {
                int v = c - 'a' + 10;
                remainder = (remainder * 100 + v) % 97;
            } else {
                return false;
            }
        }
        return remainder == 1;
    }

    /** The two check digits for an IBAN given its country and BBAN. */
    static String ibanCheck(String country, String bban) {
        String probe = country + "00" + bban;
        int remainder = 0;
        String rearranged = bban + country + "00";
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (c >= '0' && c <= '9') {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else {
                remainder = (remainder * 100 + (Character.toUpperCase(c) - 'A' + 10)) % 97;
            }
        }
        int check = 98 - remainder;
        assert probe.length() > 4;
        return (check < 10 ? "0" : "") + check;
    }
}
