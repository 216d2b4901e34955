package fr.avec.verify.omission;

import fr.avec.text.FoldedText;
import fr.avec.text.Token;
import fr.avec.text.Tokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The French and English clinical vocabulary of the facts a note must not drop, other than drugs (the BDPM
 * lexicon) and bare values (the quantity scanner): allergies, safety, mental health, social situation, risk
 * factors, diagnoses, symptoms, vital signs and lab tests, follow-up. Each concept lists its synonyms and
 * abbreviations, so that « HTA » and « hypertension artérielle » are one concept. The list, its sources and
 * its format are documented in {@code clinical-vocabulary.tsv}.
 *
 * <p>Words are compared folded (no case, no accents) and with a light plural and feminine ending removed
 * ({@link #normalise}); an abbreviation written in capitals in the vocabulary (« HTA », « TA », « TS ») matches
 * only in capitals, so that the French possessive « ta » is not a blood pressure.
 */
public final class ClinicalVocabulary {

    /** A concept: its id (« hypertension », « allergy/none »), its category and its spellings. */
    public record Concept(String id, FactCategory category, List<String> terms) {
    }

    /** A concept found in a text, over tokens {@code [firstToken, endToken)}, offsets in the text. */
    public record Hit(Concept concept, int firstToken, int endToken, int start, int end) {
    }

    private record Term(Concept concept, String[] words, boolean capitals, boolean outputOnly) {
    }

    private static final ClinicalVocabulary STANDARD = load();

    private final Map<String, List<Term>> byFirstWord;
    private final List<Concept> concepts;

    private ClinicalVocabulary(List<Concept> concepts) {
        this.concepts = List.copyOf(concepts);
        Map<String, List<Term>> index = new HashMap<>();
        for (Concept concept : concepts) {
            for (String term : concept.terms()) {
                // « ~kids »: too ambiguous to make a fact of a source, but keeps one in the output.
                boolean outputOnly = term.startsWith("~");
                String spelling = outputOnly ? term.substring(1).strip() : term;
                List<String> words = new ArrayList<>();
                for (Token t : Tokenizer.tokenize(spelling)) {
                    if (t.isWord() || t.isNumber()) {
                        words.add(normalise(t.text()));
                    }
                }
                if (words.isEmpty()) {
                    continue;
                }
                boolean capitals = spelling.length() <= 5 && spelling.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
                index.computeIfAbsent(words.get(0), k -> new ArrayList<>())
                        .add(new Term(concept, words.toArray(String[]::new), capitals, outputOnly));
            }
        }
        for (List<Term> terms : index.values()) {
            terms.sort(Comparator.comparingInt((Term t) -> -t.words().length));
        }
        this.byFirstWord = Map.copyOf(index);
    }

    /** The vocabulary shipped with Avec ({@code clinical-vocabulary.tsv}). */
    public static ClinicalVocabulary standard() {
        return STANDARD;
    }

    /** Reads a vocabulary: one concept a line, {@code CATEGORY<TAB>concept-id<TAB>term | term | ...}, {@code #} comments. */
    public static ClinicalVocabulary parse(Reader reader) throws IOException {
        List<Concept> concepts = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 3) {
                throw new IOException("vocabulary line " + number + ": expected 3 tab-separated fields, found " + fields.length);
            }
            FactCategory category;
            try {
                category = FactCategory.valueOf(fields[0].trim());
            } catch (IllegalArgumentException e) {
                throw new IOException("vocabulary line " + number + ": unknown category " + fields[0].trim());
            }
            List<String> terms = new ArrayList<>();
            for (String term : fields[2].split("\\|")) {
                if (!term.isBlank()) {
                    terms.add(term.trim());
                }
            }
            concepts.add(new Concept(fields[1].trim(), category, terms));
        }
        return new ClinicalVocabulary(concepts);
    }

    private static ClinicalVocabulary load() {
        try (InputStream in = ClinicalVocabulary.class.getResourceAsStream("clinical-vocabulary.tsv")) {
            if (in == null) {
                throw new IllegalStateException("clinical-vocabulary.tsv missing from the class path");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every concept of the vocabulary. */
    public List<Concept> concepts() {
        return concepts;
    }

    /**
     * The concepts of a text, left to right, the longest spelling winning at each word; words of one term
     * may be joined by a hyphen or an apostrophe (« non-fumeur », « d'alcool »).
     */
    public List<Hit> scan(String text, List<Token> tokens) {
        return scan(text, tokens, false);
    }

    /**
     * The concepts of a text; {@code lenient} also reads the spellings marked {@code ~} (« kids », « broke »),
     * too ambiguous to make a fact of a source but enough to keep one in an output.
     */
    public List<Hit> scan(String text, List<Token> tokens, boolean lenient) {
        List<Hit> hits = new ArrayList<>();
        int n = tokens.size();
        String[] normalised = new String[n];
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            normalised[i] = t.isWord() || t.isNumber() ? stripEndings(t.text()) : null;
        }
        int i = 0;
        while (i < n) {
            List<Term> candidates = normalised[i] == null ? null : byFirstWord.get(normalised[i]);
            Hit best = null;
            if (candidates != null) {
                for (Term term : candidates) {
                    if (term.outputOnly() && !lenient) {
                        continue;
                    }
                    int end = matchEnd(tokens, normalised, i, term);
                    if (end > 0) {
                        int start = tokens.get(i).start();
                        int stop = tokens.get(end - 1).end();
                        if (term.capitals() && !capitals(text, start, stop)) {
                            continue;
                        }
                        best = new Hit(term.concept(), i, end, start, stop);
                        break;
                    }
                }
            }
            if (best != null) {
                hits.add(best);
                i = best.endToken();
            } else {
                i++;
            }
        }
        return hits;
    }

    /**
     * Determiners, possessives and hesitations a spoken phrase adds inside a term: « blood in your urine », « mal à
     * la tête », « douleur euh thoracique ».
     */
    private static final java.util.Set<String> FILLERS = java.util.Set.of("the", "my", "your", "his", "her", "their", "a", "an",
            "any", "le", "la", "les", "l", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "votre", "vos", "un", "une",
            "des", "du", "de", "d", "euh", "heu", "uh", "um", "hum");

    /** The end token of {@code term} matched from {@code i}, or -1. */
    private static int matchEnd(List<Token> tokens, String[] normalised, int i, Term term) {
        int k = i;
        for (int w = 0; w < term.words().length; w++) {
            if (w > 0) {
                // Skip one joiner between words: « non-fumeur », « d'alcool », « self-harm ».
                if (k < tokens.size() && (tokens.get(k).is("-") || tokens.get(k).is("'"))) {
                    k++;
                }
                // And one determiner the term does not have (« blood in your urine » for « blood in urine »).
                if (k + 1 < tokens.size() && normalised[k] != null && !normalised[k].equals(term.words()[w])
                        && FILLERS.contains(normalised[k]) && term.words()[w].equals(normalised[k + 1])) {
                    k++;
                }
            }
            if (k >= tokens.size() || normalised[k] == null || !normalised[k].equals(term.words()[w])) {
                return -1;
            }
            k++;
        }
        // A term glued to letters or digits (« HTAP » against « HTA ») is another word.
        if (k < tokens.size() && tokens.get(k).start() == tokens.get(k - 1).end() && (tokens.get(k).isWord() || tokens.get(k).isNumber())) {
            return -1;
        }
        return k;
    }

    private static boolean capitals(String text, int start, int end) {
        for (int c = start; c < end; c++) {
            if (Character.isLowerCase(text.charAt(c))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A word folded and without its plural and feminine ending (« allergies » → « allergi », « hypertendue » →
     * « hypertendu »), so that inflections meet without a full stemmer; short words are kept whole.
     */
    public static String normalise(String word) {
        return stripEndings(FoldedText.fold(word));
    }

    /** {@link #normalise} of a word already folded (a token's text). */
    static String stripEndings(String w) {
        if (w.length() > 4 && (w.endsWith("s") || w.endsWith("x"))) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 4 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }
}
