package fr.avec.verify;

import fr.avec.text.FoldedText;
import fr.avec.text.Sentences;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readability of patient material: the Kandel–Moles adaptation of the Flesch formula to French
 * (Kandel L., Moles A., « Application de l'indice de Flesch à la langue française », Cahiers Études de
 * Radio-Télévision, 1958): {@code L = 207 − 1.015 × words/sentences − 73.6 × syllables/words}, 0 (very hard)
 * to 100 (very easy); and easy-to-read (FALC, Inclusion Europe 2009) checks: sentences of more than
 * {@value #MAX_WORDS} words, and medical jargon left without an explanation in brackets.
 */
final class Readability {

    /** 60: « standard » French prose on the Flesch scale; patient leaflets should reach it. */
    static final double DEFAULT_TARGET = 60;
    static final int MAX_WORDS = 15;

    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['’-]\\p{L}+)*");
    private static final Pattern JARGON = Pattern.compile(
            "\\b\\p{L}{3,}(?:ectomie|otomie|stomie|emie|algie|pathie|plasie|scopie|graphie|therapie|itis|urie|penie|cytose|trophie|plegie|ischemie)s?\\b");

    private Readability() {
    }

    /** The Kandel–Moles score of a text. */
    static double score(String text) {
        List<Sentences.Span> sentences = Sentences.split(text);
        int words = 0;
        int syllables = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words++;
            syllables += syllables(m.group());
        }
        if (words == 0 || sentences.isEmpty()) {
            return 100;
        }
        return 207 - 1.015 * words / sentences.size() - 73.6 * syllables / words;
    }

    /** French syllables: groups of vowels, a final mute « e » or « es » not counted. */
    static int syllables(String word) {
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

    static void check(String text, double target, List<Finding> out) {
        double score = score(text);
        if (score < target && !text.isBlank()) {
            out.add(new Finding(FindingKind.READABILITY, Severity.WARNING, 0, Math.min(text.length(), firstSentenceEnd(text)),
                    text.substring(0, Math.min(text.length(), firstSentenceEnd(text))),
                    String.format(Locale.ROOT, "Kandel–Moles readability %.0f is below the target %.0f: shorter sentences and words", score, target),
                    null, null));
        }
        for (Sentences.Span span : Sentences.split(text)) {
            String sentence = text.substring(span.start(), span.end());
            int words = 0;
            Matcher m = WORD.matcher(sentence);
            while (m.find()) {
                words++;
            }
            if (words > MAX_WORDS) {
                out.add(Finding.of(FindingKind.READABILITY, text, span.start(), span.end(),
                        words + " words: easy-to-read (FALC) sentences have at most " + MAX_WORDS, null));
            }
            Matcher j = JARGON.matcher(FoldedText.fold(sentence));
            while (j.find()) {
                int after = j.end();
                String rest = sentence.length() > after ? sentence.substring(after).stripLeading() : "";
                if (rest.startsWith("(") || rest.startsWith(", c'est") || rest.startsWith(": ") || rest.startsWith("—")) {
                    continue;
                }
                if (sentence.length() == FoldedText.fold(sentence).length()) {
                    out.add(Finding.of(FindingKind.READABILITY, text, span.start() + j.start(), span.start() + j.end(),
                            "medical word without an explanation: add one in plain words", null));
                }
            }
        }
    }

    private static int firstSentenceEnd(String text) {
        List<Sentences.Span> spans = Sentences.split(text);
        return spans.isEmpty() ? text.length() : spans.get(0).end();
    }
}
