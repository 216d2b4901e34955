package fr.avec.verify;

import fr.avec.text.Sentences;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import fr.avec.text.FoldedText;
import fr.avec.text.NumberWords;
import fr.avec.text.Token;
import java.util.ArrayList;
import java.util.Locale;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;

/**
 * Lexical support of each output sentence in the sources. Terms are the engine's folded word tokens without
 * stop words (Lucene's French and English stop sets), numbers and units, reduced by the Snowball French or
 * English (Porter 2) stemmer shipped with Lucene, depending on the sources' language: the analysis of
 * Lucene's analysers, run over tokens already made once for the whole request.
 *
 * <p>Score of a sentence S: {@code support(S) = Σ_{t∈S∩sources} w(t) / Σ_{t∈S} w(t)} over its distinct
 * terms, with {@code w(t) = ln(1 + N / (df(t) + 0.5))}, N the number of source sentences and df(t) the number
 * of source sentences containing t (an IDF weight as in BM25: a rare word matters more and a word absent from
 * the sources weighs most). A sentence of at least {@value #MIN_TERMS} terms is unsupported when its score is
 * below the threshold (default {@value #DEFAULT_THRESHOLD}). The report's unsupported share is
 * {@code 1 − Σ_S Σ_{t∈S∩sources} w(t) / Σ_S Σ_{t∈S} w(t)} over all sentences.
 */
final class SentenceSupport {

    static final double DEFAULT_THRESHOLD = 0.4;
    static final int MIN_TERMS = 4;

    private static final Set<String> STOP_WORDS = stopWords();
    private static final Set<String> UNIT_WORDS = new HashSet<>(List.of("mg", "g", "kg", "kilo", "kilos", "ml", "µg", "mcg", "ui", "mmhg",
            "cmhg", "an", "ans", "year", "years", "old", "jour", "jours", "j", "h", "min", "cm", "mm", "l", "dl", "mmol", "µmol",
            "fois", "time", "times", "gramme", "grammes", "milligramme", "milligrammes", "kilogramme", "pound", "pounds", "lb", "lbs"));

    /** Stems of words already seen, shared by all requests (words repeat across notes); bounded. */
    private static final int STEM_CACHE_LIMIT = 200_000;
    private static final Map<String, String> FRENCH_STEMS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, String> ENGLISH_STEMS = new java.util.concurrent.ConcurrentHashMap<>();

    private SentenceSupport() {
    }

    /** The terms of the sources and their sentence frequencies. */
    record Index(boolean english, Map<String, Integer> documentFrequency, int sentences) {

        static Index of(List<String> texts, List<List<Token>> tokens) {
            boolean english = isEnglish(tokens);
            Map<String, Integer> df = new HashMap<>();
            int count = 0;
            for (int k = 0; k < texts.size(); k++) {
                for (Set<String> sentence : SentenceSupport.sentences(texts.get(k), tokens.get(k), english)) {
                    count++;
                    for (String term : sentence) {
                        df.merge(term, 1, Integer::sum);
                    }
                }
            }
            return new Index(english, df, Math.max(1, count));
        }

        double weight(String term) {
            return Math.log(1 + sentences / (documentFrequency.getOrDefault(term, 0) + 0.5));
        }
    }

    /** Adds UNSUPPORTED_SENTENCE findings and returns the unsupported share of the text. */
    static double check(String generated, List<Token> tokens, Sources sources, double threshold, List<Finding> out) {
        Index index = sources.support;
        double supported = 0;
        double total = 0;
        List<Sentences.Span> spans = Sentences.split(generated);
        List<Set<String>> sentences = sentences(generated, tokens, spans, index.english());
        for (int k = 0; k < spans.size(); k++) {
            Sentences.Span span = spans.get(k);
            Set<String> terms = sentences.get(k);
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
                        String.format(Locale.ROOT, "sentence with little support in the sources (score %.2f < %.2f)", s / t, threshold),
                        null));
            }
        }
        return total == 0 ? 0 : 1 - supported / total;
    }

    private static List<Set<String>> sentences(String text, List<Token> tokens, boolean english) {
        return sentences(text, tokens, Sentences.split(text), english);
    }

    /** The distinct terms of each sentence span, tokens assigned to spans by offset. */
    private static List<Set<String>> sentences(String text, List<Token> tokens, List<Sentences.Span> spans, boolean english) {
        List<Set<String>> out = new ArrayList<>(spans.size());
        SnowballStemmer stemmer = english ? new EnglishStemmer() : new FrenchStemmer();
        Map<String, String> stems = english ? ENGLISH_STEMS : FRENCH_STEMS;
        int t = 0;
        for (Sentences.Span span : spans) {
            Set<String> terms = new HashSet<>();
            while (t < tokens.size() && tokens.get(t).start() < span.start()) {
                t++;
            }
            while (t < tokens.size() && tokens.get(t).start() < span.end()) {
                Token token = tokens.get(t++);
                String w = token.text();
                if (!token.isWord() || w.length() < 2 || STOP_WORDS.contains(w) || UNIT_WORDS.contains(w) || NumberWords.isNumberWord(w)) {
                    continue;
                }
                String stem = stems.get(w);
                if (stem == null) {
                    stemmer.setCurrent(w);
                    stemmer.stem();
                    stem = stemmer.getCurrent();
                    if (stems.size() < STEM_CACHE_LIMIT) {
                        stems.put(w, stem);
                    }
                }
                terms.add(stem);
            }
            out.add(terms);
        }
        return out;
    }

    static boolean isEnglish(List<List<Token>> texts) {
        int english = 0;
        int french = 0;
        int seen = 0;
        for (List<Token> tokens : texts) {
            for (Token t : tokens) {
                if (!t.isWord()) {
                    continue;
                }
                if (ENGLISH_STOP.contains(t.text())) {
                    english++;
                }
                if (FRENCH_STOP.contains(t.text())) {
                    french++;
                }
                if (++seen > 2000) {
                    return english > french;
                }
            }
        }
        return english > french;
    }

    private static final Set<String> FRENCH_STOP = folded(FrenchAnalyzer.getDefaultStopSet());
    private static final Set<String> ENGLISH_STOP = folded(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);

    private static Set<String> stopWords() {
        Set<String> all = new HashSet<>(folded(FrenchAnalyzer.getDefaultStopSet()));
        all.addAll(folded(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
        all.addAll(Set.of("d", "l", "j", "qu", "n", "s", "c", "m", "t"));
        return all;
    }

    private static Set<String> folded(CharArraySet set) {
        Set<String> out = new HashSet<>();
        for (Object o : set) {
            out.add(FoldedText.fold(new String((char[]) o)));
        }
        return Set.copyOf(out);
    }
}
