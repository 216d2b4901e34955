package fr.avec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code avec check} reports what the source says and the note leaves out, citing the source passage. */
class CheckOmissionsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static final String TRANSCRIPT = """
            Médecin : qu'est-ce qui vous amène
            Patient : je tousse depuis une semaine
            Médecin : des allergies
            Patient : oui je suis allergique à la pénicilline
            Médecin : et le moral
            Patient : pas terrible j'ai des idées noires ces temps-ci
            """;

    private int run(String... args) {
        return AvecCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path file(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text, StandardCharsets.UTF_8);
        return path;
    }

    @Test
    void jsonCarriesTheSourcePassageCategoryAndSuggestion() throws IOException {
        Path note = file("note.txt", "Toux depuis une semaine.");
        Path source = file("transcript.txt", TRANSCRIPT);
        // No drug database: omissions need none, and drug checks are reported as not run.
        int code = run("check", note.toString(), "--source", source.toString(), "--format", "json", "--data", dir.resolve("none").toString());
        assertThat(code).isEqualTo(1);
        JsonNode findings = JsonMapper.builder().build().readTree(out.toString()).get("findings");
        JsonNode allergy = null;
        JsonNode safety = null;
        for (JsonNode f : findings) {
            if (f.get("kind").asString().equals("OMISSION")) {
                switch (f.get("category").asString()) {
                    case "allergy" -> allergy = f;
                    case "safety" -> safety = f;
                    default -> { }
                }
            }
        }
        assertThat(allergy).isNotNull();
        assertThat(allergy.get("severity").asString()).isEqualTo("error");
        assertThat(allergy.get("source").asInt()).isZero();
        String passage = TRANSCRIPT.substring(allergy.get("sourceStart").asInt(), allergy.get("sourceEnd").asInt());
        assertThat(passage).contains("allergique à la pénicilline");
        assertThat(allergy.get("suggestion").asString()).isEqualTo("oui je suis allergique à la pénicilline");
        assertThat(allergy.get("start").asInt()).isEqualTo(allergy.get("end").asInt());
        assertThat(safety).isNotNull();
        assertThat(safety.get("severity").asString()).isEqualTo("error");
        assertThat(TRANSCRIPT.substring(safety.get("sourceStart").asInt(), safety.get("sourceEnd").asInt())).contains("idées noires");
    }

    @Test
    void aCompleteNoteHasNoOmissionAndTheTextReportShowsThePassage() throws IOException {
        Path source = file("transcript.txt", TRANSCRIPT);
        Path complete = file("complete.txt", "Toux depuis une semaine. Allergie à la pénicilline. Idées noires récentes.");
        assertThat(run("check", complete.toString(), "--source", source.toString(), "--format", "json", "--data",
                dir.resolve("none").toString())).isZero();
        assertThat(out.toString()).doesNotContain("OMISSION");
        out.getBuffer().setLength(0);
        Path partial = file("partial.txt", "Toux depuis une semaine. Idées noires récentes.");
        assertThat(run("check", partial.toString(), "--source", source.toString(), "--data", dir.resolve("none").toString())).isEqualTo(1);
        assertThat(out.toString()).contains("error: OMISSION").contains("source 1 at").contains("allergique à la pénicilline");
    }
}
