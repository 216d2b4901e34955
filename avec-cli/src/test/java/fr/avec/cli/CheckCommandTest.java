package fr.avec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.avec.testing.SharedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CheckCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AvecCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path file(String name, String text, Charset charset) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text, charset);
        return path;
    }

    @Test
    void jsonFollowsTheContractAndErrorsGiveExitOne() throws IOException {
        Path generated = file("note.txt", "Traitement par Amoxiciline 1 g x 3/j, Doliprane 1000 mg. Poids 80 kg.", StandardCharsets.UTF_8);
        // A source in Windows-1252, as old exports are: « poids » with its accents and the weight.
        Path source = file("source.txt", "Il pèse soixante-dix-huit kilos. Amoxicilline un gramme trois fois par jour, Doliprane.",
                Charset.forName("windows-1252"));
        int code = run("check", generated.toString(), "--source", source.toString(), "--format", "json",
                "--data", SharedData.root().toString());
        assertThat(code).isEqualTo(1);
        JsonNode json = JsonMapper.builder().build().readTree(out.toString());
        JsonNode unknown = json.get("findings").get(0);
        assertThat(unknown.get("kind").asString()).isEqualTo("UNKNOWN_DRUG");
        assertThat(unknown.get("severity").asString()).isEqualTo("error");
        assertThat(unknown.get("text").asString()).isEqualTo("Amoxiciline");
        assertThat(unknown.get("start").asInt()).isEqualTo(15);
        assertThat(unknown.get("end").asInt()).isEqualTo(26);
        assertThat(unknown.get("suggestion").asString()).isEqualTo("AMOXICILLINE");
        assertThat(json.get("findings").findValuesAsString("kind")).contains("NUMBER_NOT_IN_SOURCE");
        JsonNode drug = json.get("drugs").get(0);
        assertThat(drug.get("text").asString()).isEqualTo("Doliprane");
        assertThat(drug.get("substances").get(0).asString()).isEqualTo("PARACÉTAMOL");
        assertThat(drug.get("cis").size()).isPositive();
    }

    @Test
    void humanReportUnderlinesTheFindings() throws IOException {
        Path generated = file("note.txt", "Patient sous Kardégic 75 mg.\nAjout de zorvatinib 50 mg.", StandardCharsets.UTF_8);
        int code = run("check", generated.toString(), "--data", SharedData.root().toString());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains(":2:10: error: UNKNOWN_DRUG").contains("             ^~~~~~~~~~");
    }

    @Test
    void humanReportInFrenchCitesTheContradictedSource() throws IOException {
        Path generated = file("note.txt", "Allergie à la pénicilline.\nTraitement par Amoxiciline 1 g x 3/j.", StandardCharsets.UTF_8);
        Path source = file("transcript.txt", "Médecin : des allergies ?\nPatient : non, aucune.\nMédecin : je vous mets de l'amoxicilline.",
                StandardCharsets.UTF_8);
        int code = run("check", generated.toString(), "--source", source.toString(), "--lang", "fr", "--data", SharedData.root().toString());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString())
                .contains(":1:1: error: NEGATION_CONFLICT: le texte affirme « Allergie », que la source nie : « Médecin : des allergies ? Patient : non, aucune. »")
                .contains("UNKNOWN_DRUG: « Amoxiciline » ne correspond à aucun médicament de la base publique (BDPM) ; vouliez-vous dire AMOXICILLINE ?");
        assertThat(run("check", generated.toString(), "--lang", "de")).isEqualTo(2);
    }

    @Test
    void withoutGroundingInputsNoGroundingKinds() throws IOException {
        Path generated = file("note.txt", "Kardégic 75 mg le matin. Fumeur.", StandardCharsets.UTF_8);
        int code = run("check", generated.toString(), "--format", "json", "--data", SharedData.root().toString());
        assertThat(code).isZero();
        assertThat(out.toString()).doesNotContain("NOT_IN_SOURCE").doesNotContain("NEGATION_CONFLICT").doesNotContain("CITATION");
    }

    @Test
    void missingDrugDatabaseIsReportedAsNotRun() throws IOException {
        Path generated = file("note.txt", "Amoxiciline 1 g.", StandardCharsets.UTF_8);
        int code = run("check", generated.toString(), "--format", "json", "--data", dir.resolve("empty").toString());
        assertThat(code).isZero();
        assertThat(out.toString()).contains("checksNotRun").contains("UNKNOWN_DRUG");
        assertThat(err.toString()).contains("no drug database");
    }

    @Test
    void unusableInputIsOneLineAndExitTwo() throws IOException {
        Path empty = file("empty.txt", "  \n", StandardCharsets.UTF_8);
        assertThat(run("check", empty.toString(), "--data", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("empty");
        assertThat(out.toString()).isEmpty();
        Path binary = dir.resolve("binary.bin");
        Files.write(binary, new byte[] {(byte) 0x81, (byte) 0x8D, (byte) 0x8F, (byte) 0x90, (byte) 0x9D});
        assertThat(run("check", binary.toString(), "--data", dir.toString())).isEqualTo(2);
        assertThat(run("check", dir.resolve("missing.txt").toString())).isEqualTo(2);
    }

    @Test
    void jsonLinesKeepTheIds() throws IOException {
        Path lines = file("in.jsonl", "{\"id\":\"a\",\"generated\":\"Fumeur.\",\"sources\":[\"Non fumeur.\"]}\n"
                + "{\"id\":\"b\",\"generated\":\"Voir [3].\",\"references\":[\"[1] Dupont 2020\"]}\n", StandardCharsets.UTF_8);
        int code = run("check", lines.toString(), "--format", "jsonl", "--data", dir.toString());
        assertThat(code).isEqualTo(1);
        String[] output = out.toString().strip().split("\n");
        assertThat(output).hasSize(2);
        assertThat(output[0]).contains("\"id\":\"a\"").contains("NEGATION_CONFLICT");
        assertThat(output[1]).contains("\"id\":\"b\"").contains("CITATION_NOT_IN_REFERENCES");
    }
}
