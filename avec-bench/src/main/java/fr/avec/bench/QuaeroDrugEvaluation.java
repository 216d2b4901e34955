package fr.avec.bench;

import fr.avec.data.bdpm.Bdpm;
import fr.avec.text.FoldedText;
import fr.avec.verify.DrugLexicon;
import fr.avec.verify.DrugMention;
import fr.avec.verify.Finding;
import fr.avec.verify.FindingKind;
import fr.avec.verify.Report;
import fr.avec.verify.Verifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Drug recall and unknown-drug false alarms on the QUAERO French medical corpus (train and dev): every
 * CHEM annotation whose text is a BDPM drug name must be found; every UNKNOWN_DRUG on these real texts is
 * counted as a false alarm. Run: {@code java -cp avec-bench/target/avec-bench.jar fr.avec.bench.QuaeroDrugEvaluation DATA_DIR}.
 */
public final class QuaeroDrugEvaluation {

    private QuaeroDrugEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        long t0 = System.nanoTime();
        Bdpm bdpm = Bdpm.load(data.resolve("bdpm"));
        long t1 = System.nanoTime();
        DrugLexicon lexicon = DrugLexicon.from(bdpm);
        long t2 = System.nanoTime();
        System.out.printf("BDPM load %.0f ms, lexicon build %.0f ms, %d names from %d products%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, lexicon.size(), lexicon.productCount());
        Verifier verifier = Verifier.builder().drugs(lexicon).build();
        int annotated = 0;
        int found = 0;
        long words = 0;
        int unknown = 0;
        int outsideChemicals = 0;
        Map<String, Integer> missed = new TreeMap<>();
        List<String> falseAlarms = new ArrayList<>();
        for (String split : List.of("train", "dev")) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(data.resolve("quaero").resolve(split))) {
                files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            }
            for (Path txt : files) {
                String text = Files.readString(txt, StandardCharsets.UTF_8);
                Path ann = Path.of(txt.toString().replaceAll("\\.txt$", ".ann"));
                words += text.split("\\s+").length;
                Report report = verifier.verify(text, List.of(), List.of(), Verifier.Options.DEFAULT);
                List<DrugMention> mentions = report.drugs();
                List<int[]> chemicals = chemicals(ann);
                for (Finding f : report.findings()) {
                    if (f.kind() == FindingKind.UNKNOWN_DRUG) {
                        unknown++;
                        // A flag on a span the annotators marked CHEM names a real chemical (a misspelt or
                        // unmarketed drug); anywhere else it is a false alarm on an ordinary word.
                        boolean chemical = chemicals.stream().anyMatch(c -> c[0] < f.end() && c[1] > f.start());
                        if (!chemical) {
                            outsideChemicals++;
                        }
                        falseAlarms.add((chemical ? "[CHEM] " : "[word] ") + f.text() + " [" + f.suggestion() + "] <- "
                                + context(text, f.start(), f.end()));
                    }
                }
                if (!Files.exists(ann)) {
                    continue;
                }
                for (String line : Files.readAllLines(ann, StandardCharsets.UTF_8)) {
                    String[] parts = line.split("\t");
                    if (parts.length < 3 || !parts[0].startsWith("T") || !parts[1].startsWith("CHEM ")) {
                        continue;
                    }
                    String[] span = parts[1].substring(5).split("[ ;]");
                    int start = Integer.parseInt(span[0]);
                    int end = Integer.parseInt(span[span.length - 1]);
                    String surface = parts[2];
                    if (!isBdpmDrug(lexicon, surface)) {
                        continue;
                    }
                    annotated++;
                    boolean hit = mentions.stream().anyMatch(m -> m.start() < end && m.end() > start);
                    if (hit) {
                        found++;
                    } else {
                        missed.merge(surface, 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf("CHEM annotations that are BDPM drugs: %d, found: %d, recall %.4f%n", annotated, found,
                annotated == 0 ? 0 : (double) found / annotated);
        System.out.printf("words: %d, UNKNOWN_DRUG false alarms: %d (%.2f per 10,000 words)%n", words, unknown,
                unknown * 10000.0 / words);
        System.out.printf("  of which on spans annotated CHEM (real chemicals absent from the BDPM): %d; on other words: %d (%.2f per 10,000 words)%n",
                unknown - outsideChemicals, outsideChemicals, outsideChemicals * 10000.0 / words);
        System.out.println("missed: " + missed);
        falseAlarms.stream().limit(200).forEach(s -> System.out.println("  FA " + s));
    }

    /** The CHEM spans of an annotation file (empty when there is none). */
    private static List<int[]> chemicals(Path ann) throws IOException {
        List<int[]> spans = new ArrayList<>();
        if (!Files.exists(ann)) {
            return spans;
        }
        for (String line : Files.readAllLines(ann, StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t");
            if (parts.length >= 3 && parts[1].startsWith("CHEM ")) {
                String[] span = parts[1].substring(5).split("[ ;]");
                spans.add(new int[] {Integer.parseInt(span[0]), Integer.parseInt(span[span.length - 1])});
            }
        }
        return spans;
    }

    /** An annotation is a BDPM drug when its whole text, folded, is a name of the lexicon. */
    static boolean isBdpmDrug(DrugLexicon lexicon, String surface) {
        String key = FoldedText.fold(surface).replaceAll("[^\\p{L}\\p{N}µ]+", " ").trim();
        return lexicon.contains(key) || key.endsWith("s") && lexicon.contains(key.substring(0, key.length() - 1));
    }

    private static String context(String text, int start, int end) {
        return text.substring(Math.max(0, start - 40), Math.min(text.length(), end + 30)).replace('\n', ' ');
    }
}
