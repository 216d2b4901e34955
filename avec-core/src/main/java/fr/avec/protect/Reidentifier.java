package fr.avec.protect;

import fr.avec.text.FoldedText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts real values back into a model's answer: placeholders, surrogates in any case and with or without
 * accents (« M. MARTIN », « Monsieur Martin »), and dates the model wrote another way.
 */
final class Reidentifier {

    private record Key(char[] folded, String original, String replacement, boolean placeholder) {
    }

    private final Map<Character, List<Key>> byFirstChar = new HashMap<>();
    private final int longest;

    Reidentifier(Conversation conversation) {
        int max = 0;
        List<Conversation.Mapping> all = new ArrayList<>(conversation.mappings());
        all.addAll(conversation.aliases());
        for (Conversation.Mapping m : all) {
            String r = m.replacement();
            if (r.isBlank()) {
                continue;
            }
            char[] folded = new char[r.length()];
            for (int i = 0; i < r.length(); i++) {
                folded[i] = FoldedText.foldChar(r.charAt(i));
            }
            boolean placeholder = r.startsWith("[") && r.endsWith("]");
            byFirstChar.computeIfAbsent(folded[0], c -> new ArrayList<>()).add(new Key(folded, m.original(), r, placeholder));
            max = Math.max(max, folded.length);
        }
        for (List<Key> keys : byFirstChar.values()) {
            keys.sort(Comparator.comparingInt((Key k) -> k.folded.length).reversed());
        }
        this.longest = max;
    }

    int longest() {
        return longest;
    }

    /** Re-identifies {@code text[from, to)}; {@code next} is the character after it, or -1 at the very end. */
    void apply(CharSequence text, int from, int to, int next, StringBuilder out) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            List<Key> keys = byFirstChar.get(FoldedText.foldChar(c));
            Key hit = null;
            if (keys != null && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) || startsWithBracket(keys))) {
                for (Key k : keys) {
                    if (matches(text, i, to, next, k)) {
                        hit = k;
                        break;
                    }
                }
            }
            if (hit == null) {
                out.append(c);
                i++;
            } else {
                out.append(restore(text.subSequence(i, i + hit.folded.length).toString(), hit));
                i += hit.folded.length;
            }
        }
    }

    private static boolean startsWithBracket(List<Key> keys) {
        return keys.get(0).placeholder;
    }

    private static boolean matches(CharSequence text, int i, int to, int next, Key k) {
        int n = k.folded.length;
        if (i + n > to) {
            return false;
        }
        if (!k.placeholder && i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
            return false;
        }
        for (int j = 0; j < n; j++) {
            if (FoldedText.foldChar(text.charAt(i + j)) != k.folded[j]) {
                return false;
            }
        }
        if (k.placeholder) {
            return true;
        }
        int after = i + n < to ? text.charAt(i + n) : next;
        return after < 0 || !Character.isLetterOrDigit((char) after);
    }

    /** The real value written in the case the model used for the surrogate. */
    private static String restore(String surface, Key k) {
        String original = k.original;
        if (k.placeholder || surface.equals(k.replacement)) {
            return original;
        }
        if (isUpper(surface) && !isUpper(k.replacement)) {
            return original.toUpperCase(Locale.ROOT);
        }
        if (isUpper(original) && !isUpper(surface)) {
            return Surrogates.titleCase(original);
        }
        return original;
    }

    private static boolean isUpper(String s) {
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (!Character.isUpperCase(c)) {
                    return false;
                }
            }
        }
        return letters >= 2;
    }

    /**
     * The smallest index from which the end of {@code text} could still be the start of a replacement (or one
     * that needs the next character to be sure it ends there); {@code text.length()} when nothing must wait.
     */
    int holdFrom(CharSequence text) {
        int n = text.length();
        for (int p = Math.max(0, n - longest); p < n; p++) {
            List<Key> keys = byFirstChar.get(FoldedText.foldChar(text.charAt(p)));
            if (keys == null) {
                continue;
            }
            boolean wordStart = p == 0 || !Character.isLetterOrDigit(text.charAt(p - 1));
            for (Key k : keys) {
                if (!k.placeholder && !wordStart) {
                    continue; // a surrogate only starts a word
                }
                int available = n - p;
                if (available > k.folded.length) {
                    continue;
                }
                boolean prefix = true;
                for (int j = 0; j < available; j++) {
                    if (FoldedText.foldChar(text.charAt(p + j)) != k.folded[j]) {
                        prefix = false;
                        break;
                    }
                }
                if (prefix && (available < k.folded.length || !k.placeholder)) {
                    return p;
                }
            }
        }
        return n;
    }
}
