package fr.avec.bench;

import fr.avec.data.bdpm.Bdpm;
import fr.avec.verify.DrugLexicon;
import fr.avec.verify.Report;
import fr.avec.verify.Verifier;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The verifier's per-request cost: {@code check} of a 10 KB French note against a 30 KB source (QUAERO EMEA
 * texts: drug leaflets dense in drugs, doses and values), and drug matching alone over 1 MB of that text.
 * Run: {@code java -jar avec-bench/target/avec-bench.jar VerifyBenchmark -f 1 -wi 3 -i 5}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class VerifyBenchmark {

    Verifier verifier;
    DrugLexicon lexicon;
    String note;
    String source;
    String megabyte;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        lexicon = DrugLexicon.from(Bdpm.load(BenchData.root().resolve("bdpm")));
        verifier = Verifier.builder().drugs(lexicon).build();
        String all = BenchData.quaeroEmea();
        String corpus = all;
        note = cut(corpus, 0, 10_000);
        source = cut(corpus, 10_000, 30_000);
        StringBuilder mb = new StringBuilder();
        while (mb.length() < 1_000_000) {
            mb.append(corpus);
        }
        megabyte = mb.substring(0, 1_000_000);
    }

    private static String cut(String text, int from, int length) {
        int start = Math.min(from, text.length());
        int end = Math.min(text.length(), start + length);
        return text.substring(start, end);
    }

    /** One request: a 10 KB note against a 30 KB source, every check that needs no reference list. */
    @Benchmark
    public Report check10kAgainst30k() {
        return verifier.verify(note, List.of(source), List.of(), Verifier.Options.DEFAULT);
    }

    /** Drug matching alone over 1,000,000 characters: divide 1 MB by the time for MB/s. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int drugMatching1MB() {
        return lexicon.mentions(megabyte).size();
    }
}
