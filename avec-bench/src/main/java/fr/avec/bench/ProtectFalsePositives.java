package fr.avec.bench;

import fr.avec.data.lexicon.Lexicons;
import fr.avec.protect.Entity;
import fr.avec.protect.Label;
import fr.avec.protect.Protector;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Detections of the pseudonymizer on texts without patient data, one document at a time, each printed with its
 * context so that every false-positive class can be read: QUAERO (EMEA leaflets, MEDLINE titles), BDPM drug names,
 * holders and substances, MTS-Dialog notes and dialogues (English). Run:
 * {@code java -cp avec-bench/target/avec-bench.jar fr.avec.bench.ProtectFalsePositives quaero|bdpm|mts-notes|mts-dialogues [DATA_DIR]}.
 */
public final class ProtectFalsePositives {

    private ProtectFalsePositives() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ProtectFalsePositives quaero|bdpm|mts-notes|mts-dialogues [DATA_DIR]");
            System.exit(2);
        }
        Path data = args.length > 1 ? Path.of(args[1]) : BenchData.root();
        Protector protector = Protector.fromLexicons(Lexicons.load(data.resolve("lexicons")));
        List<String> documents = documents(args[0], data);
        Map<Label, Integer> byLabel = new EnumMap<>(Label.class);
        long words = 0;
        int total = 0;
        for (String text : documents) {
            words += words(text);
            for (Entity e : protector.detect(text)) {
                total++;
                byLabel.merge(e.label(), 1, Integer::sum);
                int s = Math.max(0, e.start() - 40);
                int end = Math.min(text.length(), e.end() + 20);
                System.out.println(e.label() + " «" + e.text() + "» in «" + text.substring(s, end).replace('\n', ' ') + "»");
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d documents, %d words, %d detections = %.1f per 10,000 words %s%n", args[0],
                documents.size(), words, total, total * 10_000.0 / Math.max(1, words), byLabel);
    }

    private static List<String> documents(String corpus, Path data) throws IOException {
        List<String> texts = new ArrayList<>();
        switch (corpus) {
            case "quaero" -> {
                try (Stream<Path> files = Files.walk(data.resolve("quaero"))) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".txt")
                            && Files.exists(Path.of(p.toString().replaceFirst("\\.txt$", ".ann")))).sorted().toList()) {
                        texts.add(Files.readString(f));
                    }
                }
            }
            case "bdpm" -> {
                Charset latin = Charset.forName("ISO-8859-1");
                for (String line : Files.readAllLines(data.resolve("bdpm/CIS_bdpm.txt"), latin)) {
                    String[] c = line.split("\t");
                    texts.add(c[1] + "\n" + (c.length > 10 ? c[10] : "")); // name, then holder on its own line
                }
                for (String line : Files.readAllLines(data.resolve("bdpm/CIS_COMPO_bdpm.txt"), latin)) {
                    String[] c = line.split("\t");
                    texts.add(c[3] + " " + c[4] + " " + c[5]); // substance, dose, reference
                }
            }
            case "mts-notes", "mts-dialogues" -> {
                String column = corpus.equals("mts-notes") ? "section_text" : "dialogue";
                try (Stream<Path> files = Files.list(data.resolve("mts-dialog/Main-Dataset"))) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                        List<List<String>> rows = Csv.parse(Files.readString(f, StandardCharsets.UTF_8));
                        int index = rows.get(0).indexOf(column);
                        for (List<String> row : rows.subList(1, rows.size())) {
                            if (index < row.size()) {
                                texts.add(row.get(index));
                            }
                        }
                    }
                }
            }
            default -> throw new IllegalArgumentException("unknown corpus " + corpus);
        }
        return texts;
    }

    private static long words(String text) {
        long n = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !in) {
                n++;
            }
            in = letter;
        }
        return n;
    }
}
