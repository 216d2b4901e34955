package fr.avec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DeidCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final JsonMapper json = JsonMapper.builder().build();

    private int run(String... args) {
        return AvecCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path file(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private String noLexicons() throws Exception {
        return Files.createDirectories(dir.resolve("empty-data")).toString();
    }

    @Test
    void textOutputByDefault() throws Exception {
        Path in = file("lettre.txt", "Vu ce jour Mme Dupont, tél 06 12 34 56 78, le 03/03/2021.\n");
        assertThat(run("deid", "--data", noLexicons(), in.toString())).isZero();
        assertThat(out.toString()).isEqualTo("Vu ce jour Mme [NOM_1], tél [TEL_1], le [DATE_1].\n");
        assertThat(err.toString()).contains("lexicons not found").hasLineCount(1);
    }

    @Test
    void jsonFollowsTheContractWithOffsetsIntoTheInput() throws Exception {
        String text = "Patient : Hélène DURAND\nNée le 03/04/1948 — IPP 8001234567\n";
        Path in = file("cr.txt", text);
        assertThat(run("deid", "--data", noLexicons(), "--format", "json", in.toString())).isZero();
        JsonNode node = json.readTree(out.toString());
        assertThat(node.get("id").asString()).isEqualTo("cr.txt");
        assertThat(node.get("text").asString()).doesNotContain("DURAND", "1948", "8001234567");
        for (JsonNode e : node.get("entities")) {
            int start = e.get("start").asInt();
            int end = e.get("end").asInt();
            assertThat(text.substring(start, end)).isEqualTo(e.get("text").asString());
            assertThat(e.get("label").asString()).isIn("NOM", "PRENOM", "DATE_NAISSANCE", "IPP");
            assertThat(e.has("replacement")).isTrue();
        }
        assertThat(node.get("entities")).hasSize(4);
    }

    @Test
    void jsonLinesKeepOrderAndIdsAndReportBadLinesByNumber() throws Exception {
        Path in = file("batch.jsonl", """
                {"id": "a", "text": "Dr Martin, RPPS 10003456789"}
                this is not json
                {"id": "b", "text": ""}
                {"id": "c", "text": "Revu le 12/05/2022 par Mme Petit."}
                """);
        assertThat(run("deid", "--data", noLexicons(), "--format", "jsonl", "--policy", "surrogate", in.toString())).isEqualTo(2);
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(json.readTree(lines[0]).get("id").asString()).isEqualTo("a");
        assertThat(json.readTree(lines[1]).get("id").asString()).isEqualTo("c");
        assertThat(json.readTree(lines[1]).get("text").asString()).doesNotContain("12/05/2022", "Petit");
        assertThat(err.toString()).contains("line 2: not valid JSON").contains("line 3 (id b): empty text");
    }

    @Test
    void emptyBinaryAndInvalidUtf8InputsAreRefusedWithExitCodeTwo() throws Exception {
        assertThat(run("deid", "--data", noLexicons(), file("vide.txt", "  \n").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("empty input");
        Path binary = dir.resolve("image.bin");
        Files.write(binary, new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 3});
        assertThat(run("deid", "--data", noLexicons(), binary.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("binary");
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, "ligne un\nM. Lef\u00e8vre\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run("deid", "--data", noLexicons(), latin1.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("invalid UTF-8 at line 2");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void tooLargeInputIsRefusedBeforeReading() throws Exception {
        Path big = file("gros.txt", "Mme Dupont ".repeat(200));
        assertThat(run("deid", "--data", noLexicons(), "--max-bytes", "1000", big.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--max-bytes");
    }

    @Test
    void strictRefusesToRunWithoutLexicons() throws Exception {
        assertThat(run("deid", "--strict", "--data", noLexicons(), file("a.txt", "Mme Dupont").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--strict");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void unknownPolicyIsBadUsage() throws Exception {
        assertThat(run("deid", "--data", noLexicons(), "--policy", "shuffle", file("a.txt", "Mme Dupont").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("shuffle");
    }
}
