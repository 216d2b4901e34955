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
 * The same workloads as {@link VerifyBenchmark}, timed in CPU time of the measuring thread (ThreadMXBean), so
 * that the figure stays meaningful on a machine shared with other builds: medians of 500 checks and of 30
 * passes of drug matching over 1 MB, after warm-up, plus the one-off costs (BDPM load, lexicon build, heap).
 * Run: {@code java -cp avec-bench/target/avec-bench.jar fr.avec.bench.VerifySpeed}.
 */
public final class VerifySpeed {

    private VerifySpeed() {
    }

    public static void main(String[] args) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        long t0 = threads.getCurrentThreadCpuTime();
        Bdpm bdpm = Bdpm.load(BenchData.root().resolve("bdpm"));
        long t1 = threads.getCurrentThreadCpuTime();
        DrugLexicon lexicon = DrugLexicon.from(bdpm);
        Verifier verifier = Verifier.builder().drugs(lexicon).build();
        long t2 = threads.getCurrentThreadCpuTime();
        bdpm = null;
        verifier.verify("Amoxiciline 1 g.", List.of("amoxicilline"), List.of(), Verifier.Options.DEFAULT); // loads the word forms
        System.gc();
        long heapAfter = rt.totalMemory() - rt.freeMemory();
        System.out.printf(Locale.ROOT, "BDPM load %.0f ms CPU, lexicon + verifier build %.0f ms CPU, retained heap %.0f MB (lexicon, suggester, word forms, Lucene stop sets)%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (heapAfter - heapBefore) / 1e6);
        String all = BenchData.quaeroEmea();
        String note = all.substring(0, 10_000);
        String source = all.substring(10_000, 40_000);
        StringBuilder mb = new StringBuilder();
        while (mb.length() < 1_000_000) {
            mb.append(all);
        }
        String megabyte = mb.substring(0, 1_000_000);
        for (int i = 0; i < 500; i++) {
            verifier.verify(note, List.of(source), List.of(), Verifier.Options.DEFAULT);
        }
        double[] check = new double[500];
        for (int i = 0; i < check.length; i++) {
            long a = threads.getCurrentThreadCpuTime();
            verifier.verify(note, List.of(source), List.of(), Verifier.Options.DEFAULT);
            check[i] = (threads.getCurrentThreadCpuTime() - a) / 1e6;
        }
        for (int i = 0; i < 10; i++) {
            lexicon.mentions(megabyte);
        }
        double[] matching = new double[30];
        for (int i = 0; i < matching.length; i++) {
            long a = threads.getCurrentThreadCpuTime();
            lexicon.mentions(megabyte);
            matching[i] = (threads.getCurrentThreadCpuTime() - a) / 1e6;
        }
        Arrays.sort(check);
        Arrays.sort(matching);
        System.out.printf(Locale.ROOT, "check 10 KB note vs 30 KB source: median %.2f ms CPU (p10 %.2f, p90 %.2f)%n",
                check[check.length / 2], check[check.length / 10], check[check.length * 9 / 10]);
        double median = matching[matching.length / 2];
        System.out.printf(Locale.ROOT, "drug matching 1 MB: median %.1f ms CPU = %.1f MB/s per core%n", median, 1000 / median);
    }
}
