package fr.avec.bench;

import fr.avec.data.bdpm.Bdpm;
import fr.avec.verify.DrugLexicon;
import fr.avec.verify.FindingKind;
import fr.avec.verify.Report;
import fr.avec.verify.Verifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * External check on MTS-Dialog's correlation study: 400 machine summaries with human hallucination rates.
 * Our score per summary is the engine's unsupported share (dialogue as the source); the second score adds
 * the share of values not grounded. Prints Spearman's rank correlation with the human rate.
 * Run: {@code java -cp avec-bench/target/avec-bench.jar fr.avec.bench.MtsCorrelation DATA_DIR}.
 */
public final class MtsCorrelation {

    private MtsCorrelation() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path study = data.resolve("mts-dialog").resolve("Correlation-Study");
        List<List<String>> summaries = Csv.parse(Files.readString(study.resolve("MTS-Dialog-Automatic-Summaries-ValidationSet.csv"), StandardCharsets.UTF_8));
        List<List<String>> scores = Csv.parse(Files.readString(study.resolve("MTS-Dialog-Manual-Scores4CorrelationStudy.csv"), StandardCharsets.UTF_8));
        summaries = summaries.subList(1, summaries.size());
        scores = scores.subList(1, scores.size());
        int n = Math.min(summaries.size(), scores.size());
        System.out.printf("summaries: %d, human scores: %d, pairs: %d%n", summaries.size(), scores.size(), n);
        Verifier verifier = Verifier.builder().drugs(DrugLexicon.from(Bdpm.load(data.resolve("bdpm")))).build();
        double[] human = new double[n];
        double[] unsupported = new double[n];
        double[] combined = new double[n];
        for (int i = 0; i < n; i++) {
            List<String> row = summaries.get(i);
            String dialogue = row.get(1);
            String summary = row.get(3);
            human[i] = Double.parseDouble(scores.get(i).get(3));
            Report report = verifier.verify(summary, List.of(dialogue), List.of(), Verifier.Options.DEFAULT);
            unsupported[i] = report.unsupportedShare();
            long ungrounded = report.findings().stream().filter(f -> f.kind() == FindingKind.NUMBER_NOT_IN_SOURCE
                    || f.kind() == FindingKind.UNIT_MISMATCH || f.kind() == FindingKind.DRUG_NOT_IN_SOURCE
                    || f.kind() == FindingKind.NEGATION_CONFLICT).count();
            long sentences = Math.max(1, fr.avec.text.Sentences.split(summary).size());
            combined[i] = report.unsupportedShare() + (double) ungrounded / sentences;
        }
        System.out.printf("Spearman(unsupported share, human hallucination rate) = %.3f%n", spearman(unsupported, human));
        System.out.printf("Spearman(unsupported share + ungrounded findings per sentence, human rate) = %.3f%n", spearman(combined, human));
    }

    static double spearman(double[] a, double[] b) {
        return pearson(ranks(a), ranks(b));
    }

    private static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
        double[] ranks = new double[v.length];
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }

    private static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(0);
        double mb = Arrays.stream(b).average().orElse(0);
        double num = 0;
        double da = 0;
        double db = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - ma) * (b[i] - mb);
            da += (a[i] - ma) * (a[i] - ma);
            db += (b[i] - mb) * (b[i] - mb);
        }
        return num / Math.sqrt(da * db);
    }

}
