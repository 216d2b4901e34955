package fr.avec.verify;

import fr.avec.text.Sentences;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lexical support of each output sentence in the sources, with Lucene's French or English analyser
 * (elision, stop words, light stemming), chosen from the sources' language.
 *
 * <p>Score of a sentence S: {@code support(S) = Σ_{t∈S∩sources} w(t) / Σ_{t∈S} w(t)} over its distinct
 * analysed terms, with {@code w(t) = ln(1 + N / (df(t) + 0.5))}, N the number of source sentences and
 * df(t) the number of source sentences containing t (an IDF weight as in BM25: a rare word matters more
 * and a word absent from the sources weighs most). A sentence of at least {@value #MIN_TERMS} terms is
 * unsupported when its score is below the threshold (default {@value #DEFAULT_THRESHOLD}). The report's
 * unsupported share is {@code 1 − Σ_S Σ_{t∈S∩sources} w(t) / Σ_S Σ_{t∈S} w(t)} over all sentences.
 */
final class SentenceSupport {

    static final double DEFAULT_THRESHOLD = 0.5;
    static final int MIN_TERMS = 4;

    private static final Analyzer FRENCH = new FrenchAnalyzer();
    private static final Analyzer ENGLISH = new EnglishAnalyzer();
    private static final CharArraySet FRENCH_STOP = FrenchAnalyzer.getDefaultStopSet();
    private static final CharArraySet ENGLISH_STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    private static final Set<String> UNIT_WORDS = Set.of("mg", "g", "kg", "kilo", "ml", "µg", "mcg", "ui", "mmhg", "cmhg",
            "an", "ans", "year", "old", "jour", "j", "h", "min", "cm", "mm", "l", "dl", "mmol", "µmol", "fois", "time", "gramm",
            "milligramm", "kilogramm", "pound", "lb", "lbs");

    private SentenceSupport() {
    }

    /** The analysed terms of the sources and their sentence frequencies. */
    record Index(Analyzer analyzer, Map<String, Integer> documentFrequency, int sentences) {

        static Index of(List<String> texts) {
            Analyzer analyzer = isEnglish(String.join("\n", texts)) ? ENGLISH : FRENCH;
            Map<String, Integer> df = new HashMap<>();
            int count = 0;
            for (String text : texts) {
                for (Sentences.Span span : Sentences.split(text)) {
                    count++;
                    for (String term : terms(analyzer, text.substring(span.start(), span.end()))) {
                        df.merge(term, 1, Integer::sum);
                    }
                }
            }
            return new Index(analyzer, df, Math.max(1, count));
        }

        double weight(String term) {
            return Math.log(1 + sentences / (documentFrequency.getOrDefault(term, 0) + 0.5));
        }
    }

    /** Adds UNSUPPORTED_SENTENCE findings and returns the unsupported share of the text. */
    static double check(String generated, Sources sources, double threshold, List<Finding> out) {
        Index index = sources.support;
        double supported = 0;
        double total = 0;
        for (Sentences.Span span : Sentences.split(generated)) {
            Set<String> terms = terms(index.analyzer(), generated.substring(span.start(), span.end()));
            double s = 0;
            double t = 0;
            for (String term : terms) {
                double w = index.weight(term);
                t += w;
                if (index.documentFrequency().containsKey(term)) {
                    s += w;
                }
            }
            supported += s;
            total += t;
            if (terms.size() >= MIN_TERMS && t > 0 && s / t < threshold) {
                out.add(Finding.of(FindingKind.UNSUPPORTED_SENTENCE, generated, span.start(), span.end(),
                        String.format(java.util.Locale.ROOT, "sentence with little support in the sources (score %.2f < %.2f)", s / t, threshold),
                        null));
            }
        }
        return total == 0 ? 0 : 1 - supported / total;
    }

    /** The distinct analysed terms of a text, numbers left out (they are grounded as values). */
    static Set<String> terms(Analyzer analyzer, String text) {
        Set<String> terms = new HashSet<>();
        try (TokenStream stream = analyzer.tokenStream("t", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (term.length() > 1 && !Character.isDigit(term.charAt(0))) {
                    String folded = fr.avec.text.FoldedText.fold(term);
                    // Units and number words are grounded as values, not as words.
                    if (!UNIT_WORDS.contains(folded) && !fr.avec.text.NumberWords.isNumberWord(folded)) {
                        terms.add(folded);
                    }
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    static boolean isEnglish(String text) {
        int english = 0;
        int french = 0;
        int start = -1;
        int seen = 0;
        for (int i = 0; i <= text.length() && seen < 2000; i++) {
            boolean letter = i < text.length() && Character.isLetter(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                String word = text.substring(start, i).toLowerCase(java.util.Locale.ROOT);
                if (ENGLISH_STOP.contains(word)) {
                    english++;
                }
                if (FRENCH_STOP.contains(word)) {
                    french++;
                }
                start = -1;
                seen++;
            }
        }
        return english > french;
    }
}
