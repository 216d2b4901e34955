package fr.avec.verify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nearest real drug names to a word that is not one: Damerau–Levenshtein distance over the lexicon's
 * single-word names, ties broken by a French phonetic key (« amoxiciline » and « amoxicilline » sound the
 * same) and by preferring substances. Built once; lookups are read-only and thread-safe.
 */
final class DrugSuggester {

    /** A suggested name with its edit distance. */
    record Suggestion(String key, String display, int distance) {
    }

    private final Map<Integer, List<String>> byLength = new HashMap<>();
    /** Symmetric-delete index (SymSpell, Garbe 2012): each name and its one-letter deletions, to the names. */
    private final Map<String, List<String>> deletions = new HashMap<>();
    private final Map<String, String> phonetic = new HashMap<>();
    private final DrugLexicon lexicon;

    DrugSuggester(DrugLexicon lexicon) {
        this.lexicon = lexicon;
        Collection<String> names = lexicon.names();
        for (String name : names) {
            if (name.indexOf(' ') >= 0 || name.length() < 4) {
                continue;
            }
            byLength.computeIfAbsent(name.length(), k -> new ArrayList<>()).add(name);
            phonetic.put(name, phoneticKey(name));
            if (name.length() >= MIN_FAST_LENGTH - 1) {
                deletions.computeIfAbsent(name, k -> new ArrayList<>(1)).add(name);
                for (int i = 0; i < name.length(); i++) {
                    String deleted = name.substring(0, i) + name.substring(i + 1);
                    List<String> list = deletions.computeIfAbsent(deleted, k -> new ArrayList<>(1));
                    if (!list.contains(name)) {
                        list.add(name);
                    }
                }
            }
        }
    }

    /** Words shorter than this are not looked up by {@link #oneEditAway(String)}: short words are too often near a name. */
    static final int MIN_FAST_LENGTH = 6;

    /**
     * Names one edit (insertion, deletion, substitution, transposition) away from a word, found through the
     * symmetric-delete index in O(length) lookups: fast enough to try every word of a text.
     */
    List<Suggestion> oneEditAway(String word) {
        if (word.length() < MIN_FAST_LENGTH) {
            return List.of();
        }
        java.util.Set<String> candidates = new java.util.LinkedHashSet<>();
        List<String> exact = deletions.get(word);
        if (exact != null) {
            candidates.addAll(exact);
        }
        for (int i = 0; i < word.length(); i++) {
            List<String> names = deletions.get(word.substring(0, i) + word.substring(i + 1));
            if (names != null) {
                candidates.addAll(names);
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Suggestion> found = new ArrayList<>();
        String key = phoneticKey(word);
        for (String name : candidates) {
            int d = distance(word, name, 1);
            if (d == 1) {
                found.add(new Suggestion(name, lexicon.lookup(name).name(), d));
            }
        }
        found.sort((a, b) -> {
            int c = Integer.compare(score(a, key, word.charAt(0)), score(b, key, word.charAt(0)));
            return c != 0 ? c : a.key().compareTo(b.key());
        });
        return found;
    }

    /** The best suggestions for a folded word within {@code maxDistance}, best first (at most {@code limit}). */
    List<Suggestion> suggest(String word, int maxDistance, int limit) {
        List<Suggestion> found = new ArrayList<>();
        String key = phoneticKey(word);
        for (int length = word.length() - maxDistance; length <= word.length() + maxDistance; length++) {
            for (String name : byLength.getOrDefault(length, List.of())) {
                int d = distance(word, name, maxDistance);
                if (d <= maxDistance) {
                    found.add(new Suggestion(name, lexicon.lookup(name).name(), d));
                }
            }
        }
        found.sort((a, b) -> {
            int c = Integer.compare(score(a, key, word.charAt(0)), score(b, key, word.charAt(0)));
            if (c != 0) {
                return c;
            }
            return a.key().compareTo(b.key());
        });
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    /**
     * Lower is better: distance first, then a sound-alike bonus, then the same first letter (a slip of the keyboard
     * or of the transcription rarely changes it: « fuloxétine » is FLUOXÉTINE, not DULOXÉTINE), then substances
     * before products.
     */
    private int score(Suggestion s, String key, char first) {
        int score = s.distance() * 4;
        if (s.key().charAt(0) != first) {
            score += 2;
        }
        if (key.equals(phonetic.get(s.key()))) {
            score -= 3;
        }
        if (lexicon.lookup(s.key()).kind() == DrugLexicon.EntryKind.PRODUCT) {
            score += 1;
        }
        return score;
    }

    /** Optimal string alignment distance, abandoned early when it exceeds {@code max}. */
    static int distance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }

    /** A rough French phonetic key: spellings that sound alike (ph/f, qu/k, c/s/k, y/i, doubled letters) agree. */
    static String phoneticKey(String folded) {
        String s = folded.replace("ph", "f").replace("qu", "k").replace("ck", "k").replace("th", "t")
                .replace("ce", "se").replace("ci", "si").replace("cy", "si").replace('c', 'k').replace('y', 'i')
                .replace("h", "").replace('z', 's').replace("x", "ks");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (out.isEmpty() || out.charAt(out.length() - 1) != c) {
                out.append(c);
            }
        }
        int len = out.length();
        if (len > 3 && out.charAt(len - 1) == 'e') {
            out.setLength(len - 1);
        }
        return out.toString();
    }
}
