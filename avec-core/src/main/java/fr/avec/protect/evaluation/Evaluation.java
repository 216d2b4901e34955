package fr.avec.protect.evaluation;

import fr.avec.protect.Entity;
import fr.avec.protect.Label;
import fr.avec.protect.Protector;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the pseudonymizer on annotated documents: precision, recall and F1 per label (an entity counts
 * when a prediction of the same label overlaps it), the share of gold characters left unprotected, and
 * the share of documents where nothing leaked (every letter and digit of every gold entity covered by some
 * prediction, whatever its label).
 */
public final class Evaluation {

    /** Counts for one label. */
    public record LabelScore(Label label, int gold, int predicted, int truePositives, int matchedPredictions, int protectedGold) {

        public double precision() {
            return predicted == 0 ? 1.0 : (double) matchedPredictions / predicted;
        }

        public double recall() {
            return gold == 0 ? 1.0 : (double) truePositives / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** Gold entities fully covered by some prediction, whatever its label: what matters for leaks. */
        public double protectedShare() {
            return gold == 0 ? 1.0 : (double) protectedGold / gold;
        }
    }

    /** The whole measurement. */
    public record Report(List<LabelScore> labels, int documents, int documentsWithoutLeak, long characters, long nanos,
                         List<String> leakExamples) {

        public double zeroLeakShare() {
            return documents == 0 ? 1.0 : (double) documentsWithoutLeak / documents;
        }

        public double megabytesPerSecond() {
            return nanos == 0 ? 0 : characters / (nanos / 1e9) / 1e6;
        }

        /** Micro-averaged scores over a family of labels. */
        public LabelScore family(Label.Family family) {
            int g = 0;
            int p = 0;
            int tp = 0;
            int mp = 0;
            int pg = 0;
            for (LabelScore s : labels) {
                if (s.label().family() == family) {
                    g += s.gold();
                    p += s.predicted();
                    tp += s.truePositives();
                    mp += s.matchedPredictions();
                    pg += s.protectedGold();
                }
            }
            return new LabelScore(null, g, p, tp, mp, pg);
        }
    }

    private Evaluation() {
    }

    /** Runs the protector on every document and scores it against the gold entities. */
    public static Report evaluate(Protector protector, List<AnnotatedDocument> documents, int leakExamples) {
        Map<Label, int[]> counts = new EnumMap<>(Label.class);
        for (Label l : Label.values()) {
            counts.put(l, new int[5]);
        }
        int clean = 0;
        long chars = 0;
        long nanos = 0;
        List<String> examples = new ArrayList<>();
        for (AnnotatedDocument doc : documents) {
            long t0 = System.nanoTime();
            List<Entity> predicted = protector.detect(doc.text());
            nanos += System.nanoTime() - t0;
            chars += doc.text().length();
            boolean[] covered = new boolean[doc.text().length()];
            for (Entity p : predicted) {
                for (int i = p.start(); i < p.end(); i++) {
                    covered[i] = true;
                }
            }
            boolean leak = false;
            for (Entity g : doc.gold()) {
                int[] c = counts.get(g.label());
                c[0]++;
                boolean matched = false;
                for (Entity p : predicted) {
                    if (p.label() == g.label() && p.start() < g.end() && g.start() < p.end()) {
                        matched = true;
                        break;
                    }
                }
                if (matched) {
                    c[2]++;
                }
                boolean safe = true;
                for (int i = g.start(); i < g.end(); i++) {
                    if (Character.isLetterOrDigit(doc.text().charAt(i)) && !covered[i]) {
                        safe = false;
                        break;
                    }
                }
                if (safe) {
                    c[4]++;
                } else {
                    leak = true;
                    if (examples.size() < leakExamples) {
                        examples.add(doc.id() + " " + g.label() + " «" + g.text() + "» in «" + window(doc.text(), g.start(), g.end()) + "»");
                    }
                }
            }
            for (Entity p : predicted) {
                int[] c = counts.get(p.label());
                c[1]++;
                for (Entity g : doc.gold()) {
                    if (p.label() == g.label() && p.start() < g.end() && g.start() < p.end()) {
                        c[3]++;
                        break;
                    }
                }
            }
            if (!leak) {
                clean++;
            }
        }
        List<LabelScore> scores = new ArrayList<>();
        for (Map.Entry<Label, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            scores.add(new LabelScore(e.getKey(), c[0], c[1], c[2], c[3], c[4]));
        }
        return new Report(scores, documents.size(), clean, chars, nanos, examples);
    }

    private static String window(String text, int start, int end) {
        int s = Math.max(0, start - 40);
        int e = Math.min(text.length(), end + 20);
        return text.substring(s, e).replace('\n', ' ');
    }

    /** Every false positive on texts known to hold no patient data, with their count per 10,000 words. */
    public record FalsePositives(long words, Map<Label, Integer> byLabel, List<String> examples) {

        public int total() {
            return byLabel.values().stream().mapToInt(Integer::intValue).sum();
        }

        public double per10kWords() {
            return words == 0 ? 0 : total() * 10_000.0 / words;
        }
    }

    /** Runs the protector on texts that contain no PHI: everything it finds is a false positive. */
    public static FalsePositives falsePositives(Protector protector, List<String> texts, int maxExamples) {
        Map<Label, Integer> byLabel = new EnumMap<>(Label.class);
        List<String> examples = new ArrayList<>();
        long words = 0;
        for (String text : texts) {
            words += countWords(text);
            for (Entity e : protector.detect(text)) {
                byLabel.merge(e.label(), 1, Integer::sum);
                if (examples.size() < maxExamples) {
                    examples.add(e.label() + " «" + e.text() + "» in «" + window(text, e.start(), e.end()) + "»");
                }
            }
        }
        return new FalsePositives(words, byLabel, examples);
    }

    static long countWords(String text) {
        long n = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !in) {
                n++;
            }
            in = letter;
        }
        return n;
    }
}
