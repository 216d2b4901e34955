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
        if (cache.size() < CACHE_LIMIT) {
            cache.put(lower, best);
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

    /** Whether the word is an ordinary French word at all. */
    boolean isWord(String word) {
        return commonness(word) != NOT_A_WORD;
    }
}
