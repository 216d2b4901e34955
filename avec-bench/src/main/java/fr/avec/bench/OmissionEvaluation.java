package fr.avec.bench;

import fr.avec.data.bdpm.Bdpm;
import fr.avec.text.FoldedText;
import fr.avec.text.Quantity;
import fr.avec.text.QuantityScanner;
import fr.avec.text.Sentences;
import fr.avec.text.Token;
import fr.avec.text.Tokenizer;
import fr.avec.verify.DrugLexicon;
import fr.avec.verify.DrugMention;
import fr.avec.verify.OmissionCheck;
import fr.avec.verify.Severity;
import fr.avec.verify.omission.ClinicalVocabulary;
import fr.avec.verify.omission.Fact;
import fr.avec.verify.omission.FactCategory;
import fr.avec.verify.omission.FactExtractor;
import fr.avec.verify.omission.Grounding;
import fr.avec.verify.omission.OmissionDetector;
import fr.avec.verify.omission.Polarity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Evaluates omission detection on MTS-Dialog (dialogue as the source, the human note section as the output).
 *
 * <p>Perturbations: from each note of at least two sentences, the first sentence carrying a drug (BDPM
 * mention), an allergy (« allerg », NKDA), a value (a ratio or a number with a non-duration unit) or a negated
 * word (the engine's negation scopes) is deleted, one copy per class. A deletion is flagged when the perturbed
 * note has an OMISSION the untouched note did not have. Rates are given over all deletions, and over the
 * deletions whose element the dialogue states and the rest of the note does not repeat (the only ones an
 * omission detector can be expected to flag). False omissions are the OMISSION findings on the untouched notes,
 * per category and per note (some are real: human notes condense too).
 *
 * <p>Correlation: Spearman's rank correlation between our omission score (the omitted share of the dialogue's
 * facts) and the human omission rate of MTS-Dialog's 400 scored machine summaries.
 *
 * <p>Run: {@code java -cp avec-bench/target/avec-bench.jar fr.avec.bench.OmissionEvaluation DATA_DIR [MISSES]}.
 */
public final class OmissionEvaluation {

    /** What the deleted sentence carried. */
    enum Deletion { DRUG, ALLERGY, VALUE, NEGATED, NEGATED_FINDING }

    private static final String[] SPLITS = {"MTS-Dialog-TrainingSet.csv", "MTS-Dialog-ValidationSet.csv",
        "MTS-Dialog-TestSet-1-MEDIQA-Chat-2023.csv", "MTS-Dialog-TestSet-2-MEDIQA-Sum-2023.csv"};

    private final DrugLexicon lexicon;
    private final Grounding grounding = OmissionCheck.grounding();
    private final Map<Deletion, int[]> all = new EnumMap<>(Deletion.class);
    private final Map<Deletion, int[]> expected = new EnumMap<>(Deletion.class);
    private final Map<String, Integer> falseBySeverityCategory = new TreeMap<>();
    private final Map<Severity, Integer> falseBySeverity = new EnumMap<>(Severity.class);
    private final Map<String, Integer> falseByConcept = new TreeMap<>();
    private final List<String> misses = new ArrayList<>();
    private int notes;
    private int notesWithFalse;
    private int facts;

