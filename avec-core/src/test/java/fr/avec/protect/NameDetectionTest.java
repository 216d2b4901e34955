package fr.avec.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameDetectionTest {

    private final Protector protector = SmallLexicon.PROTECTOR;

    private List<String> found(String text) {
        return protector.detect(text).stream()
                .filter(e -> e.label() == Label.NOM || e.label() == Label.PRENOM)
                .map(e -> e.label() + ":" + e.text()).toList();
    }

    @Test
    void namesAfterTitles() {
        assertThat(found("Vu ce jour Mme Marie DUPONT pour suivi.")).containsExactly("PRENOM:Marie", "NOM:DUPONT");
        assertThat(found("adressé par le Dr Lefebvre.")).containsExactly("NOM:Lefebvre");
        assertThat(found("M. Jean-Pierre Durand, 54 ans")).containsExactly("PRENOM:Jean-Pierre", "NOM:Durand");
        assertThat(found("Pr Le Gall a validé.")).containsExactly("NOM:Le Gall");
        assertThat(found("Monsieur le Professeur Bernard")).containsExactly("NOM:Bernard");
    }

    @Test
    void aTitleNamesEvenAnUnknownOrCommonWordName() {
        assertThat(found("Mme Zyxqwert est sortie.")).containsExactly("NOM:Zyxqwert");
        assertThat(found("Dr Petit, cardiologue")).containsExactly("NOM:Petit");
    }

    @Test
    void headerFields() {
        assertThat(found("Nom : DUPONT\nPrénom : Hélène\n")).containsExactly("NOM:DUPONT", "PRENOM:Hélène");
        assertThat(found("Patient : KOWALCZYK Antoine\n")).containsExactly("NOM:KOWALCZYK", "PRENOM:Antoine");
        assertThat(found("Copie à : Dr Jean Blanc, Dr Sophie Fort\n"))
                .containsExactly("PRENOM:Jean", "NOM:Blanc", "PRENOM:Sophie", "NOM:Fort");
    }

    @Test
    void tablesWithSeveralFieldsOnOneLineAndGenderedLabels() {
        assertThat(found("NOM : DUPONT PRENOM : MARIE SEXE : F\n")).containsExactly("NOM:DUPONT", "PRENOM:MARIE");
        assertThat(found("Patient(e) : Zyxqwert Hélène\n")).contains("NOM:Zyxqwert");
        assertThat(found("vu par dr kowalczyk ce matin")).containsExactly("NOM:kowalczyk");
    }

    @Test
    void pairsBackedByTheFirstNameLexicon() {
        assertThat(found("Appel de son fils Luc Kowalczyk ce matin.")).containsExactly("PRENOM:Luc", "NOM:Kowalczyk");
        assertThat(found("DURAND Claire, 45 ans")).containsExactly("NOM:DURAND", "PRENOM:Claire");
        assertThat(found("DUPONT MARIE\nNée le 03/04/1948")).containsExactly("NOM:DUPONT", "PRENOM:MARIE");
    }

    @Test
    void propagationFindsOtherMentionsInAnyCaseAndWithoutAccents() {
        List<String> names = found("Mme Hélène HÉLIE est vue ce jour. HELIE Helene signale des douleurs. Mme Hélie reviendra.");
        assertThat(names).containsExactly("PRENOM:Hélène", "NOM:HÉLIE", "NOM:HELIE", "PRENOM:Helene", "NOM:Hélie");
    }

    @Test
    void aLineBreakInsideANameAfterATitle() {
        assertThat(found("Dr\nMartin")).containsExactly("NOM:Martin");
        assertThat(found("Patient : Jean\nDUPONT")).contains("PRENOM:Jean");
    }

    @Test
    void transcriptsWithoutCapitals() {
        assertThat(found("bonjour madame kowalczyk asseyez-vous")).containsExactly("NOM:kowalczyk");
    }

    @Test
    void eponymsAreNotNames() {
        assertThat(found("Maladie de Crohn, maladie de Parkinson, signe de Babinski, score de Glasgow.")).isEmpty();
        assertThat(found("Mme Marie Dupont, atteinte d'une maladie de Parkinson. Mme Dupont va mieux.")).doesNotContain("NOM:Parkinson");
    }

    @Test
    void commonWordsThatAreAlsoSurnamesStayWords() {
        String text = "Mme Sophie Blanc. Les selles sont de couleur blanc, le teint est rose, un fort souffle.";
        assertThat(found(text)).containsExactly("PRENOM:Sophie", "NOM:Blanc");
    }

    @Test
    void rosesAndPierresOpeningASentenceAreWords() {
        assertThat(found("Pierre angulaire du traitement : la metformine.")).isEmpty();
    }

    @Test
    void signatureWithRoleAfterTheName() {
        assertThat(found("Dr Sophie PETIT\nChef de service")).containsExactly("PRENOM:Sophie", "NOM:PETIT");
        assertThat(found("Dr J. Martin")).containsExactly("PRENOM:J.", "NOM:Martin");
    }
}
