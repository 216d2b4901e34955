package fr.avec.bench;

import fr.avec.data.lexicon.Lexicons;
import fr.avec.protect.Conversation;
import fr.avec.protect.Entity;
import fr.avec.protect.Policy;
import fr.avec.protect.Protector;
import fr.avec.protect.Pseudonymized;
import fr.avec.protect.evaluation.AnnotatedDocument;
import fr.avec.protect.evaluation.SyntheticCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Speed of the pseudonymizer on synthetic clinical letters: a 10 KB note (median time per call) and a 1 MB
 * batch of letters (throughput; MB/s = 1 / seconds per operation). Reference data: see {@link BenchData}.
 */
@State(Scope.Benchmark)
public class ProtectBenchmark {

    private Protector protector;
    private String note10k;
    private String batch1m;

    @Setup
    public void setUp() throws IOException {
        Path data = BenchData.root();
        Lexicons lexicons = Lexicons.load(data.resolve("lexicons"));
        protector = Protector.fromLexicons(lexicons);
        List<AnnotatedDocument> letters = new SyntheticCorpus(lexicons, 42).generate(4000).stream()
                .filter(d -> d.genre().equals("letter") || d.genre().equals("report"))
                .toList();
        StringBuilder note = new StringBuilder();
        for (AnnotatedDocument d : letters) {
            if (note.length() + d.text().length() > 10_240) {
                break;
            }
            note.append(d.text()).append('\n');
        }
        note10k = note.toString();
        StringBuilder batch = new StringBuilder();
        for (AnnotatedDocument d : letters) {
            if (batch.length() >= 1_000_000) {
                break;
            }
            batch.append(d.text()).append('\n');
        }
        batch1m = batch.substring(0, Math.min(batch.length(), 1_000_000));
    }

    /** Detection on one 10 KB clinical note (letters and reports). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Entity> detectNote10k() {
        return protector.detect(note10k);
    }

    /** Pseudonymization with surrogates of the same 10 KB note, conversation included. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Pseudonymized pseudonymizeNote10k() {
        return protector.pseudonymize(note10k, Policy.surrogates(), Conversation.of(500, 1));
    }

    /** Detection on 1 MB of letters: 1 / (seconds per operation) is the throughput in MB/s. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<Entity> detectBatch1m() {
        return protector.detect(batch1m);
    }
}
