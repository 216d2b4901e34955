package fr.avec.protect;

import java.util.Map;

/**
 * French numbers written in words (« trois », « vingt et un », « quatre-vingt-dix-sept », « deux mille
 * vingt-quatre »), as speech-to-text writes them in consultation transcripts.
 */
final class NumberWords {

    private static final Map<String, Integer> VALUES = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("un", 1), Map.entry("une", 1), Map.entry("premier", 1), Map.entry("premiere", 1),
            Map.entry("deux", 2), Map.entry("trois", 3), Map.entry("quatre", 4), Map.entry("cinq", 5), Map.entry("six", 6),
            Map.entry("sept", 7), Map.entry("huit", 8), Map.entry("neuf", 9), Map.entry("dix", 10), Map.entry("onze", 11),
            Map.entry("douze", 12), Map.entry("treize", 13), Map.entry("quatorze", 14), Map.entry("quinze", 15),
            Map.entry("seize", 16), Map.entry("vingt", 20), Map.entry("vingts", 20), Map.entry("trente", 30),
            Map.entry("quarante", 40), Map.entry("cinquante", 50), Map.entry("soixante", 60), Map.entry("septante", 70),
            Map.entry("huitante", 80), Map.entry("octante", 80), Map.entry("nonante", 90), Map.entry("cent", 100),
            Map.entry("cents", 100), Map.entry("mille", 1000), Map.entry("mil", 1000));

    private NumberWords() {
    }

    /** Whether a folded word (or every part of a hyphenated one) is a number word. */
    static boolean isNumberWord(String key) {
        if (VALUES.containsKey(key)) {
            return true;
        }
        if (key.indexOf('-') > 0) {
            for (String part : key.split("-")) {
                if (!VALUES.containsKey(part) && !part.equals("et")) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    static int value(String key) {
        Integer v = VALUES.get(key);
        return v == null ? -1 : v;
    }

    /** A parsed number: its value and the index just after its last token. */
    record Parsed(int value, int next) {
    }

    /**
     * Parses the longest number in words starting at token {@code i}, up to {@code maxValue}; returns null when
     * token {@code i} does not start a number. « et » is accepted between words (« vingt et un »).
     */
    static Parsed parse(Tokens tokens, int i, int maxValue) {
        int total = 0;
        int current = 0;
        int j = i;
        int consumed = i;
        boolean any = false;
        while (j < tokens.size && tokens.isWord(j)) {
            String key = tokens.key(j);
            if (key.equals("et") && any && j + 1 < tokens.size && tokens.isWord(j + 1)
                    && (tokens.key(j + 1).equals("un") || tokens.key(j + 1).equals("une") || tokens.key(j + 1).equals("onze"))) {
                j++;
                continue;
            }
            if (!isNumberWord(key)) {
                break;
            }
            int savedTotal = total;
            int savedCurrent = current;
            boolean ok = true;
            for (String part : key.indexOf('-') > 0 ? key.split("-") : new String[] {key}) {
                if (part.equals("et")) {
                    continue;
                }
                int v = VALUES.get(part);
                int low = current % 100;
                if (v == 0) {
                    ok = !any && total == 0 && current == 0;
                    if (ok) {
                        any = true;
                        consumed = j + 1;
                        return new Parsed(0, consumed); // « zéro » stands alone (telephone digits)
                    }
                } else if (v == 1000) {
                    total += (current == 0 ? 1 : current) * 1000;
                    current = 0;
                } else if (v == 100) {
                    ok = current < 100;
                    current = (current == 0 ? 1 : current) * 100;
                } else if (v == 20 && low == 4) {
                    current += 76; // quatre-vingt
                } else if (v >= 20) {
                    ok = low == 0;
                    current += v;
                } else if (v >= 10) {
                    ok = low == 0 || low == 60 || low == 80;
                    current += v;
                } else {
                    ok = current % 10 == 0 && (low == 0 || low >= 20 || low == 10 && v >= 7);
                    current += v;
                }
                if (!ok) {
                    break;
                }
            }
            if (!ok || total + current > maxValue) {
                total = savedTotal;
                current = savedCurrent;
                break;
            }
            any = true;
            j++;
            consumed = j;
        }
        if (!any) {
            return null;
        }
        return new Parsed(total + current, consumed);
    }
}
