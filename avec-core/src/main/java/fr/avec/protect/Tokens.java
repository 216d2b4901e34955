package fr.avec.protect;

import fr.avec.text.FoldedText;
import java.util.Arrays;

/**
 * The words, numbers and punctuation of a text, found in one pass and kept in parallel arrays so that the
 * rules walk them without allocating; folded keys are computed once per word.
 */
final class Tokens {

    static final byte WORD = 1;
    static final byte NUMBER = 2;
    static final byte PUNCT = 3;

    /** Shape bits of a word. */
    static final int CAPITALIZED = 1;   // first letter upper case
    static final int UPPER = 2;         // all letters upper case, at least two letters
    static final int LINE_START = 4;    // first token of its line
    static final int SENTENCE_START = 8; // first token of a line or after . ! ? :
    static final int NEWLINE_BEFORE = 16; // a line break lies between this token and the previous one
    /** A word glued to a digit (« PaCO2 », « SpO2 », « 3CH », « 10136RV »): a code or a unit, never a name or a place. */
    static final int GLUED_DIGIT = 32;

    final String text;
    int size;
    int[] start;
    int[] end;
    byte[] type;
    int[] shape;
    String[] key;
    int[] classes;
    /** Lexicon bits of each word with {@link #NO_LEXICON_BIT} set once asked (0 = not yet asked). */
    private int[] lexicon;
    private static final int NO_LEXICON_BIT = 1 << 30;
    /** {@link FrenchWords#commonness} of each word, plus 2 (0 = not yet asked). */
    private int[] commonness;
    private final java.util.Map<String, Integer> table;

    Tokens(String text) {
        this(text, null);
    }

    /** Tokens whose lexicon bits are read from {@code table} (see {@link Vocabulary#classes}); null: no lexicons. */
    Tokens(String text, java.util.Map<String, Integer> table) {
        this.text = text;
        this.table = table;
        // French clinical text averages about one token per four characters: one allocation, no regrowth.
        int capacity = Math.max(16, text.length() / 3);
        start = new int[capacity];
        end = new int[capacity];
        type = new byte[capacity];
        shape = new int[capacity];
        key = new String[capacity];
        scan();
        classes = new int[size];
        Arrays.fill(classes, -1);
    }

