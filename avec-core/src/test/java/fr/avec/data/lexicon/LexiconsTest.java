package fr.avec.data.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.avec.data.ReferenceFile;
import fr.avec.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconsTest {

    private static Lexicons shared;

    @BeforeAll
    static void load() throws IOException {
        shared = Lexicons.load(SharedData.lexicons());
    }

    @Test
    void everySharedLexiconIsLoaded() {
        assertThat(shared.missing()).isEmpty();
        assertThat(shared.problems()).isEmpty();
        assertThat(shared.rowCount(LexiconFile.FIRST_NAMES)).isEqualTo(51651);
        assertThat(shared.rowCount(LexiconFile.FAMILY_NAMES)).isEqualTo(218982);
        assertThat(shared.rowCount(LexiconFile.COMMUNES)).isEqualTo(37600);
        assertThat(shared.rowCount(LexiconFile.POSTAL_CODES)).isEqualTo(39192);
        assertThat(shared.rowCount(LexiconFile.HEALTH_ESTABLISHMENTS)).isEqualTo(1490);
    }

    @Test
    void namesAndPlacesKeepTheirAccents() {
        assertThat(shared.firstNames()).contains(new FirstName("MARIE", FirstName.Sex.FEMALE, 2230810));
        assertThat(shared.firstNames()).anyMatch(n -> n.name().equals("FRANÇOISE") && n.sex() == FirstName.Sex.FEMALE);
        assertThat(shared.firstNames()).anyMatch(n -> n.name().equals("ANAËLLE") || n.name().equals("MAËLLE"));
        assertThat(shared.communes()).anyMatch(c -> c.name().equals("L'Abergement-Clémenciat") && c.inseeCode().equals("01001"));
        assertThat(shared.communes()).anyMatch(c -> c.inseeCode().startsWith("2A"));
        assertThat(shared.communes()).anyMatch(c -> c.name().equals("Œuilly"));
        assertThat(shared.communes()).anyMatch(c -> c.name().equals("Cœuvres-et-Valsery"));
        assertThat(shared.postalCodes()).anyMatch(p -> p.code().equals("75013"));
        assertThat(shared.establishments()).anyMatch(e -> e.finess().equals("010008407") && e.name().equals("CH DU HAUT BUGEY"));
        assertThat(shared.familyNames()).contains("MARTIN", "DURAND");
    }

    @Test
    void quotedFieldsMaySpanTheSeparator() {
        assertThat(Lexicons.split("\"SAINT-DENIS; LA PLAINE\";93200;\"dit \"\"le haut\"\"\"", ';'))
                .containsExactly("SAINT-DENIS; LA PLAINE", "93200", "dit \"le haut\"");
    }

    @Test
    void badLinesAreReportedAndMissingFilesListed(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("insee_prenoms"));
        Files.writeString(dir.resolve("insee_prenoms/prenoms_nat2024_totaux.csv"),
                "prenom;sexe;total\nCHLOÉ;2;300\nZOÉ;3;10\nJULES;1\n", StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("insee_noms_famille"));
        Files.writeString(dir.resolve("insee_noms_famille/noms2008nat_noms_seuls.txt"), "LEFÈVRE\r\nCŒUR\r\n", ReferenceFile.WINDOWS_1252);

        Lexicons lexicons = Lexicons.load(dir);

        assertThat(lexicons.firstNames()).containsExactly(new FirstName("CHLOÉ", FirstName.Sex.FEMALE, 300));
        assertThat(lexicons.familyNames()).containsExactly("LEFÈVRE", "CŒUR");
        assertThat(lexicons.problems()).extracting(Object::toString).containsExactly(
                "prenoms_nat2024_totaux.csv:3: sex '3' is neither 1 nor 2; line skipped",
                "prenoms_nat2024_totaux.csv:4: 2 fields instead of at least 3; line skipped");
        assertThat(lexicons.missing()).containsExactly(LexiconFile.COMMUNES, LexiconFile.POSTAL_CODES, LexiconFile.HEALTH_ESTABLISHMENTS);
    }

    @Test
    void currentLaPosteLayoutIsReadByColumnNames(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("laposte_hexasmal"));
        Files.writeString(dir.resolve("laposte_hexasmal/laposte_hexasmal.csv"),
                "#Code_commune_INSEE;Nom_de_la_commune;Code_postal;Libellé_d_acheminement;Ligne_5\n"
                        + "2A004;AJACCIO;20090;AJACCIO;\n"
                        + "97411;ST DENIS;97400;ST DENIS;LA MONTAGNE\n", StandardCharsets.UTF_8);
        Lexicons lexicons = Lexicons.load(dir);
        assertThat(lexicons.postalCodes()).containsExactly(
                new PostalCode("20090", "AJACCIO", "2A004", ""),
                new PostalCode("97400", "ST DENIS", "97411", "LA MONTAGNE"));
    }

    @Test
    void aFileWithTheWrongHeaderIsRejected(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("laposte_hexasmal"));
        Files.writeString(dir.resolve("laposte_hexasmal/laposte_hexasmal.csv"), "<html>error page</html>\n");
        assertThatThrownBy(() -> Lexicons.load(dir)).isInstanceOf(ReferenceFile.MalformedReferenceFileException.class)
                .hasMessageContaining("header");
    }

    @Test
    void missingFolderIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> Lexicons.load(dir.resolve("none"))).isInstanceOf(NoSuchFileException.class);
        assertThat(Lexicons.empty().missing()).hasSize(LexiconFile.values().length);
    }
}
