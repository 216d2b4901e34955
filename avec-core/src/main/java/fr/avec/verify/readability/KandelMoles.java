package fr.avec.verify.readability;

import fr.avec.text.FoldedText;
import fr.avec.text.Sentences;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kandel–Moles readability score, the Flesch reading ease adapted to French (Kandel L., Moles A.,
 * « Application de l'indice de Flesch à la langue française », Cahiers Études de Radio-Télévision 19, 1958):
 * {@code L = 207 − 1.015 × words/sentences − 73.6 × syllables/words}, from 0 (very hard) to 100 (very easy).
 * Syllables are counted as groups of written vowels, a final mute « e », « es » or « ent » not counted; this
 * approximation is within one syllable for most French words.
 */
public final class KandelMoles {

    static final Pattern WORD = Pattern.compile("\\p{L}+(?:['’-]\\p{L}+)*");

    private KandelMoles() {
    }

    /** The score of a text (100 for a text without words). */
    public static double score(String text) {
        int sentences = Math.max(1, Sentences.split(text).size());
        int words = 0;
        int syllables = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words++;
            syllables += syllables(m.group());
        }
        if (words == 0) {
            return 100;
        }
        return 207 - 1.015 * words / sentences - 73.6 * syllables / words;
    }

    /** The number of words of a text. */
    public static int words(String text) {
        int words = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words++;
        }
        return words;
    }

    /** French syllables of one word. */
    public static int syllables(String word) {
        String w = FoldedText.fold(word);
        int count = 0;
        boolean inVowel = false;
        for (int i = 0; i < w.length(); i++) {
            boolean vowel = "aeiouy".indexOf(w.charAt(i)) >= 0;
            if (vowel && !inVowel) {
                count++;
            }
            inVowel = vowel;
        }
        if (count > 1 && (w.endsWith("e") || w.endsWith("es") || w.endsWith("ent")) && !w.endsWith("ee") && !w.endsWith("ees")) {
            count--;
        }
        return Math.max(1, count);
    }
}