    private OmissionEvaluation(DrugLexicon lexicon) {
        this.lexicon = lexicon;
        for (Deletion d : Deletion.values()) {
            all.put(d, new int[2]);
            expected.put(d, new int[2]);
        }
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int showMisses = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        long loading = System.nanoTime();
        DrugLexicon lexicon = DrugLexicon.from(Bdpm.load(data.resolve("bdpm")));
        System.out.printf(Locale.ROOT, "drug lexicon loaded in %.1f s%n", (System.nanoTime() - loading) / 1e9);
        OmissionEvaluation e = new OmissionEvaluation(lexicon);
        long start = System.nanoTime();
        for (String split : SPLITS) {
            List<List<String>> rows = Csv.parse(Files.readString(data.resolve("mts-dialog/Main-Dataset").resolve(split), StandardCharsets.UTF_8));
            List<String> header = rows.get(0);
            int text = header.indexOf("section_text");
            int dialogue = header.indexOf("dialogue");
            for (List<String> row : rows.subList(1, rows.size())) {
                if (row.size() > Math.max(text, dialogue)) {
                    e.note(row.get(dialogue), row.get(text));
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        e.print(seconds);
        e.misses.stream().limit(showMisses).forEach(m -> System.out.println("  MISS " + m));
        if (showMisses > 0) {
            e.falseByConcept.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(showMisses)
                    .forEach(c -> System.out.println("  FALSE " + c.getValue() + " " + c.getKey()));
        }
        correlation(data, lexicon);
    }

    private void note(String dialogue, String note) {
        notes++;
        OmissionDetector.Result untouched = OmissionCheck.detect(note, List.of(dialogue), lexicon);
        facts += untouched.facts().size();
        if (!untouched.omissions().isEmpty()) {
            notesWithFalse++;
        }
        Set<Fact> omittedBefore = new HashSet<>();
        for (OmissionDetector.Omission o : untouched.omissions()) {
            omittedBefore.add(o.fact());
            falseBySeverity.merge(o.severity(), 1, Integer::sum);
            falseBySeverityCategory.merge(o.fact().category().label(), 1, Integer::sum);
            falseByConcept.merge(o.fact().category().label() + " " + o.fact().concept() + (o.fact().negated() ? " (negated)" : ""), 1, Integer::sum);
        }
        List<Sentences.Span> sentences = Sentences.split(note);
        if (sentences.size() < 2) {
            return;
        }
        List<Token> dialogueTokens = Tokenizer.tokenize(dialogue);
        List<Quantity> dialogueValues = QuantityScanner.scan(dialogueTokens);
        Set<String> dialogueWords = words(dialogueTokens);
        for (Deletion kind : Deletion.values()) {
            for (Sentences.Span span : sentences) {
                String sentence = note.substring(span.start(), span.end());
                String rest = note.substring(0, span.start()) + note.substring(span.end());
                Boolean grounded = carries(kind, sentence, rest, dialogue, dialogueValues, dialogueWords);
                if (grounded == null) {
                    continue;
                }
                OmissionDetector.Result perturbed = OmissionCheck.detect(rest, List.of(dialogue), lexicon);
                boolean flagged = perturbed.omissions().stream().anyMatch(o -> !omittedBefore.contains(o.fact()));
                all.get(kind)[0]++;
                all.get(kind)[1] += flagged ? 1 : 0;
                if (grounded) {
                    expected.get(kind)[0]++;
                    expected.get(kind)[1] += flagged ? 1 : 0;
                    if (!flagged) {
                        misses.add(kind + ": « " + sentence.replace('\n', ' ') + " »");
                    }
                }
                break;
            }
        }
    }

    /**
     * Whether a note sentence carries an element of the kind: null if not; true if the dialogue states it and the
     * rest of the note does not repeat it (an omission is expected), false otherwise.
     */
    private Boolean carries(Deletion kind, String sentence, String rest, String dialogue, List<Quantity> dialogueValues,
                            Set<String> dialogueWords) {
        List<Token> tokens = Tokenizer.tokenize(sentence);
        switch (kind) {
            case DRUG -> {
                List<DrugMention> mentions = lexicon.mentions(sentence, tokens).stream().filter(FactExtractor::spokenAsDrug).toList();
                if (mentions.isEmpty()) {
                    return null;
                }
                Set<String> substances = new HashSet<>();
                mentions.forEach(m -> substances.addAll(m.substances()));
                boolean inDialogue = lexicon.mentions(dialogue).stream().anyMatch(m -> m.substances().stream().anyMatch(substances::contains));
                boolean repeated = lexicon.mentions(rest).stream().anyMatch(m -> m.substances().stream().anyMatch(substances::contains));
                return inDialogue && !repeated;
            }
            case ALLERGY -> {
                String folded = FoldedText.fold(sentence);
                if (!folded.contains("allerg") && !folded.contains("nkda") && !folded.contains("nka")) {
                    return null;
                }
                String foldedRest = FoldedText.fold(rest);
                return FoldedText.fold(dialogue).contains("allerg") && !foldedRest.contains("allerg") && !foldedRest.contains("nkda");
            }
            case VALUE -> {
                List<Quantity> values = QuantityScanner.scan(tokens).stream().filter(OmissionEvaluation::isValue).toList();
                if (values.isEmpty()) {
                    return null;
                }
                List<Quantity> restValues = QuantityScanner.scan(rest);
                for (Quantity v : values) {
                    boolean inDialogue = dialogueValues.stream().anyMatch(d -> grounding.sameValue(v, d));
                    boolean repeated = restValues.stream().anyMatch(r -> grounding.sameValue(r, v));
                    if (inDialogue && !repeated) {
                        return true;
                    }
                }
                return false;
            }
            case NEGATED -> {
                Polarity[] polarity = grounding.polarities(sentence, tokens);
                Set<String> negated = new HashSet<>();
                for (int i = 0; i < tokens.size(); i++) {
                    if (polarity[i] == Polarity.NEGATED && tokens.get(i).isWord() && tokens.get(i).text().length() > 3) {
                        negated.add(tokens.get(i).text());
                    }
                }
                if (negated.isEmpty()) {
                    return null;
                }
                Set<String> restWords = words(Tokenizer.tokenize(rest));
                return negated.stream().anyMatch(w -> dialogueWords.contains(w) && !restWords.contains(w));
            }
            case NEGATED_FINDING -> {
                // A negated symptom, diagnosis or risk factor of the clinical vocabulary (« No fever », « denies
                // tobacco »): the clinical subset of the row above, without « no other complaints ».
                Polarity[] polarity = grounding.polarities(sentence, tokens);
                Set<String> negated = new HashSet<>();
                for (ClinicalVocabulary.Hit hit : VOCABULARY.scan(sentence, tokens)) {
                    FactCategory c = hit.concept().category();
                    if (c == FactCategory.DRUG || c == FactCategory.ALLERGY || c == FactCategory.VITAL_SIGN
                            || c == FactCategory.LAB_VALUE || c == FactCategory.FOLLOW_UP) {
                        continue;
                    }
                    for (int k = hit.firstToken(); k < hit.endToken(); k++) {
                        if (polarity[k] == Polarity.NEGATED) {
                            negated.add(family(hit.concept().id()));
                            break;
                        }
                    }
                }
                if (negated.isEmpty()) {
                    return null;
                }
                Set<String> inDialogue = families(dialogue);
                Set<String> inRest = families(rest);
                return negated.stream().anyMatch(f -> inDialogue.contains(f) && !inRest.contains(f));
            }
            default -> throw new IllegalStateException();
        }
    }

    private static final ClinicalVocabulary VOCABULARY = ClinicalVocabulary.standard();

    private static String family(String concept) {
        int slash = concept.indexOf('/');
        return slash < 0 ? concept : concept.substring(0, slash);
    }

    private static Set<String> families(String text) {
        Set<String> out = new HashSet<>();
        for (ClinicalVocabulary.Hit hit : VOCABULARY.scan(text, Tokenizer.tokenize(text))) {
            out.add(family(hit.concept().id()));
        }
        return out;
    }

    private static boolean isValue(Quantity q) {
        if (q.kind() == Quantity.Kind.RATIO) {
            return true;
        }
        return q.kind() == Quantity.Kind.NUMBER && q.hasUnit() && !q.dimension().startsWith("duration") && !q.dimension().startsWith("times");
    }

    private static Set<String> words(List<Token> tokens) {
        Set<String> words = new HashSet<>();
        for (Token t : tokens) {
            if (t.isWord()) {
                words.add(t.text());
            }
        }
        return words;
    }

    private void print(double seconds) {
        System.out.printf(Locale.ROOT, "notes: %d (%.1f s), facts extracted from the dialogues: %d (%.2f per dialogue)%n", notes, seconds,
                facts, (double) facts / notes);
        System.out.println("| deleted sentence carries | deletions | flagged | rate | expected (dialogue states it, note does not repeat it) | flagged | rate |");
        System.out.println("|---|---|---|---|---|---|---|");
        int[] totalAll = new int[2];
        int[] totalExpected = new int[2];
        for (Deletion d : Deletion.values()) {
            int[] a = all.get(d);
            int[] x = expected.get(d);
            if (d == Deletion.NEGATED_FINDING) {
                System.out.printf(Locale.ROOT, "| all but negated finding | %d | %d | %.3f | %d | %d | %.3f |%n", totalAll[0], totalAll[1],
                        rate(totalAll), totalExpected[0], totalExpected[1], rate(totalExpected));
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %.3f | %d | %d | %.3f |%n", "negated finding (vocabulary)", a[0], a[1],
                        rate(a), x[0], x[1], rate(x));
                int[] drug = expected.get(Deletion.DRUG), allergy = expected.get(Deletion.ALLERGY), value = expected.get(Deletion.VALUE);
                int n = drug[0] + allergy[0] + value[0] + x[0];
                int f = drug[1] + allergy[1] + value[1] + x[1];
                System.out.printf(Locale.ROOT, "| drug + allergy + value + negated finding (expected) | | | | %d | %d | %.3f |%n", n, f, (double) f / n);
                continue;
            }
            totalAll[0] += a[0];
            totalAll[1] += a[1];
            totalExpected[0] += x[0];
            totalExpected[1] += x[1];
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.3f | %d | %d | %.3f |%n", d.name().toLowerCase(Locale.ROOT), a[0], a[1],
                    rate(a), x[0], x[1], rate(x));
        }
        int total = falseBySeverity.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(Locale.ROOT, "omissions on the untouched notes: %d (%.2f per note; %d of %d notes have at least one)%n", total,
                (double) total / notes, notesWithFalse, notes);
        for (Severity s : Severity.values()) {
            int c = falseBySeverity.getOrDefault(s, 0);
            System.out.printf(Locale.ROOT, "  %s: %d (%.3f per note)%n", s.label(), c, (double) c / notes);
        }
        for (Map.Entry<String, Integer> c : falseBySeverityCategory.entrySet()) {
            System.out.printf(Locale.ROOT, "  category %s: %d (%.3f per note)%n", c.getKey(), c.getValue(), (double) c.getValue() / notes);
        }
    }

    private static double rate(int[] counts) {
        return counts[0] == 0 ? Double.NaN : (double) counts[1] / counts[0];
    }

    /** Spearman between our omission score and MTS-Dialog's human omission rate on the 400 scored summaries. */
    private static void correlation(Path data, DrugLexicon lexicon) throws IOException {
        Path study = data.resolve("mts-dialog").resolve("Correlation-Study");
        List<List<String>> summaries = Csv.parse(Files.readString(study.resolve("MTS-Dialog-Automatic-Summaries-ValidationSet.csv"), StandardCharsets.UTF_8));
        List<List<String>> scores = Csv.parse(Files.readString(study.resolve("MTS-Dialog-Manual-Scores4CorrelationStudy.csv"), StandardCharsets.UTF_8));
        int omissionColumn = scores.get(0).indexOf("OmissionRate");
        summaries = summaries.subList(1, summaries.size());
        scores = scores.subList(1, scores.size());
        int n = Math.min(summaries.size(), scores.size());
        double[] human = new double[n];
        double[] fromDialogue = new double[n];
        double[] weighted = new double[n];
        double[] fromReference = new double[n];
        for (int i = 0; i < n; i++) {
            List<String> row = summaries.get(i);
            human[i] = Double.parseDouble(scores.get(i).get(omissionColumn));
            OmissionDetector.Result r = OmissionCheck.detect(row.get(3), List.of(row.get(1)), lexicon);
            fromDialogue[i] = r.score();
            double all = 0;
            double omitted = 0;
            Set<Fact> missing = new HashSet<>();
            r.omissions().forEach(o -> missing.add(o.fact()));
            for (Fact f : r.facts()) {
                double w = switch (f.category().severity(f.negated() || f.asked())) {
                    case ERROR -> 3;
                    case WARNING -> 2;
                    case INFO -> 1;
                };
                all += w;
                omitted += missing.contains(f) ? w : 0;
            }
            weighted[i] = all == 0 ? 0 : omitted / all;
            fromReference[i] = OmissionCheck.detect(row.get(3), List.of(row.get(2)), lexicon).score();
        }
        System.out.printf(Locale.ROOT, "correlation study: %d summaries, human omission rate mean %.3f%n", n,
                java.util.Arrays.stream(human).average().orElse(0));
        System.out.printf(Locale.ROOT, "Spearman(omitted share of the dialogue's facts, human omission rate) = %.3f%n",
                MtsCorrelation.spearman(fromDialogue, human));
        System.out.printf(Locale.ROOT, "Spearman(severity-weighted omitted share, human omission rate) = %.3f%n",
                MtsCorrelation.spearman(weighted, human));
        System.out.printf(Locale.ROOT, "Spearman(omitted share of the reference summary's facts, human omission rate) = %.3f%n",
                MtsCorrelation.spearman(fromReference, human));
    }
}
