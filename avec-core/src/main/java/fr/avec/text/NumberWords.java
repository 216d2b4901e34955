package fr.avec.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads numbers written in words, in French (« soixante-treize », « quatre-vingt-dix-sept », « trente-huit
 * virgule cinq », « deux et demi ») and in English (« twenty six », « one hundred and twenty »), as a
 * transcript of a consultation writes them. Works on folded tokens (see {@link Tokenizer}).
 */
public final class NumberWords {

    private static final Map<String, Integer> UNITS = new HashMap<>();
    private static final Map<String, Integer> SCALES = new HashMap<>();
    /** The French number words alone (units, tens, « cent », « mille »), for readers with their own token model. */
    private static final Map<String, Integer> FRENCH = new HashMap<>();

    static {
        String[] french = {"zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
            "onze", "douze", "treize", "quatorze", "quinze", "seize"};
        for (int i = 0; i < french.length; i++) {
            UNITS.put(french[i], i);
        }
        UNITS.put("une", 1);
        for (int i = 0; i < french.length; i++) {
            FRENCH.put(french[i], i);
        }
        FRENCH.put("une", 1);
        String[] english = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
        for (int i = 0; i < english.length; i++) {
            UNITS.put(english[i], i);
        }
        Map<String, Integer> tens = Map.ofEntries(
                Map.entry("vingt", 20), Map.entry("vingts", 20), Map.entry("trente", 30), Map.entry("quarante", 40),
                Map.entry("cinquante", 50), Map.entry("soixante", 60), Map.entry("septante", 70),
                Map.entry("huitante", 80), Map.entry("octante", 80), Map.entry("nonante", 90),
                Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50),
                Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90));
        UNITS.putAll(tens);
        for (Map.Entry<String, Integer> e : tens.entrySet()) {
            if (e.getValue() < 100 && e.getKey().chars().noneMatch(c -> c == 'y')) {
                FRENCH.put(e.getKey(), e.getValue()); // the English tens all end in « y »
            }
        }
        SCALES.put("cent", 100);
        SCALES.put("cents", 100);
        SCALES.put("hundred", 100);
        SCALES.put("mille", 1000);
        SCALES.put("thousand", 1000);
        FRENCH.put("cent", 100);
        FRENCH.put("cents", 100);
        FRENCH.put("mille", 1000);
        SCALES.put("million", 1_000_000);
        SCALES.put("millions", 1_000_000);
    }

    private NumberWords() {
    }

    /** A number read from tokens {@code [startToken, endToken)}. */
    public record Reading(double value, int startToken, int endToken) {
    }

    private static boolean fits(long low, long current, int v) {
        if (current == 0) {
            return true;
        }
        if (v < 10) {
            return low % 10 == 0;
        }
        if (v < 20) {
            return low == 0 || low == 60 || low == 80;
        }
        return low == 0;
    }

    /**
     * The value of one folded French number word below a million (« trois » 3, « vingts » 20, « cent » 100,
     * « mille » 1000), or -1: the vocabulary shared with readers that tokenize differently (the pseudonymizer).
     */
    public static int frenchValue(String folded) {
        Integer v = FRENCH.get(folded);
        return v == null ? -1 : v;
    }

    /** Whether a folded word is a number word (« un » and « une » included). */
    public static boolean isNumberWord(String folded) {
        return UNITS.containsKey(folded) || SCALES.containsKey(folded);
    }

    /**
     * Reads the longest number written in words starting at token {@code index}, or returns null. Two
     * units in a row (« deux trois fois ») are two numbers, not their sum.
     */
    public static Reading read(List<Token> tokens, int index) {
        int i = index;
        long total = 0;
        long current = 0;
        int end = -1;
        boolean any = false;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            if (!token.isWord()) {
                // Hyphens join parts of one number only between two number words.
                if (any && token.is("-") && i + 1 < tokens.size() && isNumberWord(tokens.get(i + 1).text())
                        && tokens.get(i).start() == tokens.get(i - 1).end()) {
                    i++;
                    continue;
                }
                break;
            }
            String w = token.text();
            if ((w.equals("et") || w.equals("and")) && any && i + 1 < tokens.size()) {
                String next = tokens.get(i + 1).text();
                if ((w.equals("et") && (next.equals("un") || next.equals("une") || next.equals("onze")) && current % 10 == 0 && current % 100 >= 20)
                        || (w.equals("and") && UNITS.containsKey(next) && current % 100 == 0)) {
                    i++;
                    continue;
                }
                if (next.equals("demi") || next.equals("demie") || next.equals("half")) {
                    return new Reading(total + current + 0.5, index, i + 2);
                }
                break;
            }
            Integer unit = UNITS.get(w);
            Integer scale = SCALES.get(w);
            if (unit != null) {
                int v = unit;
                long low = current % 100;
                if (any && v == 20 && low == 4) {
                    current += 76; // « quatre-vingt(s) »
                } else if (!any || current == 0 && total == 0 || fits(low, current, v)) {
                    current += v;
                } else {
                    break;
                }
                any = true;
                end = i + 1;
            } else if (scale != null) {
                if (scale == 100) {
                    current = (current == 0 ? 1 : current) * 100;
                } else {
                    total += (current == 0 ? 1 : current) * scale;
                    current = 0;
                }
                any = true;
                end = i + 1;
            } else if ((w.equals("virgule") || w.equals("point")) && any && i + 1 < tokens.size()) {
                Reading decimals = read(tokens, i + 1);
                if (decimals == null) {
                    break;
                }
                String digits = Long.toString((long) decimals.value());
                // « trente-huit virgule zéro cinq » keeps its leading zero.
                String leadingZeros = tokens.get(i + 1).is("zero") ? "0" : "";
                double value = total + current + Double.parseDouble("0." + leadingZeros + digits);
                return new Reading(value, index, decimals.endToken());
            } else {
                break;
            }
            i++;
        }
        if (!any || end < 0) {
            return null;
        }
        return new Reading(total + current, index, end);
    }
}
