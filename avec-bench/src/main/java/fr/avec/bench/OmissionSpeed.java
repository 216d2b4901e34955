package fr.avec.bench;

import fr.avec.data.bdpm.Bdpm;
import fr.avec.verify.DrugLexicon;
import fr.avec.verify.Verifier;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What omission detection adds to {@code check} of a 10 KB note against a 30 KB source, in CPU time of the
 * measuring thread (ThreadMXBean) so that the figure holds on a machine shared with other builds: the same
 * request with and without omissions, alternated, 400 times each after warm-up; medians and their difference.
 * Corpora as in {@link OmissionBenchmark}: MTS-Dialog (dialogues and their notes) and QUAERO EMEA (French).
 * Run: {@code java -cp avec-bench/target/avec-bench.jar fr.avec.bench.OmissionSpeed}.
 */
public final class OmissionSpeed {

    private OmissionSpeed() {
    }

    public static void main(String[] args) throws IOException {
        DrugLexicon lexicon = DrugLexicon.from(Bdpm.load(BenchData.root().resolve("bdpm")));
        Verifier with = Verifier.builder().drugs(lexicon).build();
        Verifier without = Verifier.builder().drugs(lexicon).omissions(false).build();
        BenchData.NoteAndSource mts = BenchData.mtsTenAgainstThirty();
        measure("mts", with, without, mts.note(), mts.source());
        String all = BenchData.quaeroEmea();
        measure("quaero", with, without, all.substring(0, 10_000), all.substring(10_000, 40_000));
    }

    private static void measure(String corpus, Verifier with, Verifier without, String note, String source) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int n = 400;
        for (int i = 0; i < 300; i++) {
            with.verify(note, List.of(source), List.of(), Verifier.Options.DEFAULT);
            without.verify(note, List.of(source), List.of(), Verifier.Options.DEFAULT);
        }
        double[] on = new double[n];
        double[] off = new double[n];
        for (int i = 0; i < n; i++) {
            long a = threads.getCurrentThreadCpuTime();
            with.verify(note, List.of(source), List.of(), Verifier.Options.DEFAULT);
            long b = threads.getCurrentThreadCpuTime();
            without.verify(note, List.of(source), List.of(), Verifier.Options.DEFAULT);
            long c = threads.getCurrentThreadCpuTime();
            on[i] = (b - a) / 1e6;
            off[i] = (c - b) / 1e6;
        }
        Arrays.sort(on);
        Arrays.sort(off);
        System.out.printf(Locale.ROOT, "%s: check with omissions median %.2f ms CPU (p10 %.2f, p90 %.2f), without %.2f ms (p10 %.2f, p90 %.2f): omissions add %.2f ms%n",
                corpus, on[n / 2], on[n / 10], on[n * 9 / 10], off[n / 2], off[n / 10], off[n * 9 / 10], on[n / 2] - off[n / 2]);
    }
}
