package fr.avec.protect;

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

    /** First names: folded name to packed sex mask (low 2 bits) and births (the rest). */
    final Map<String, Long> firstNames;
    final Set<String> familyNames;
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
    final boolean fromLexicons;

    private Vocabulary(Builder b) {
        this.firstNames = Collections.unmodifiableMap(b.firstNames);
        this.familyNames = Collections.unmodifiableSet(b.familyNames);
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
    }

    static Builder builder() {
        return new Builder();
    }

    boolean isFirstName(String key) {
        return firstNames.containsKey(key);
    }

    long births(String key) {
        Long packed = firstNames.get(key);
        return packed == null ? 0 : packed >>> 2;
    }

    int sex(String key) {
        Long packed = firstNames.get(key);
        return packed == null ? 0 : (int) (packed & 3);
    }

    boolean isFamilyName(String key) {
        return familyNames.contains(key);
    }

    static String placeKey(String name) {
        String folded = Fold.fold(name);
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
            String key = Fold.fold(name);
            Long old = firstNames.get(key);
            long oldBirths = old == null ? 0 : old >>> 2;
            int oldSex = old == null ? 0 : (int) (old & 3);
            firstNames.put(key, ((oldBirths + births) << 2) | (oldSex | sex));
            fromLexicons = true;
        }

        void familyName(String name) {
            familyNames.add(Fold.fold(name));
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
            return new Vocabulary(this);
        }
    }
}
