package fr.avec.cli;

import fr.avec.data.DataDirectory;
import fr.avec.data.lexicon.Lexicons;
import fr.avec.protect.Label;
import fr.avec.protect.Protector;
import fr.avec.protect.evaluation.AnnotatedDocument;
import fr.avec.protect.evaluation.Evaluation;
import fr.avec.protect.evaluation.SyntheticCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code avec deid evaluate}: precision, recall and F1 per label on synthetic documents, false positives on PHI-free text. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {"Measures the pseudonymizer: generates annotated synthetic French clinical documents and reports",
            "precision, recall and F1 per label and the share of documents with zero leak; with --plain, counts false",
            "positives per 10,000 words on texts without patient data (e.g. the QUAERO corpus)."})
public final class DeidEvaluateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--documents", paramLabel = "N", description = "synthetic documents to generate (default 1000)")
    int documents = 1000;

    @Option(names = "--seed", paramLabel = "N", description = "generator seed (default 2026)")
    long seed = 2026;

    @Option(names = "--plain", paramLabel = "DIR", description = "folder of .txt files without patient data (e.g. ../shared/data/quaero)")
    Path plain;

    @Option(names = "--data", paramLabel = "DIR", description = "reference data folder (default: $AVEC_DATA_DIR, then ~/.avec/data)")
    Path data;

    @Option(names = "--examples", paramLabel = "N", description = "leak and false-positive examples to print (default 15)")
    int examples = 15;

    @Option(names = "--export", paramLabel = "FILE", description = "also write the generated corpus with its gold entities as JSON Lines "
            + "(for comparing other tools on the same documents)")
    Path export;

    @Option(names = "--without-lexicons", description = "measure the engine without the name and place lexicons")
    boolean withoutLexicons;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        DataDirectory directory = DataDirectory.resolve(Optional.ofNullable(data));
        if (!Files.isDirectory(directory.lexicons())) {
            throw new UsageException("the evaluation draws names and places from the lexicons, not found in " + directory.lexicons());
        }
        Lexicons lexicons = Lexicons.load(directory.lexicons());
        Protector protector = withoutLexicons ? Protector.withoutLexicons() : Protector.fromLexicons(lexicons);
        List<AnnotatedDocument> corpus = new SyntheticCorpus(lexicons, seed).generate(documents);
        if (export != null) {
            writeCorpus(corpus, export);
        }
        for (int i = 0; i < Math.min(corpus.size(), 200); i++) {
            protector.detect(corpus.get(i).text()); // warm-up, so that the throughput is not the JIT's
        }
        Evaluation.Report report = Evaluation.evaluate(protector, corpus, examples);
        out.printf(Locale.ROOT, "Synthetic corpus: %d documents (seed %d), %d characters, lexicons %s%n", report.documents(), seed,
                report.characters(), protector.hasLexicons() ? "yes" : "no");
        out.printf(Locale.ROOT, "%-15s %6s %6s %9s %7s %7s %10s%n", "label", "gold", "pred", "precision", "recall", "F1", "protected");
        for (Evaluation.LabelScore s : report.labels()) {
            if (s.gold() == 0 && s.predicted() == 0) {
                continue;
            }
            out.printf(Locale.ROOT, "%-15s %6d %6d %9.3f %7.3f %7.3f %10.3f%n", s.label(), s.gold(), s.predicted(), s.precision(),
                    s.recall(), s.f1(), s.protectedShare());
        }
        for (Label.Family f : Label.Family.values()) {
            Evaluation.LabelScore s = report.family(f);
            out.printf(Locale.ROOT, "%-15s %6d %6d %9.3f %7.3f %7.3f %10.3f%n", "[" + f + "]", s.gold(), s.predicted(), s.precision(),
                    s.recall(), s.f1(), s.protectedShare());
        }
        out.printf(Locale.ROOT, "Documents with zero leak: %d / %d (%.1f %%)%n", report.documentsWithoutLeak(), report.documents(),
                100 * report.zeroLeakShare());
        out.printf(Locale.ROOT, "Detection throughput (one thread, after warm-up): %.1f MB/s%n", report.megabytesPerSecond());
        for (String leak : report.leakExamples()) {
            out.println("  leak: " + leak);
        }
        if (plain != null) {
            List<String> texts = new ArrayList<>();
            boolean brat = hasBratLayout(plain);
            try (Stream<Path> files = Files.walk(plain)) {
                // BRAT corpora (QUAERO) keep each document's annotations beside it: a .txt without .ann is a README.
                for (Path f : files.filter(p -> p.toString().endsWith(".txt") && !p.getFileName().toString().startsWith("README")
                        && (!brat || Files.exists(Path.of(p.toString().replaceFirst("\\.txt$", ".ann"))))).sorted().toList()) {
                    texts.add(Files.readString(f));
                }
            }
            Evaluation.FalsePositives fp = Evaluation.falsePositives(protector, texts, examples);
            out.printf(Locale.ROOT, "PHI-free text %s: %d files, %d words, %d detections = %.1f per 10,000 words %s%n", plain,
                    texts.size(), fp.words(), fp.total(), fp.per10kWords(), fp.byLabel());
            for (String e : fp.examples()) {
                out.println("  false positive: " + e);
            }
        }
        out.flush();
        return 0;
    }

    private static boolean hasBratLayout(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(p -> p.toString().endsWith(".ann"));
        }
    }

    private static void writeCorpus(List<AnnotatedDocument> corpus, Path file) throws IOException {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        StringBuilder lines = new StringBuilder();
        for (AnnotatedDocument d : corpus) {
            tools.jackson.databind.node.ObjectNode node = json.createObjectNode();
            node.put("id", d.id());
            node.put("genre", d.genre());
            node.put("text", d.text());
            tools.jackson.databind.node.ArrayNode gold = node.putArray("gold");
            for (fr.avec.protect.Entity e : d.gold()) {
                gold.addObject().put("label", e.label().name()).put("start", e.start()).put("end", e.end());
            }
            lines.append(json.writeValueAsString(node)).append('\n');
        }
        Files.writeString(file, lines.toString());
    }
}
