package fr.avec.protect;

import fr.avec.text.FoldedText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The name and place lexicons folded into hash tables keyed by the folded form of a word (or of a
 * multi-word place name), plus the short lists the surrogate generator draws from. Immutable once built.
 */
final class Vocabulary {

    static final int MALE = 1;
    static final int FEMALE = 2;

    /** First names: folded name to births, male in the high 32 bits and female in the low 32 bits. */
    final Map<String, Long> firstNames;
    /**
     * Every first name, family name and one-word commune (folded) to its {@link WordClasses#LEXICON} bits. Kept apart
     * from the small fixed table of roles, titles and months, which stays in cache: most words of a note are never
     * asked about the lexicons.
     */
    final Map<String, Integer> classes;
    /** Folded commune names (hyphens as spaces) to their display form. */
    final Map<String, String> communes;
    /** Postal code to the folded names of its communes. */
    final Map<String, Set<String>> postalCodes;
    final Set<String> finess;
    /** Longest commune name in words, to bound the look-ahead. */
    final int longestCommune;
    final List<String> maleSurrogates;
    final List<String> femaleSurrogates;
    final List<String> familySurrogates;
    final List<String[]> placeSurrogates; // {postal code, commune}
    final List<String> hospitalSurrogates;
    /** Hospital surrogates by their first word (« hopital », « clinique », « chu »), and by their first sound. */
    final Map<String, List<String>> hospitalsByHead;
    final List<String> hospitalsWithVowel;
    final List<String> hospitalsWithConsonant;
    final boolean fromLexicons;

    private Vocabulary(Builder b) {
        this.firstNames = Collections.unmodifiableMap(b.firstNames);
        Map<String, Integer> table = new HashMap<>();
        for (String name : b.familyNames) {
            table.merge(name, WordClasses.FAMILY_NAME, (x, y) -> x | y);
        }
        for (String name : b.firstNames.keySet()) {
            table.merge(name, WordClasses.FIRST_NAME, (x, y) -> x | y);
        }
        for (String name : b.communes.keySet()) {
            if (name.indexOf(' ') < 0) {
                table.merge(name, WordClasses.COMMUNE, (x, y) -> x | y);
            }
        }
        this.classes = table;
        this.communes = Collections.unmodifiableMap(b.communes);
        this.postalCodes = Collections.unmodifiableMap(b.postalCodes);
        this.finess = Collections.unmodifiableSet(b.finess);
        int longest = 1;
        for (String name : b.communes.keySet()) {
            longest = Math.max(longest, name.split(" ").length);
        }
        this.longestCommune = Math.min(longest, 6);
        this.maleSurrogates = List.copyOf(b.maleSurrogates.isEmpty() ? DefaultNames.MALE : b.maleSurrogates);
        this.femaleSurrogates = List.copyOf(b.femaleSurrogates.isEmpty() ? DefaultNames.FEMALE : b.femaleSurrogates);
        this.familySurrogates = List.copyOf(b.familySurrogates.isEmpty() ? DefaultNames.FAMILY : b.familySurrogates);
        this.placeSurrogates = List.copyOf(b.placeSurrogates.isEmpty() ? DefaultNames.PLACES : b.placeSurrogates);
        this.hospitalSurrogates = List.copyOf(b.hospitalSurrogates.isEmpty() ? DefaultNames.HOSPITALS : b.hospitalSurrogates);
        this.fromLexicons = b.fromLexicons;
        Map<String, List<String>> byHead = new HashMap<>();
        List<String> vowel = new ArrayList<>();
        List<String> consonant = new ArrayList<>();
        for (String h : hospitalSurrogates) {
            String folded = FoldedText.fold(h);
            int cut = 0;
            while (cut < folded.length() && Character.isLetter(folded.charAt(cut))) {
                cut++;
            }
            byHead.computeIfAbsent(folded.substring(0, cut), k -> new ArrayList<>()).add(h);
            (!folded.isEmpty() && "aeiouyh".indexOf(folded.charAt(0)) >= 0 ? vowel : consonant).add(h);
        }
        this.hospitalsByHead = byHead;
        this.hospitalsWithVowel = vowel;
        this.hospitalsWithConsonant = consonant;
    }