    private void scan() {
        String t = text;
        int n = t.length();
        int i = 0;
        boolean lineStart = true;
        boolean sentenceStart = true;
        boolean newline = false;
        while (i < n) {
            char c = t.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028') {
                lineStart = true;
                sentenceStart = true;
                newline = true;
                i++;
                continue;
            }
            if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u202f') {
                i++;
                continue;
            }
            int s = i;
            byte kind;
            int bits = 0;
            if (Character.isLetter(c)) {
                kind = WORD;
                i = wordEnd(t, i);
                boolean upper = true;
                int letters = 0;
                for (int k = s; k < i; k++) {
                    char ch = t.charAt(k);
                    if (Character.isLetter(ch)) {
                        letters++;
                        if (!Character.isUpperCase(ch)) {
                            upper = false;
                        }
                    }
                }
                if (Character.isUpperCase(c)) {
                    bits |= CAPITALIZED;
                }
                if (upper && letters >= 2) {
                    bits |= UPPER;
                }
            } else if (c >= '0' && c <= '9') {
                kind = NUMBER;
                while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                    i++;
                }
            } else {
                kind = PUNCT;
                i++;
            }
            if (lineStart) {
                bits |= LINE_START;
            }
            if (sentenceStart) {
                bits |= SENTENCE_START;
            }
            if (newline) {
                bits |= NEWLINE_BEFORE;
            }
            if (size > 0 && end[size - 1] == s && (kind == NUMBER && type[size - 1] == WORD || kind == WORD && type[size - 1] == NUMBER)) {
                if (kind == WORD) {
                    bits |= GLUED_DIGIT;
                } else {
                    shape[size - 1] |= GLUED_DIGIT;
                }
            }
            add(s, i, kind, bits);
            lineStart = false;
            newline = false;
            sentenceStart = kind == PUNCT && (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '•' || c == '-' && isAlone(s));
        }
    }

    private boolean isAlone(int s) {
        return size <= 1 || (shape[size - 1] & LINE_START) != 0;
    }

    /** A word runs over letters, marks, inner hyphens and inner apostrophes that are not French elisions. */
    private static int wordEnd(String t, int i) {
        int n = t.length();
        int s = i;
        while (i < n) {
            char ch = t.charAt(i);
            if (Character.isLetter(ch) || Character.getType(ch) == Character.NON_SPACING_MARK) {
                i++;
            } else if ((ch == '-' || ch == '\u2011') && i + 1 < n && Character.isLetter(t.charAt(i + 1))) {
                i++;
            } else if ((ch == '\'' || ch == '’') && i + 1 < n && Character.isLetter(t.charAt(i + 1))) {
                if (isElision(t, s, i)) {
                    return i + 1; // « d' », « l' », « qu' » are their own word, keeping the apostrophe
                }
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isElision(String t, int s, int apostrophe) {
        int len = apostrophe - s;
        if (len == 1) {
            char c = t.charAt(s);
            // « N'Diaye », « O'Brien »: an upper-case N or O before an apostrophe starts a name.
            return "dljmnstcDLJMSTC".indexOf(c) >= 0;
        }
        if (len == 2) {
            return t.regionMatches(true, s, "qu", 0, 2);
        }
        if (len >= 5) {
            String w = t.substring(s, apostrophe).toLowerCase(java.util.Locale.ROOT);
            return w.equals("jusqu") || w.equals("lorsqu") || w.equals("puisqu") || w.equals("quoiqu") || w.equals("presqu");
        }
        return false;
    }

    private void add(int s, int e, byte kind, int bits) {
        if (size == start.length) {
            int cap = size * 2;
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
            type = Arrays.copyOf(type, cap);
            shape = Arrays.copyOf(shape, cap);
            key = Arrays.copyOf(key, cap);
        }
        start[size] = s;
        end[size] = e;
        type[size] = kind;
        shape[size] = bits;
        size++;
    }

    /** Folded form (lower case, no accents) of token {@code i}, computed once. */
    String key(int i) {
        String k = key[i];
        if (k == null) {
            k = FoldedText.fold(text, start[i], end[i]);
            // Elided articles are stored without their apostrophe: « d' » and « d’ » are both « d ».
            if (k.endsWith("'")) {
                k = k.substring(0, k.length() - 1);
            }
            key[i] = k;
        }
        return k;
    }

    /** The {@link WordClasses} bits of word {@code i}. */
    int cls(int i) {
        int c = classes[i];
        if (c < 0) {
            c = type[i] == WORD ? WordClasses.of(key(i)) : 0;
            classes[i] = c;
        }
        return c;
    }

    boolean is(int i, int wordClass) {
        if (i < 0 || i >= size || type[i] != WORD) {
            return false;
        }
        int c = (wordClass & ~WordClasses.LEXICON) != 0 ? cls(i) : 0;
        if ((wordClass & WordClasses.LEXICON) != 0) {
            c |= lexicon(i);
        }
        return (c & wordClass) != 0;
    }

    /** The lexicon bits of word {@code i}, from the vocabulary's large table, asked once per token and only on demand. */
    private int lexicon(int i) {
        if (table == null) {
            return 0;
        }
        if (lexicon == null) {
            lexicon = new int[size];
        }
        int c = lexicon[i];
        if (c == 0) {
            Integer bits = table.get(key(i));
            c = (bits == null ? 0 : bits) | NO_LEXICON_BIT;
            lexicon[i] = c;
        }
        return c & ~NO_LEXICON_BIT;
    }

    /** {@link FrenchWords#commonness} of word {@code i}, asked once per token. */
    int commonness(int i, FrenchWords words) {
        if (commonness == null) {
            commonness = new int[size];
        }
        int c = commonness[i];
        if (c == 0) {
            c = words.commonness(surface(i)) + 2;
            commonness[i] = c;
        }
        return c - 2;
    }

    /** Whether word {@code i} is an ordinary French word. */
    boolean ordinary(int i, FrenchWords words) {
        return commonness(i, words) != FrenchWords.NOT_A_WORD;
    }

    boolean isWord(int i) {
        return i >= 0 && i < size && type[i] == WORD;
    }

    boolean isNumber(int i) {
        return i >= 0 && i < size && type[i] == NUMBER;
    }

    boolean isPunct(int i, char c) {
        return i >= 0 && i < size && type[i] == PUNCT && text.charAt(start[i]) == c;
    }

    boolean capitalized(int i) {
        return (shape[i] & CAPITALIZED) != 0;
    }

    /** Whether word {@code i} touches a digit (« PaCO2 », « 3CH »): lab codes and units, not names. */
    boolean glued(int i) {
        return (shape[i] & GLUED_DIGIT) != 0;
    }

    boolean upper(int i) {
        return (shape[i] & UPPER) != 0;
    }

    boolean has(int i, int bit) {
        return (shape[i] & bit) != 0;
    }

    /** Whether a line break separates tokens {@code i - 1} and {@code i}. */
    boolean lineBreakBefore(int i) {
        return (shape[i] & NEWLINE_BEFORE) != 0;
    }

    int length(int i) {
        return end[i] - start[i];
    }

    String surface(int i) {
        return text.substring(start[i], end[i]);
    }

    /** Index of the first token starting at or after {@code offset}. */
    int indexAt(int offset) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
