package fr.avec.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where benchmarks read the reference data: {@code $AVEC_DATA_DIR}, else {@code ../shared/data} from the working directory. */
public final class BenchData {

    private BenchData() {
    }

    public static Path root() {
        String env = System.getenv("AVEC_DATA_DIR");
        Path root = env != null && !env.isBlank() ? Path.of(env) : Path.of("../shared/data");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("reference data not found at " + root.toAbsolutePath()
                    + "; run from the repository root or set AVEC_DATA_DIR");
        }
        return root;
    }

    /** The QUAERO EMEA drug leaflets (train and dev), in path order, each followed by a line break: French real text. */
    public static String quaeroEmea() throws IOException {
        List<Path> texts;
        try (Stream<Path> s = Files.walk(root().resolve("quaero"))) {
            texts = s.filter(p -> p.toString().contains("EMEA") && p.toString().endsWith(".txt")).sorted().toList();
        }
        StringBuilder all = new StringBuilder();
        for (Path p : texts) {
            all.append(Files.readString(p, StandardCharsets.UTF_8)).append('\n');
        }
        return all.toString();
    }

    /** A note and the source it summarises. */
    public record NoteAndSource(String note, String source) {
    }

    /**
     * MTS-Dialog training pairs taken in order until the dialogues reach 30 KB: the source is their first 30 KB
     * (English dialogues), the note the first 10 KB of their notes.
     */
    public static NoteAndSource mtsTenAgainstThirty() throws IOException {
        List<List<String>> rows = Csv.parse(Files.readString(
                root().resolve("mts-dialog/Main-Dataset/MTS-Dialog-TrainingSet.csv"), StandardCharsets.UTF_8));
        StringBuilder notes = new StringBuilder();
        StringBuilder dialogues = new StringBuilder();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (dialogues.length() >= 30_000) {
                break;
            }
            dialogues.append(row.get(3)).append('\n');
            notes.append(row.get(2)).append('\n');
        }
        return new NoteAndSource(notes.substring(0, Math.min(10_000, notes.length())), dialogues.substring(0, 30_000));
    }
}