    static Builder builder() {
        return new Builder();
    }

    boolean isFirstName(String key) {
        return (classesOf(key) & WordClasses.FIRST_NAME) != 0;
    }

    /** The lexicon bits of a folded word ({@link WordClasses#LEXICON}), 0 when none. */
    int classesOf(String key) {
        Integer c = classes.get(key);
        return c == null ? 0 : c;
    }

    long births(String key) {
        Long packed = firstNames.get(key);
        return packed == null ? 0 : (packed >>> 32) + (packed & 0xFFFFFFFFL);
    }

    /** The sex most births with this name received ({@link #MALE}, {@link #FEMALE}), or 0 when unknown. */
    int sex(String key) {
        Long packed = firstNames.get(key);
        if (packed == null) {
            return 0;
        }
        long male = packed >>> 32;
        long female = packed & 0xFFFFFFFFL;
        return male >= female ? MALE : FEMALE;
    }

    boolean isFamilyName(String key) {
        return (classesOf(key) & WordClasses.FAMILY_NAME) != 0;
    }

    static String placeKey(String name) {
        String folded = FoldedText.fold(name);
        StringBuilder sb = new StringBuilder(folded.length());
        boolean space = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == '-' || c == ' ' || c == '\'') {
                space = sb.length() > 0;
                if (c == '\'' && sb.length() > 0) {
                    // « L'Isle-Adam » and « L Isle Adam » meet.
                    space = true;
                }
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Collects lexicon entries; the surrogate lists keep the most frequent or the first entries. */
    static final class Builder {
        private final Map<String, Long> firstNames = new HashMap<>();
        private final Set<String> familyNames = new HashSet<>();
        private final Map<String, String> communes = new HashMap<>();
        private final Map<String, Set<String>> postalCodes = new HashMap<>();
        private final Set<String> finess = new HashSet<>();
        private final List<String> maleSurrogates = new ArrayList<>();
        private final List<String> femaleSurrogates = new ArrayList<>();
        private final List<String> familySurrogates = new ArrayList<>();
        private final List<String[]> placeSurrogates = new ArrayList<>();
        private final List<String> hospitalSurrogates = new ArrayList<>();
        private boolean fromLexicons;

        void firstName(String name, int sex, long births) {
            String key = FoldedText.fold(name);
            long b = Math.min(births, 0x7FFFFFFFL);
            long add = sex == MALE ? b << 32 : b;
            firstNames.merge(key, add, (x, y) -> {
                long male = Math.min((x >>> 32) + (y >>> 32), 0x7FFFFFFFL);
                long female = Math.min((x & 0xFFFFFFFFL) + (y & 0xFFFFFFFFL), 0x7FFFFFFFL);
                return male << 32 | female;
            });
            fromLexicons = true;
        }

        void familyName(String name) {
            familyNames.add(FoldedText.fold(name));
            fromLexicons = true;
        }

        void commune(String name) {
            communes.putIfAbsent(placeKey(name), name);
            fromLexicons = true;
        }

        void postalCode(String code, String communeName) {
            postalCodes.computeIfAbsent(code, k -> new HashSet<>(2)).add(placeKey(communeName));
        }

        void establishment(String finessNumber) {
            finess.add(finessNumber);
        }

        void surrogates(List<String> male, List<String> female, List<String> family, List<String[]> places, List<String> hospitals) {
            maleSurrogates.addAll(male);
            femaleSurrogates.addAll(female);
            familySurrogates.addAll(family);
            placeSurrogates.addAll(places);
            hospitalSurrogates.addAll(hospitals);
        }

        Vocabulary build() {
            if (firstNames.isEmpty()) {
                // Without the INSEE list, the surrogate first names still tell « Hélène DURAND » apart.
                boolean lexicons = fromLexicons;
                DefaultNames.MALE.forEach(n -> firstName(n, MALE, 10_000));
                DefaultNames.FEMALE.forEach(n -> firstName(n, FEMALE, 10_000));
                fromLexicons = lexicons;
            }
            return new Vocabulary(this);
        }
    }
}
