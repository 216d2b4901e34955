package fr.avec.bench;

import fr.avec.data.bdpm.Bdpm;
import fr.avec.data.lexicon.Lexicons;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/** Load time of the reference data, read from the published files (the cost paid at start-up). */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class ReferenceDataBenchmark {

    @Benchmark
    public Bdpm loadBdpm() throws IOException {
        return Bdpm.load(BenchData.root().resolve("bdpm"));
    }

    @Benchmark
    public Lexicons loadLexicons() throws IOException {
        return Lexicons.load(BenchData.root().resolve("lexicons"));
    }
}
