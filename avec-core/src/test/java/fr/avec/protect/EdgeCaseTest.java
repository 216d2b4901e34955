package fr.avec.protect;

import static org.assertj.core.api.Assertions.assertThat;

import fr.avec.data.lexicon.Lexicons;
import fr.avec.testing.SharedData;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The edge cases of the developers' guide, with the full reference lexicons: accents, a name broken over two lines,
 * a NIR split by spaces, dates in words, transcripts without punctuation or with speaker labels, signature blocks,
 * copies-to lists and tables.
 */
class EdgeCaseTest {

    private static Protector protector;

    @BeforeAll
    static void load() throws IOException {
        protector = Protector.fromLexicons(Lexicons.load(SharedData.lexicons()));
    }

    private static List<String> found(String text, Label label) {
        return protector.detect(text).stream().filter(e -> e.label() == label).map(Entity::text).toList();
    }

    @Test
    void aNameIsFoundWithOrWithoutItsAccentsAndInAnyCase() {
        String text = "Mme Hélène LEFÈVRE est revue ce jour. Mme Lefevre va mieux.\nSignature de la patiente : HELENE LEFEVRE";
        assertThat(found(text, Label.NOM)).contains("LEFÈVRE", "Lefevre").anyMatch(n -> n.contains("LEFEVRE"));
        assertThat(String.join(" ", found(text, Label.PRENOM)) + " " + String.join(" ", found(text, Label.NOM)))
                .contains("Hélène").contains("HELENE");
    }

    @Test
    void aNameBrokenOverTwoLinesIsFoundWhole() {
        String text = "Patient : Jean-Pierre\nDUPONT\nNé le 03/04/1948";
        assertThat(found(text, Label.PRENOM)).containsExactly("Jean-Pierre");
        assertThat(found(text, Label.NOM)).containsExactly("DUPONT");
        assertThat(found(text, Label.DATE_NAISSANCE)).containsExactly("03/04/1948");
    }

    @Test
    void aNirIsFoundHoweverItsDigitsAreGrouped() {
        assertThat(found("NIR : 1 85 05 78 006 084 36", Label.SECU)).containsExactly("1 85 05 78 006 084 36");
        assertThat(found("N° sécurité sociale 185 05 78 006 084 36", Label.SECU)).containsExactly("185 05 78 006 084 36");
        assertThat(found("NIR 18505 78006 08436", Label.SECU)).containsExactly("18505 78006 08436");
        // Corsica, without its key: 12 digits and « 2A », found in context.
        assertThat(found("NIR : 2 85 05 2A 006 084", Label.SECU)).containsExactly("2 85 05 2A 006 084");
    }

    @Test
    void datesWrittenInWordsAreFound() {
        assertThat(found("le rendez-vous est le trois mars deux mille vingt et un à dix heures", Label.DATE))
                .containsExactly("trois mars deux mille vingt et un");
        assertThat(found("née le premier janvier mil neuf cent cinquante", Label.DATE_NAISSANCE))
                .containsExactly("premier janvier mil neuf cent cinquante");
    }

    @Test
    void lowerCaseNamesInATranscriptWithoutPunctuationAreFound() {
        String text = "bonjour madame rose asseyez-vous je vous écoute et le docteur marie vous a revue "
                + "oui avec monsieur de la fontaine et ma fille alix";
        List<Entity> entities = protector.detect(text);
        assertThat(entities).extracting(Entity::text).contains("rose", "marie", "de la fontaine");
        // « madame vous », « docteur je »: a pronoun after a title is never a name.
        assertThat(found("oui madame je vous écoute merci docteur vous avez raison", Label.NOM)).isEmpty();
    }

    @Test
    void speakerLabelsOfATranscriptAreNotNameFields() {
        String text = """
                Médecin : Bonjour madame, asseyez-vous.
                Patient : Bonjour docteur, j'ai toujours mal au dos depuis mardi.
                Médecin : Vous prenez le Doliprane ?
                Patient : Oui, trois fois par jour, et ma fille Camille trouve que je maigris.
                Médecin : Votre PaCO2 était à 45 et la SpO2 à 92 %.
                Patient : D'accord.
                """;
        assertThat(protector.detect(text)).extracting(Entity::text).containsExactly("Camille");
    }

    @Test
    void aSignatureBlockGivesTheNameAndTheIdentifiersNotTheRole() {
        String text = "Dr Jean DUPONT\nChef de service\nRPPS 10003456789\nTél : 01 23 45 67 89";
        assertThat(found(text, Label.PRENOM)).containsExactly("Jean");
        assertThat(found(text, Label.NOM)).containsExactly("DUPONT");
        assertThat(found(text, Label.RPPS)).containsExactly("10003456789");
        assertThat(found(text, Label.TEL)).containsExactly("01 23 45 67 89");
    }

    @Test
    void everyNameOfACopiesToListIsFound() {
        String text = "Copie à : Dr Marie DURAND, Dr Paul MARTIN ; Mme Sophie BERNARD et M. Luc PETIT";
        assertThat(found(text, Label.NOM)).containsExactly("DURAND", "MARTIN", "BERNARD", "PETIT");
        assertThat(found(text, Label.PRENOM)).containsExactly("Marie", "Paul", "Sophie", "Luc");
    }

    @Test
    void cellsOfATableAreReadByTheHeadingOfTheirColumn() {
        String piped = "Nom | Prénom | Date de naissance | Ville\nDUPRÉ | Jeanne | 12/05/1950 | Rennes\n";
        assertThat(found(piped, Label.NOM)).containsExactly("DUPRÉ");
        assertThat(found(piped, Label.PRENOM)).containsExactly("Jeanne");
        assertThat(found(piped, Label.DATE_NAISSANCE)).containsExactly("12/05/1950");
        assertThat(found(piped, Label.VILLE)).containsExactly("Rennes");
        String tabbed = "Nom\tPrénom\tDDN\nLEBRUN\tPaul\t01/02/1960\n";
        assertThat(protector.detect(tabbed)).extracting(Entity::text).containsExactly("LEBRUN", "Paul", "01/02/1960");
    }

    @Test
    void unitsLabCodesAndCapitalsWithoutAccentsAreNotNames() {
        assertThat(protector.detect("SPIRAMYCINE 1,5 M UI/250 mg, BI MISSILOR 1,5 M.U.I./250 mg, héparine 5000 UI")).isEmpty();
        assertThat(protector.detect("Gazométrie : PaCO2 45 mmHg, PaO2 80, SpO2 92 %, HbA1c 7,2 %.")).isEmpty();
        assertThat(protector.detect("il prend du TEVA SANTE le soir, souche A/CROATIA/10136RV/2023")).isEmpty();
        assertThat(protector.detect("PREPARATIONS HOMEOPATHIQUES DE 3CH A 9CH")).isEmpty();
    }
}
