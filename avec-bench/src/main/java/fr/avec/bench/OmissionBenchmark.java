package fr.avec.bench;

import fr.avec.data.bdpm.Bdpm;
import fr.avec.verify.DrugLexicon;
import fr.avec.verify.OmissionCheck;
import fr.avec.verify.Report;
import fr.avec.verify.Verifier;
import fr.avec.verify.omission.OmissionDetector;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What omission detection adds to {@code check} of a 10 KB note against a 30 KB source: the same request with
 * and without omissions, and the omission detection alone. Two corpora: {@code mts} (English MTS-Dialog
 * dialogues as the source, their human notes as the note: a transcript and its summary) and {@code quaero}
 * (French QUAERO EMEA leaflets, dense in drugs and values, as in {@code VerifyBenchmark}).
 * Run: {@code java -jar avec-bench/target/avec-bench.jar OmissionBenchmark -f 1 -wi 3 -i 5}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class OmissionBenchmark {

    @Param({"mts", "quaero"})
    String corpus;

    Verifier with;
    Verifier without;
    DrugLexicon lexicon;
    String note;
    String source;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        lexicon = DrugLexicon.from(Bdpm.load(BenchData.root().resolve("bdpm")));
        with = Verifier.builder().drugs(lexicon).build();
        without = Verifier.builder().drugs(lexicon).omissions(false).build();
        if (corpus.equals("mts")) {
            BenchData.NoteAndSource mts = BenchData.mtsTenAgainstThirty();
            // The notes of those dialogues are about 12 KB; the note is cut to 10 KB.
            note = mts.note();
            source = mts.source();
        } else {
            String all = BenchData.quaeroEmea();
            note = all.substring(0, 10_000);
            source = all.substring(10_000, 40_000);
        }
    }

    /** {@code check} with omission detection (the default). */
    @Benchmark
    public Report checkWithOmissions() {
        return with.verify(note, List.of(source), List.of(), Verifier.Options.DEFAULT);
    }

    /** The same {@code check} without it: the difference is what omissions add. */
    @Benchmark
    public Report checkWithoutOmissions() {
        return without.verify(note, List.of(source), List.of(), Verifier.Options.DEFAULT);
    }

    /** Omission detection alone, tokenizing both texts itself. */
    @Benchmark
    public OmissionDetector.Result omissionsAlone() {
        return OmissionCheck.detect(note, List.of(source), lexicon);
    }
}
