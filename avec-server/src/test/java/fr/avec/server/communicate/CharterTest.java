package fr.avec.server.communicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The referent's plain-text charter form: how lines become the catalogue, the prohibitions and the page's lists. */
class CharterTest {

    @Test
    void usesAreParsedLineByLineAndBlankLinesIgnored() {
        List<Charter.ApprovedUse> uses = Charter.parseUses("consultation | Comptes rendus | Reports\r\n\n  literature|Synthèses|Syntheses  ");
        assertThat(uses).containsExactly(new Charter.ApprovedUse("consultation", "Comptes rendus", "Reports"),
                new Charter.ApprovedUse("literature", "Synthèses", "Syntheses"));
        assertThat(Charter.parseUses("")).isEmpty();
    }

    @Test
    void malformedLinesAreRefusedWithTheirNumber() {
        assertThatThrownBy(() -> Charter.parseUses("consultation | a | b\nliterature | a | b\nconsultation | c | d"))
                .isInstanceOfSatisfying(Charter.EditRefused.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("charter.edit.error.useTwice");
                    assertThat(e.line()).isEqualTo(3);
                });
        assertThatThrownBy(() -> Charter.parseUses("consultation | a |  "))
                .isInstanceOfSatisfying(Charter.EditRefused.class, e -> assertThat(e.messageKey()).isEqualTo("charter.edit.error.label"));
        assertThatThrownBy(() -> Charter.parseUses("comptes rendus | a | b"))
                .isInstanceOfSatisfying(Charter.EditRefused.class, e -> assertThat(e.messageKey()).isEqualTo("charter.edit.error.useCode"));
        assertThatThrownBy(() -> Charter.parseProhibitions("Décision automatisée | Automated decision | extra"))
                .isInstanceOfSatisfying(Charter.EditRefused.class, e -> assertThat(e.messageKey()).isEqualTo("charter.edit.error.prohibitionLine"));
    }

    @Test
    void thePreambleShowsDashLinesAsAList() {
        Charter.Version version = new Charter.Version(1, "Intro.\nJe m'engage à :\n- relire ;\n- signaler.\n\nFin.", "Intro.", List.of(), List.of(),
                "note", Instant.EPOCH, "avec");
        assertThat(version.preambleBlocks(Locale.FRENCH)).containsExactly(new Charter.Block("Intro.", List.of()),
                new Charter.Block("Je m'engage à :", List.of()), new Charter.Block(null, List.of("relire ;", "signaler.")),
                new Charter.Block("Fin.", List.of()));
        assertThat(version.preambleBlocks(Locale.ENGLISH)).containsExactly(new Charter.Block("Intro.", List.of()));
    }

    @Test
    void theFormRoundTrips() {
        List<Charter.ApprovedUse> uses = List.of(new Charter.ApprovedUse("education", "Supports", "Material"));
        List<Charter.Prohibition> prohibitions = List.of(new Charter.Prohibition("Décision automatisée", "Automated decision"));
        Charter.Version version = new Charter.Version(2, "p", "p", uses, prohibitions, "n", Instant.EPOCH, "referent");
        assertThat(Charter.parseUses(version.usesAsLines())).isEqualTo(uses);
        assertThat(Charter.parseProhibitions(version.prohibitionsAsLines())).isEqualTo(prohibitions);
        assertThat(version.approves("education")).isTrue();
        assertThat(version.approves("consultation")).isFalse();
    }
}
