package fr.avec.protect;

import java.util.Map;

/**
 * French numbers written in words (« trois », « vingt et un », « deux mille vingt-quatre »), as speech-to-text writes
 * them in consultation transcripts, read over the pseudonymizer's {@link Tokens} with the word values of
 * {@link fr.avec.text.NumberWords}. The reading itself stays here: hyphenated words (« quatre-vingt-dix-sept ») are
 * one token in {@link Tokens} but three in {@link fr.avec.text.Tokenizer}, whose reader also takes English and decimals.
 */
final class NumberWords {

    /** Forms the pseudonymizer reads beyond the shared French vocabulary: ordinals of days and the old « mil ». */
    private static final Map<String, Integer> EXTRA = Map.of("premier", 1, "premiere", 1, "mil", 1000);

    private NumberWords() {
    }

    /** Whether a folded word (or every part of a hyphenated one) is a number word. */
    static boolean isNumberWord(String key) {
        if (value(key) >= 0) {
            return true;
        }
        if (key.indexOf('-') > 0) {
            for (String part : key.split("-")) {
                if (value(part) < 0 && !part.equals("et")) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    static int value(String key) {
        Integer v = EXTRA.get(key);
        return v != null ? v : fr.avec.text.NumberWords.frenchValue(key);
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
                int v = value(part);
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
