package fr.avec.text;

import java.text.Normalizer;

/**
 * A text lower-cased and stripped of accents for matching, with a map back to the original offsets.
 * « Paracétamol » and « PARACETAMOL » fold to the same string; ligatures expand (« œ » to « oe »),
 * typographic apostrophes and dashes become ASCII, and non-breaking spaces become spaces.
 */
public final class FoldedText {

    private static final int TABLE_SIZE = 0x2300;
    private static final String[] TABLE = buildTable();
    /** The one-character folding of each character below TABLE_SIZE, or 0 when it expands (« œ »). */
    private static final char[] SINGLE = buildSingle();

    private final String original;
    private final String folded;
    private final int[] toOriginal;

    private FoldedText(String original, String folded, int[] toOriginal) {
        this.original = original;
        this.folded = folded;
        this.toOriginal = toOriginal;
    }

    /** Folds a whole text, keeping the offset map. */
    public static FoldedText of(String original) {
        int length = original.length();
        StringBuilder out = new StringBuilder(length + 8);
        int[] map = new int[length + 9];
        int mapped = 0;
        for (int i = 0; i < length; i++) {
            char c = original.charAt(i);
            char single = c < TABLE_SIZE ? SINGLE[c] : Character.toLowerCase(c);
            if (single != 0) {
                if (mapped >= map.length - 1) {
                    map = java.util.Arrays.copyOf(map, map.length * 2);
                }
                out.append(single);
                map[mapped++] = i;
            } else {
                String replacement = TABLE[c] != null ? TABLE[c] : String.valueOf(c); // NUL stays NUL
                for (int k = 0; k < replacement.length(); k++) {
                    if (mapped >= map.length - 1) {
                        map = java.util.Arrays.copyOf(map, map.length * 2);
                    }
                    out.append(replacement.charAt(k));
                    map[mapped++] = i;
                }
            }
        }
        map[mapped] = length;
        return new FoldedText(original, out.toString(), map);
    }

    /** Folds a short string without keeping offsets: the key used by lexicons. */
    public static String fold(CharSequence text) {
        return fold(text, 0, text.length());
    }

    /**
     * Folds the range {@code [start, end)} of a text without keeping offsets, as {@link #fold(CharSequence)} does;
     * one table read per character and one allocation when nothing expands (the usual case for a word).
     */
    public static String fold(CharSequence text, int start, int end) {
        char[] out = new char[end - start];
        int n = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            char single = c < TABLE_SIZE ? SINGLE[c] : Character.toLowerCase(c);
            if (single == 0) {
                return expanding(text, start, end); // « œ », « ß » (or NUL): rare
            }
            out[n++] = single;
        }
        return new String(out, 0, n);
    }

    /**
     * The folding of one character, for comparisons character by character: expansions keep their first letter
     * (« œ » gives « o », « ß » gives « s »).
     */
    public static char foldChar(char c) {
        if (c >= TABLE_SIZE) {
            return Character.toLowerCase(c);
        }
        char single = SINGLE[c];
        return single != 0 || TABLE[c] == null ? single : TABLE[c].charAt(0);
    }

    private static String expanding(CharSequence text, int start, int end) {
        StringBuilder out = new StringBuilder(end - start + 4);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            String replacement = c < TABLE_SIZE ? TABLE[c] : null;
            if (replacement == null) {
                out.append(Character.toLowerCase(c));
            } else {
                out.append(replacement);
            }
        }
        return out.toString();
    }

    public String original() {
        return original;
    }

    public String folded() {
        return folded;
    }

    /** The offset in the original text of the folded character at {@code foldedIndex} (or of the end). */
    public int originalOffset(int foldedIndex) {
        return toOriginal[foldedIndex];
    }

    /** The original end offset (exclusive) of a folded span ending at {@code foldedEnd}. */
    public int originalEnd(int foldedEnd) {
        if (foldedEnd == 0) {
            return 0;
        }
        return toOriginal[foldedEnd - 1] + 1;
    }

    private static char[] buildSingle() {
        char[] single = new char[TABLE_SIZE];
        for (char c = 0; c < TABLE_SIZE; c++) {
            String replacement = TABLE[c];
            if (replacement == null) {
                single[c] = Character.toLowerCase(c);
            } else if (replacement.length() == 1) {
                single[c] = replacement.charAt(0);
            }
        }
        return single;
    }

    private static String[] buildTable() {
        String[] table = new String[TABLE_SIZE];
        for (char c = 0; c < TABLE_SIZE; c++) {
            String s = String.valueOf(c);
            String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
            StringBuilder kept = new StringBuilder();
            for (int i = 0; i < decomposed.length(); i++) {
                char d = decomposed.charAt(i);
                if (Character.getType(d) != Character.NON_SPACING_MARK) {
                    kept.append(Character.toLowerCase(d));
                }
            }
            String result = kept.length() == 1 ? kept.toString() : null;
            if (result != null && result.charAt(0) == Character.toLowerCase(c)) {
                result = null;
            }
            table[c] = result;
        }
        table['œ'] = "oe";
        table['Œ'] = "oe";
        table['æ'] = "ae";
        table['Æ'] = "ae";
        table['ß'] = "ss";
        table['\u00B5'] = "µ";
        table['\u03BC'] = "µ";
        for (char apostrophe : new char[] {'\u2019', '\u2018', '\u02BC', '\u00B4', '`'}) {
            table[apostrophe] = "'";
        }
        for (char dash : new char[] {'\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212'}) {
            table[dash] = "-";
        }
        for (char space : new char[] {'\u00A0', '\u202F', '\u2009', '\u2007'}) {
            table[space] = " ";
        }
        table['\u00AB'] = "\"";
        table['\u00BB'] = "\"";
        table['\u201C'] = "\"";
        table['\u201D'] = "\"";
        return table;
    }
}
