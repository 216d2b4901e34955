package fr.avec.cli;

import fr.avec.data.DataDirectory;
import fr.avec.data.ReferenceFile;
import fr.avec.data.bdpm.Bdpm;
import fr.avec.verify.DrugLexicon;
import fr.avec.verify.DrugMention;
import fr.avec.verify.Finding;
import fr.avec.verify.Report;
import fr.avec.verify.Severity;
import fr.avec.verify.Verifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code avec check}: verifies an AI-generated text against its sources, references and the drug database,
 * printing the findings as compiler-style diagnostics, JSON or JSON Lines (CONTRACTS.md).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Verifies an AI-generated clinical text: drugs, doses, values, negations and sentences against the sources,",
                "citations against the references, identifying data, readability. Exit 0: no error finding;",
                "1: error findings remain; 2: unusable input."})
final class CheckCommand implements Callable<Integer> {

    /** Texts longer than this are refused (exit 2) rather than verified slowly. */
    static final int MAX_CHARACTERS = 2_000_000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "GENERATED", description = "the generated text (a file, or - for standard input); with --format jsonl, a JSON Lines file")
    String generated;

    @Option(names = "--source", paramLabel = "FILE", description = "a source the text was made from (transcript, letter, article); repeatable")
    List<Path> sources = new ArrayList<>();

    @Option(names = "--references", paramLabel = "FILE", description = "the references of a literature synthesis, one per line or paragraph")
    Path references;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default, human-readable), json or jsonl")
    String format = "text";

    @Option(names = "--data", paramLabel = "DIR", description = "reference data folder (default: $AVEC_DATA_DIR, then ~/.avec/data)")
    Path data;

    @Option(names = "--lang", paramLabel = "LANG", description = "language of the human-readable report's messages: en (default) or fr")
    String lang = "en";

    @Option(names = "--patient", description = "patient material: check readability (Kandel–Moles) and easy-to-read rules")
    boolean patient;

    @Option(names = "--readability-target", paramLabel = "SCORE", description = "Kandel–Moles target for --patient (default ${DEFAULT-VALUE})")
    double readabilityTarget = 60;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Override
    public Integer call() throws Exception {
        if (!List.of("text", "json", "jsonl").contains(format)) {
            throw new UsageException("unknown --format " + format + " (text, json or jsonl)");
        }
        if (!List.of("en", "fr").contains(lang)) {
            throw new UsageException("unknown --lang " + lang + " (en or fr)");
        }
        List<Request> requests = format.equals("jsonl") ? readJsonLines() : List.of(readFiles());
        Verifier verifier = verifier();
        Verifier.Options options = patient ? Verifier.Options.DEFAULT.forPatients(readabilityTarget) : Verifier.Options.DEFAULT;
        List<Report> reports = new ArrayList<>();
        for (Request r : requests) {
            reports.add(verifier.verify(r.generated(), r.sources(), r.references(), options));
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean errors = false;
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            Report report = reports.get(i);
            errors |= report.hasErrors();
            switch (format) {
                case "text" -> printDiagnostics(out, request, report, java.util.Locale.forLanguageTag(lang));
                case "json" -> out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(request.id(), report)));
                default -> out.println(JSON.writeValueAsString(toJson(request.id(), report)));
            }
        }
        out.flush();
        return errors ? 1 : 0;
    }

    record Request(String id, String name, String generated, List<String> sources, List<String> references) {
    }

    private Request readFiles() throws IOException {
        String text = generated.equals("-") ? readStdin() : read(Path.of(generated));
        if (text.isBlank()) {
            throw new UsageException("the generated text is empty: nothing to verify");
        }
        List<String> sourceTexts = new ArrayList<>();
        for (Path source : sources) {
            sourceTexts.add(read(source));
        }
        List<String> referenceTexts = references == null ? List.of() : List.of(read(references));
        String name = generated.equals("-") ? "<stdin>" : generated;
        return new Request(name, name, text, sourceTexts, referenceTexts);
    }

    private List<Request> readJsonLines() throws IOException {
        if (!sources.isEmpty() || references != null) {
            throw new UsageException("with --format jsonl, sources and references go in each input line, not in --source/--references");
        }
        return parseJsonLines(generated.equals("-") ? readStdin() : read(Path.of(generated)));
    }

    /**
     * The requests of a JSON Lines input: one object per line with {@code generated} and optional {@code id},
     * {@code sources} and {@code references}; any other input is refused with a {@link UsageException} naming the line.
     */
    static List<Request> parseJsonLines(String all) {
        List<Request> requests = new ArrayList<>();
        int lineNumber = 0;
        for (String line : all.split("\\R")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (RuntimeException e) {
                throw new UsageException("line " + lineNumber + " is not valid JSON");
            }
            if (node == null || !node.isObject() || !node.has("generated") || !node.get("generated").isString()) {
                throw new UsageException("line " + lineNumber + " has no \"generated\" text");
            }
            String text = node.get("generated").asString();
            if (text.length() > MAX_CHARACTERS) {
                throw new UsageException("line " + lineNumber + ": generated text longer than " + MAX_CHARACTERS + " characters");
            }
            String id = node.has("id") ? node.get("id").asString() : Integer.toString(lineNumber);
            requests.add(new Request(id, id, text, strings(node, "sources", lineNumber), strings(node, "references", lineNumber)));
        }
        return requests;
    }

    private static List<String> strings(JsonNode node, String field, int lineNumber) {
        List<String> values = new ArrayList<>();
        JsonNode array = node.get(field);
        if (array == null || array.isNull()) {
            return values;
        }
        if (!array.isArray()) {
            throw new UsageException("line " + lineNumber + ": \"" + field + "\" must be an array of strings");
        }
        for (JsonNode element : array) {
            if (!element.isString()) {
                throw new UsageException("line " + lineNumber + ": \"" + field + "\" must be an array of strings");
            }
            values.add(element.asString());
        }
        return values;
    }

    /** Reads a text file in UTF-8 or Windows-1252 (detected strictly), refusing binary and huge files. */
    private static String read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new UsageException("cannot read " + path + ": no such file");
        }
        if (Files.size(path) > 4L * MAX_CHARACTERS) {
            throw new UsageException(path + " is too large (" + Files.size(path) + " bytes; limit " + 4L * MAX_CHARACTERS + ")");
        }
        String text;
        try {
            text = ReferenceFile.read(path).text();
        } catch (ReferenceFile.MalformedReferenceFileException e) {
            throw new UsageException(path + " is neither UTF-8 nor Windows-1252 text");
        }
        if (text.length() > MAX_CHARACTERS) {
            throw new UsageException(path + " is longer than " + MAX_CHARACTERS + " characters");
        }
        return text;
    }

    private static String readStdin() throws IOException {
        InputStream in = System.in;
        byte[] bytes = in.readNBytes(4 * MAX_CHARACTERS + 1);
        if (bytes.length > 4 * MAX_CHARACTERS) {
            throw new UsageException("standard input is too large");
        }
        try {
            return ReferenceFile.decode(Path.of("<stdin>"), bytes).text();
        } catch (ReferenceFile.MalformedReferenceFileException e) {
            throw new UsageException("standard input is neither UTF-8 nor Windows-1252 text");
        }
    }

    /** The verifier with the drug database when it can be loaded; without it the drug checks are reported as not run. */
    private Verifier verifier() {
        DataDirectory directory = DataDirectory.resolve(Optional.ofNullable(data));
        Verifier.Builder builder = Verifier.builder();
        try {
            builder.drugs(DrugLexicon.from(Bdpm.load(directory.bdpm())));
        } catch (NoSuchFileException e) {
            spec.commandLine().getErr().println("avec: no drug database at " + directory.bdpm()
                    + " (avec data update, or --data DIR): drug checks not run");
        } catch (IOException e) {
            spec.commandLine().getErr().println("avec: the drug database at " + directory.bdpm() + " cannot be read ("
                    + e.getMessage() + "): drug checks not run");
        }
        builder.protector(ProtectorLoading.load(data, false, spec.commandLine().getErr()));
        return builder.build();
    }

    static Map<String, Object> toJson(String id, Report report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("id", id);
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", f.kind().name());
            m.put("severity", f.severity().label());
            m.put("start", f.start());
            m.put("end", f.end());
            m.put("text", f.text());
            m.put("message", f.message());
            m.put("suggestion", f.suggestion());
            if (f.source() != null) {
                m.put("source", f.source().sourceIndex());
                m.put("sourceStart", f.source().start());
                m.put("sourceEnd", f.source().end());
            }
            if (f.category() != null) {
                m.put("category", f.category());
            }
            findings.add(m);
        }
        root.put("findings", findings);
        List<Map<String, Object>> drugs = new ArrayList<>();
        for (DrugMention d : report.drugs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", d.text());
            m.put("start", d.start());
            m.put("end", d.end());
            m.put("substances", d.substances());
            m.put("cis", d.cis());
            drugs.add(m);
        }
        root.put("drugs", drugs);
        if (!report.checksNotRun().isEmpty()) {
            root.put("checksNotRun", report.checksNotRun());
        }
        return root;
    }

    /** Compiler-style diagnostics: file:line:column, severity, kind and message, the line with the span underlined. */
    static void printDiagnostics(PrintWriter out, Request request, Report report, java.util.Locale locale) {
        String text = request.generated();
        int errors = 0;
        int warnings = 0;
        for (Finding f : report.findings()) {
            int lineStart = text.lastIndexOf('\n', Math.max(0, f.start() - 1)) + 1;
            if (f.start() == 0) {
                lineStart = 0;
            }
            int lineEnd = text.indexOf('\n', f.start());
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            int line = 1;
            for (int k = 0; k < lineStart; k++) {
                if (text.charAt(k) == '\n') {
                    line++;
                }
            }
            int column = f.start() - lineStart + 1;
            String message = locale.getLanguage().equals("fr") ? fr.avec.verify.FindingWording.render(f, locale, request.sources()) : f.message();
            out.printf("%s:%d:%d: %s: %s: %s%n", request.name(), line, column, f.severity().label(), f.kind().name(), message);
            if (f.end() > f.start() || f.source() == null) {
                String shown = text.substring(lineStart, lineEnd).replace('\t', ' ').replace('\r', ' ');
                out.println("    " + shown);
                int underlineEnd = Math.min(f.end(), lineEnd);
                out.println("    " + " ".repeat(f.start() - lineStart) + "^" + "~".repeat(Math.max(0, underlineEnd - f.start() - 1)));
            }
            if (f.source() != null && f.source().sourceIndex() < request.sources().size()) {
                String passage = request.sources().get(f.source().sourceIndex()).substring(f.source().start(), f.source().end());
                out.println("    source " + (f.source().sourceIndex() + 1) + " at " + f.source().start() + ": "
                        + passage.replace('\n', ' ').replace('\r', ' '));
            }
            if (f.suggestion() != null) {
                out.println("    suggestion: " + f.suggestion());
            }
            if (f.severity() == Severity.ERROR) {
                errors++;
            } else if (f.severity() == Severity.WARNING) {
                warnings++;
            }
        }
        out.printf("%s: %d error(s), %d warning(s), %d drug mention(s)%n", request.name(), errors, warnings, report.drugs().size());
        for (DrugMention d : report.drugs()) {
            out.printf("  drug « %s » at %d: %s%n", d.text(), d.start(), String.join(" + ", d.substances()));
        }
        for (String notRun : report.checksNotRun()) {
            out.println("  not run: " + notRun);
        }
    }
}
