package fr.avec.protect;

import static org.assertj.core.api.Assertions.assertThat;

import fr.avec.data.lexicon.Lexicons;
import fr.avec.testing.SharedData;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Medical meaning that must survive pseudonymization with the full reference lexicons, where many family names
 * are also medical or ordinary words; and names that must still be found next to them.
 */
class TrapRegressionTest {

    private static Protector protector;

    @BeforeAll
    static void load() throws IOException {
        protector = Protector.fromLexicons(Lexicons.load(SharedData.lexicons()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Antécédent de maladie de Crohn traitée par azathioprine.",
        "Pas de signe de Babinski, réflexes ostéotendineux présents et symétriques.",
        "Score de Glasgow à 15 à l'arrivée, pupilles réactives.",
        "Maladie de Parkinson évoluant depuis cinq ans sous Modopar 125.",
        "Suspicion de maladie d'Alzheimer, MMSE à 22/30.",
        "Lymphome de Hodgkin en rémission complète après ABVD.",
        "Syndrome de Guillain-Barré exclu, pas de maladie de Basedow ni de thyroïdite de Hashimoto.",
        "Signe de Lasègue positif à droite, manœuvre de Valsalva sans effet.",
        "Classification de Child-Pugh B7, score MELD à 14.",
        "Fracture de Pouteau-Colles du poignet gauche, plâtre pour six semaines.",
        "Selles de couleur blanc mastic, urines foncées, teint rose.",
        "Souffle systolique fort au foyer aortique, grand axe de 3 cm.",
        "Petit épanchement pleural droit.",
        "Pierre angulaire du traitement : la metformine 850 mg deux fois par jour.",
        "Traitement : Kardégic 75 mg, Doliprane 1000 mg si douleur, Lasilix 40 mg, Eliquis 5 mg matin et soir.",
        "Créatinine 85 µmol/L, DFG 78 mL/min, CRP 12 mg/L, plaquettes 245 000/mm3, Hb 12,4 g/dL.",
        "TA 12/8, FC 72/min, SpO2 98 %, température 37,2 °C, poids 72,5 kg.",
        "Mise en place d'une voie veineuse périphérique au cours de la prise en charge.",
        "Bilan en clinique de la douleur, puis hôpital de jour.",
        "Insuffisance cardiaque NYHA II, FEVG à 45 %, BNP 350 pg/mL.",
        "AMOXICILLINE 1 g : 1 comprimé 3 fois par jour pendant 7 jours.",
        "Le patient est vu en consultation pour une lombalgie commune.",
        "Échelle de Borg à 4, test de marche de six minutes à 420 m.",
        "Sonde de Foley en place, drain de Redon retiré.",
    })
    void medicalMeaningIsNeverRedacted(String sentence) {
        assertThat(protector.detect(sentence)).as(sentence).isEmpty();
    }

    @Test
    void namesThatAreAlsoWordsAreFoundInContextOnly() {
        String text = "Mme Rose BLANC, suivie pour une maladie de Parkinson. Le teint de Mme Blanc est rose, ses selles sont de "
                + "couleur blanc. Dr Pierre Petit, cardiologue. Petit épanchement.";
        List<String> names = protector.detect(text).stream().map(e -> e.label() + ":" + e.text()).toList();
        assertThat(names).containsExactly("PRENOM:Rose", "NOM:BLANC", "NOM:Blanc", "PRENOM:Pierre", "NOM:Petit");
    }

    @Test
    void aFullLetterLeaksNothingAndKeepsItsMedicalContent() {
        String letter = """
                CHU de Bordeaux - Service de Cardiologie
                Place Amélie Raba-Léon, 33000 Bordeaux
                Tél : 05 56 79 56 79 - poste 4321

                Patient : LEFEBVRE Nathalie
                Née le 03/04/1948 à Lyon
                IPP : 8001234567    NDA : 2021-00123

                Bordeaux, le 12 mars 2021

                Cher confrère,
                J'ai vu en consultation Mme Nathalie Lefebvre, adressée par le Dr Pierre Martin pour une maladie de Crohn.
                Elle habite 12 rue des Lilas, 33000 Bordeaux. Son fils Kevin est joignable au 06.12.34.56.78.
                Traitement : KARDEGIC 75 mg. TA 12/8. Revue le 15/04.

                Dr Sophie DURAND
                RPPS 10003456789
                """;
        Pseudonymized p = protector.pseudonymize(letter, Policy.placeholders(), Conversation.create());
        assertThat(p.text()).doesNotContain("LEFEBVRE", "Lefebvre", "Nathalie", "1948", "Lyon", "8001234567", "2021-00123",
                "Martin", "Lilas", "Kevin", "06.12", "DURAND", "Sophie", "10003456789", "Bordeaux", "12 mars", "4321");
        assertThat(p.text()).contains("maladie de Crohn", "KARDEGIC 75 mg", "TA 12/8", "Service de Cardiologie");
    }
}
