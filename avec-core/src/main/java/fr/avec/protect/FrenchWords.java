package fr.avec.protect;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * Ordinary French words (LanguageTool's French word-form dictionary, 660,000 forms), so that a family name
 * that is also a word (« Blanc », « Petit », « Fort ») is never redacted on a lexicon hit alone.
 */
final class FrenchWords {

    /** Returned by {@link #commonness} for a word that is not an ordinary French word. */
    static final int NOT_A_WORD = -1;

    private static final String RESOURCE = "/org/languagetool/resource/fr/french.dict";
    private static final int CACHE_LIMIT = 200_000;

    private final Dictionary dictionary;
    private final ThreadLocal<DictionaryLookup> lookups;
    private final ConcurrentHashMap<String, Integer> cache = new ConcurrentHashMap<>();

    private FrenchWords(Dictionary dictionary) {
        this.dictionary = dictionary;
        this.lookups = ThreadLocal.withInitial(() -> new DictionaryLookup(this.dictionary));
    }

    private static volatile FrenchWords shared;

    /** The dictionary shipped on the class path, read once per process (it is immutable). */
    static FrenchWords load() {
        FrenchWords w = shared;
        if (w == null) {
            synchronized (FrenchWords.class) {
                w = shared;
                if (w == null) {
                    w = read();
                    shared = w;
                }
            }
        }
        return w;
    }

    /** Reads the dictionary; fails loudly since names cannot be told from words without it. */
    private static FrenchWords read() {
        URL url = FrenchWords.class.getResource(RESOURCE);
        if (url == null) {
            throw new ProtectionException("the French word dictionary (org.languagetool:french-pos-dict) is missing from the class path");
        }
        try {
            return new FrenchWords(Dictionary.read(url));
        } catch (IOException e) {
            throw new ProtectionException("cannot read the French word dictionary", e);
        }
    }

    /**
     * How common a word is as an ordinary (non proper) French word: {@link #NOT_A_WORD}, or the dictionary's
     * frequency class from 0 (rare) to 25 (very common). Case is ignored.
     */
    int commonness(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        Integer cached = cache.get(lower);
        if (cached != null) {
            return cached;
        }
        int best = rank(lower);
        if (best == NOT_A_WORD && unaccented(lower)) {
            best = accentRestored(lower);
        }
        if (cache.size() < CACHE_LIMIT) {
            cache.put(lower, best);
        }
        return best;
    }

    /** Vowels that French capitals and hurried typing often write without their accent, with the accented forms. */
    private static final String PLAIN = "eaouic";
    private static final String[] ACCENTED = {"éèê", "àâ", "ô", "ûù", "îï", "ç"};

    private static boolean unaccented(String lower) {
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /**
     * « SANTE », « PREPARATIONS », « MEDECIN », « HOPITAUX »: capitals drop accents, so a word written without any is
     * looked up again with one accent put back (or two « e » accented), so that an ordinary word in capitals is not
     * taken for a name. Only for words not found as written; the result is cached with the word.
     */
    private int accentRestored(String lower) {
        char[] chars = lower.toCharArray();
        int best = NOT_A_WORD;
        for (int i = 0; i < chars.length; i++) {
            int v = PLAIN.indexOf(chars[i]);
            if (v < 0) {
                continue;
            }
            char original = chars[i];
            for (char accent : ACCENTED[v].toCharArray()) {
                chars[i] = accent;
                best = Math.max(best, rank(new String(chars)));
                if (original == 'e') {
                    for (int k = i + 1; k < chars.length; k++) {
                        if (chars[k] != 'e') {
                            continue;
                        }
                        for (char second : ACCENTED[0].toCharArray()) {
                            chars[k] = second;
                            best = Math.max(best, rank(new String(chars)));
                        }
                        chars[k] = 'e';
                    }
                }
            }
            chars[i] = original;
        }
        return best;
    }

    /** The best frequency class of the ordinary (non proper) readings of an exact lower-case form. */
    private int rank(String lower) {
        int best = NOT_A_WORD;
        List<WordData> found = lookups.get().lookup(lower);
        for (WordData data : found) {
            CharSequence tag = data.getTag();
            if (tag == null || tag.isEmpty() || tag.charAt(0) == 'Z') {
                continue; // proper nouns are what we look for, not evidence against a name
            }
            char frequency = tag.charAt(tag.length() - 1);
            int rank = frequency >= 'A' && frequency <= 'Z' ? frequency - 'A' : 0;
            best = Math.max(best, rank);
        }
        return best;
    }

    /**
     * Whether every ordinary reading of the word is a noun or an adjective (« renard », « gaillard »): such a word
     * right after « madame » in a transcript is a name, while « est », « vous » or « a » are not.
     */
    boolean nominalOnly(String word) {
        List<WordData> found = lookups.get().lookup(word.toLowerCase(Locale.ROOT));
        for (WordData data : found) {
            CharSequence tag = data.getTag();
            if (tag == null || tag.isEmpty()) {
                continue;
            }
            char c = tag.charAt(0);
            if (c != 'N' && c != 'J' && c != 'Z') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether some reading of the word is a pronoun, an article, a conjunction, a preposition or a form of « être »
     * or « avoir » (« vous », « la », « et », « est »): such a word after « madame » is never her name.
     */
    boolean closedClass(String word) {
        for (WordData data : lookups.get().lookup(word.toLowerCase(Locale.ROOT))) {
            CharSequence tag = data.getTag();
            if (tag == null || tag.isEmpty()) {
                continue;
            }
            char c = tag.charAt(0);
            if (c == 'R' || c == 'D' || c == 'C' || c == 'P' || c == 'V' && tag.length() > 4
                    && (tag.toString().startsWith("V etre") || tag.toString().startsWith("V avoir"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether some reading of the word is a noun or an adjective (« rose », « fort », « carré »). */
    boolean hasNominalReading(String word) {
        for (WordData data : lookups.get().lookup(word.toLowerCase(Locale.ROOT))) {
            CharSequence tag = data.getTag();
            if (tag != null && !tag.isEmpty() && (tag.charAt(0) == 'N' || tag.charAt(0) == 'J')) {
                return true;
            }
        }
        return false;
    }

    /** Whether the word is an ordinary French word at all. */
    boolean isWord(String word) {
        return commonness(word) != NOT_A_WORD;
    }
}
