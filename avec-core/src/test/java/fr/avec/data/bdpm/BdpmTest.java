package fr.avec.data.bdpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.avec.data.ReferenceFile;
import fr.avec.testing.SharedData;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BdpmTest {

    private static Bdpm shared;

    @BeforeAll
    static void loadSharedSnapshot() throws IOException {
        shared = Bdpm.load(SharedData.bdpm());
    }

    @Test
    void rowCountsOfTheSharedSnapshot() {
        assertThat(shared.rowCount(BdpmFile.PRODUCTS)).isEqualTo(15848);
        assertThat(shared.rowCount(BdpmFile.COMPOSITIONS)).isEqualTo(32389);
        assertThat(shared.rowCount(BdpmFile.PRESENTATIONS)).isEqualTo(20903);
        assertThat(shared.rowCount(BdpmFile.GENERIC_GROUPS)).isEqualTo(10704);
        assertThat(shared.rowCount(BdpmFile.ATC)).isEqualTo(7711);
        // CIS_CPD has three conditions ending in CR CR LF followed by a blank CR CR LF line: the blank
        // lines are not rows, and the stray CR is not part of the condition.
        assertThat(shared.rowCount(BdpmFile.PRESCRIBING_CONDITIONS)).isEqualTo(28151);
        assertThat(shared.prescribingConditions()).noneMatch(c -> c.condition().contains("\r"));
        assertThat(shared.problems()).isEmpty();
    }

    @Test
    void eachFileIsDecodedWithItsOwnEncoding() {
        assertThat(shared.encodings().get(BdpmFile.PRODUCTS)).isEqualTo(ReferenceFile.WINDOWS_1252);
        assertThat(shared.encodings().get(BdpmFile.PRESENTATIONS)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(shared.encodings().get(BdpmFile.COMPOSITIONS)).isEqualTo(ReferenceFile.WINDOWS_1252);
    }

    @Test
    void accentsAreReadCorrectlyInEveryFile() {
        assertThat(shared.compositions()).anyMatch(c -> c.substanceName().equals("PARACÉTAMOL"));
        // The snapshot has no œ; µ, ï and è stand for the Windows-1252 letters (œ is covered by ReferenceFileTest).
        assertThat(shared.compositions()).anyMatch(c -> c.strength().contains("µg"));
        assertThat(shared.compositions()).anyMatch(c -> c.substanceName().contains("ï") || c.substanceName().contains("Ï"));
        assertThat(shared.genericGroups()).anyMatch(g -> g.label().contains("µg"));
        assertThat(shared.products()).anyMatch(p -> p.name().contains("è"));
        assertThat(shared.products()).anyMatch(p -> p.form().equals("gélule"));
        assertThat(shared.products()).anyMatch(p -> p.name().contains("ï"));
        assertThat(shared.presentations()).anyMatch(p -> p.label().contains("comprimé(s)"));
        assertThat(shared.products()).noneMatch(p -> p.name().contains("Ã") || p.name().contains("\uFFFD"));
        assertThat(shared.presentations()).noneMatch(p -> p.label().contains("Ã") || p.label().contains("\uFFFD"));
    }

    @Test
    void productFieldsAreParsed() {
        BdpmProduct anastrozole = shared.products().stream().filter(p -> p.cis().equals("60002283")).findFirst().orElseThrow();
        assertThat(anastrozole.name()).startsWith("ANASTROZOLE");
        assertThat(anastrozole.routes()).contains("orale");
        assertThat(anastrozole.authorised()).isTrue();
        assertThat(anastrozole.authorisationDate()).isNotNull();
        BdpmComposition composition = shared.compositions().stream().filter(c -> c.cis().equals("60002283")).findFirst().orElseThrow();
        assertThat(composition.substanceName()).isEqualTo("ANASTROZOLE");
        assertThat(composition.strength()).isEqualTo("1,00 mg");
        assertThat(composition.activeSubstance()).isTrue();
    }

    @Test
    void pricesWithThousandsSeparators() {
        assertThat(Bdpm.price("24,34")).isEqualByComparingTo(new BigDecimal("24.34"));
        assertThat(Bdpm.price("1,466,29")).isEqualByComparingTo(new BigDecimal("1466.29"));
        assertThat(Bdpm.price("")).isNull();
        assertThat(shared.presentations()).anyMatch(p -> p.price() != null && p.price().compareTo(new BigDecimal("1000")) > 0);
    }

    @Test
    void malformedLinesAndOddDatesAreReportedWithTheirLineNumber(@TempDir Path dir) throws IOException {
        Charset cp1252 = ReferenceFile.WINDOWS_1252;
        Files.writeString(dir.resolve("CIS_bdpm.txt"), String.join("\r\n",
                "60234100\tDOLIPRANE 1000 mg, comprimé\tcomprimé\torale\tAutorisation active\tProcédure nationale\tCommercialisée\t09/07/2001\t\t\t OPELLA HEALTHCARE FRANCE\tNon",
                "6023410X\tBAD CIS\tcomprimé\torale\tAutorisation active\tProcédure nationale\tCommercialisée\t09/07/2001\t\t\t X\tNon",
                "61111111\tTRUNCATED LINE\tcomprimé",
                "62222222\tODD DATE 500 mg, gélule\tgélule\torale\tAutorisation active\tProcédure nationale\tCommercialisée\t31/02/2001\t\t\t Y\tNon",
                ""), cp1252);
        Files.writeString(dir.resolve("CIS_COMPO_bdpm.txt"),
                "60234100\tcomprimé\t02202\tPARACÉTAMOL\t1000 mg\tun comprimé\tSA\t1\r\n"
                        + "60234100\tcomprimé\t02202\tPARACÉTAMOL\t1000 mg\tun comprimé\tXX\t1\r\n", cp1252);
        Files.writeString(dir.resolve("CIS_CIP_bdpm.txt"),
                "60234100\t3400935955838\tplaquette(s) de 8 comprimé(s)\tPrésentation active\tDéclaration de commercialisation\t09/07/2001\t3400935955838\toui\t65%\t2,18\t3,20\t1,02\t\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("CIS_GENER_bdpm.txt"), "", cp1252);

        Bdpm bdpm = Bdpm.load(dir);

        assertThat(bdpm.products()).extracting(BdpmProduct::cis).containsExactly("60234100", "62222222");
        assertThat(bdpm.products().get(0).authorisationDate()).isEqualTo(LocalDate.of(2001, 7, 9));
        assertThat(bdpm.products().get(0).holders()).containsExactly("OPELLA HEALTHCARE FRANCE");
        assertThat(bdpm.products().get(1).authorisationDate()).isNull();
        assertThat(bdpm.compositions()).hasSize(1);
        assertThat(bdpm.presentations().get(0).price()).isEqualByComparingTo("2.18");
        assertThat(bdpm.problems()).extracting(Object::toString).containsExactly(
                "CIS_bdpm.txt:2: CIS code '6023410X' is not 8 digits; line skipped",
                "CIS_bdpm.txt:3: 3 fields instead of 12; line skipped",
                "CIS_bdpm.txt:4: authorisation date '31/02/2001' is not a valid dd/mm/yyyy date; kept without date",
                "CIS_COMPO_bdpm.txt:2: component nature is 'XX', expected SA or FT; line skipped");
        // Optional files absent: empty, not an error.
        assertThat(bdpm.atc()).isEmpty();
    }

    @Test
    void missingRequiredFileIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> Bdpm.load(dir)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("CIS_bdpm.txt").hasMessageContaining("required BDPM file missing");
        assertThatThrownBy(() -> Bdpm.load(dir.resolve("nowhere"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void binaryFileIsRejectedNotMisread(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("CIS_bdpm.txt"), new byte[] {(byte) 0x81, 0x00, (byte) 0x8D, (byte) 0xFF});
        assertThatThrownBy(() -> Bdpm.load(dir)).isInstanceOf(ReferenceFile.MalformedReferenceFileException.class);
    }
}
