package fr.avec.cli;

import fr.avec.protect.Conversation;
import fr.avec.protect.Policy;
import fr.avec.protect.ProtectionException;
import fr.avec.protect.Protector;
import fr.avec.protect.Pseudonymized;
import fr.avec.protect.Substitution;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code avec deid}: pseudonymizes French clinical text (CONTRACTS.md, {@code --format json|jsonl}). */
@Command(name = "deid",
        mixinStandardHelpOptions = true,
        description = {"Pseudonymizes French clinical text: names, dates, places, contacts and identifiers.",
            "Reads FILE (or standard input with - or no FILE); writes the pseudonymized text, or JSON with --format."},
        subcommands = {DeidEvaluateCommand.class})
public final class DeidCommand implements Callable<Integer> {

    /** Documents larger than this are refused: a clinical document is kilobytes, not megabytes. */
    static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    enum Format { text, json, jsonl }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "input file, or - for standard input (default)")
    String file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json (one document) or jsonl (one {\"id\",\"text\"} per line)")
    Format format = Format.text;

    @Option(names = "--policy", paramLabel = "POLICY", description = "placeholder (default), surrogate, mask or remove, "
            + "optionally with per-label overrides: surrogate,DATE=placeholder")
    String policy = "placeholder";

    @Option(names = "--data", paramLabel = "DIR", description = "reference data folder (default: $AVEC_DATA_DIR, then ~/.avec/data)")
    Path data;

    @Option(names = "--strict", description = "refuse to run without the name and place lexicons")
    boolean strict;

    @Option(names = "--max-bytes", paramLabel = "N", description = "largest input accepted, in bytes (default 20 MB)")
    long maxBytes = DEFAULT_MAX_BYTES;

    @Option(names = "--date-offset", paramLabel = "DAYS", hidden = true, description = "fixed date offset for surrogates (reproducible runs)")
    Integer dateOffset;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Policy chosen;
        try {
            chosen = Policy.parse(policy);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Protector protector = ProtectorLoading.load(data, strict, err);
        String name = file == null || file.equals("-") ? "standard input" : file;
        byte[] bytes = readInput();
        String input = decode(bytes, name);
        JsonMapper json = JsonMapper.builder().build();
        return switch (format) {
            case text -> {
                requireText(input, name);
                out.print(pseudonymize(protector, input, chosen).text());
                out.flush();
                yield 0;
            }
            case json -> {
                requireText(input, name);
                String id = file == null || file.equals("-") ? "stdin" : Path.of(file).getFileName().toString();
                out.println(json.writeValueAsString(document(json, id, input, pseudonymize(protector, input, chosen))));
                out.flush();
                yield 0;
            }
            case jsonl -> jsonLines(protector, chosen, input, json, out, err);
        };
    }

    private Pseudonymized pseudonymize(Protector protector, String text, Policy chosen) {
        Conversation conversation = dateOffset == null ? Conversation.create() : Conversation.of(dateOffset, 1L);
        return protector.pseudonymize(text, chosen, conversation);
    }

    /** The {@code id} of a JSON Lines document, or null when it has none (or is not an object). */
    static String idOf(JsonNode node) {
        JsonNode idNode = node == null || !node.isObject() ? null : node.get("id");
        return idNode == null || idNode.isNull() ? null : idNode.asString();
    }

    /** The {@code text} of a JSON Lines document; refuses anything else with a {@link UsageException} saying why. */
    static String textOf(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new UsageException("not a JSON object");
        }
        JsonNode textNode = node.get("text");
        if (textNode == null || !textNode.isString()) {
            throw new UsageException("no \"text\" string");
        }
        String text = textNode.asString();
        if (text.isEmpty()) {
            throw new UsageException("empty text");
        }
        if (isBinary(text)) {
            throw new UsageException("text looks binary (control characters)");
        }
        return text;
    }

    private int jsonLines(Protector protector, Policy chosen, String input, JsonMapper json, PrintWriter out, PrintWriter err) {
        int failures = 0;
        int lineNumber = 0;
        List<String> lines = input.lines().toList();
        for (String line : lines) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String id = null;
            try {
                JsonNode node = json.readTree(line);
                id = idOf(node);
                String text = textOf(node);
                ObjectNode result = document(json, id, text, pseudonymize(protector, text, chosen));
                out.println(json.writeValueAsString(result));
            } catch (JacksonException e) {
                failures++;
                err.println("avec: line " + lineNumber + ": not valid JSON");
            } catch (UsageException e) {
                failures++;
                err.println("avec: line " + lineNumber + (id == null ? "" : " (id " + id + ")") + ": " + e.getMessage());
            } catch (ProtectionException e) {
                failures++;
                err.println("avec: line " + lineNumber + (id == null ? "" : " (id " + id + ")") + ": " + e.getMessage()
                        + "; nothing written for it");
            }
        }
        out.flush();
        err.flush();
        return failures == 0 ? 0 : AvecCommand.EXIT_USAGE;
    }

    private static ObjectNode document(JsonMapper json, String id, String input, Pseudonymized result) {
        ObjectNode node = json.createObjectNode();
        if (id == null) {
            node.putNull("id");
        } else {
            node.put("id", id);
        }
        node.put("text", result.text());
        ArrayNode entities = node.putArray("entities");
        for (Substitution s : result.substitutions()) {
            ObjectNode e = entities.addObject();
            e.put("label", s.label().name());
            e.put("start", s.start());
            e.put("end", s.end());
            e.put("text", s.text());
            e.put("replacement", s.replacement());
        }
        return node;
    }

    private byte[] readInput() throws IOException {
        if (file == null || file.equals("-")) {
            try (InputStream in = System.in) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new UsageException("standard input is larger than " + maxBytes + " bytes (see --max-bytes)");
                }
                return bytes;
            }
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new UsageException("cannot read " + file + ": no such file");
        }
        long size = Files.size(path);
        if (size > maxBytes) {
            throw new UsageException(file + " is " + size / (1024 * 1024) + " MB, larger than the " + maxBytes / (1024 * 1024)
                    + " MB accepted (see --max-bytes)");
        }
        return Files.readAllBytes(path);
    }

    /** Strict UTF-8: a wrong byte is reported with its line, never replaced silently. */
    static String decode(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            CharBuffer chars = decoder.decode(in);
            String s = chars.toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            int position = in.position();
            int line = 1;
            for (int i = 0; i < Math.min(position, bytes.length); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new UsageException(name + ": invalid UTF-8 at line " + line + " (byte " + position + ")");
        }
    }

    private static void requireText(String input, String name) {
        if (input.isBlank()) {
            throw new UsageException(name + ": empty input, nothing to pseudonymize");
        }
        if (isBinary(input)) {
            throw new UsageException(name + ": binary data, not text");
        }
    }

    /** NUL or many control characters: a binary file read as text. */
    static boolean isBinary(String text) {
        int controls = 0;
        int n = Math.min(text.length(), 64 * 1024);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                controls++;
            }
        }
        return controls > 8 && controls * 100 > n;
    }
}
