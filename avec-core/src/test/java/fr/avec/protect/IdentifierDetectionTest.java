package fr.avec.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IdentifierDetectionTest {

    private final Protector protector = SmallLexicon.PROTECTOR;

    private List<String> found(String text, Label label) {
        return protector.detect(text).stream().filter(e -> e.label() == label).map(Entity::text).toList();
    }

    @Test
    void nirWithValidKeyIsFoundInAnyGrouping() {
        // 1 84 12 75 108 042 key: 97 - (1841275108042 mod 97)
        String body = "1841275108042";
        int key = Checksums.nirKey(body);
        String compact = body + (key < 10 ? "0" + key : key);
        assertThat(found("Assuré n° " + compact + " ce jour", Label.SECU)).containsExactly(compact);
        String spaced = "1 84 12 75 108 042 " + compact.substring(13);
        assertThat(found("NIR : " + spaced + ".", Label.SECU)).containsExactly(spaced);
        String dotted = "1.84.12.75.108.042." + compact.substring(13);
        assertThat(found("le numéro " + dotted, Label.SECU)).containsExactly(dotted);
    }

    @Test
    void corsicanNirKeyReadsTwoAAsNineteen() {
        String body = "275052A012345";
        int key = Checksums.nirKey(body);
        String nir = "2 75 05 2A 012 345 " + (key < 10 ? "0" + key : key);
        assertThat(Checksums.validNir(nir.replace(" ", ""))).isTrue();
        assertThat(found("Sécurité sociale : " + nir, Label.SECU)).containsExactly(nir);
    }

    @Test
    void thirteenDigitsAreANirOnlyInContext() {
        assertThat(found("N° de sécurité sociale : 1 84 12 75 108 042", Label.SECU)).hasSize(1);
        assertThat(found("Lot 1841275108042 du fabricant", Label.SECU)).isEmpty();
    }

    @Test
    void wrongKeyOutsideContextIsNotANir() {
        String body = "1841275108042";
        int key = (Checksums.nirKey(body) + 1) % 97;
        assertThat(found("référence " + body + (key < 10 ? "0" + key : key), Label.SECU)).isEmpty();
        assertThat(found("NIR " + body + (key < 10 ? "0" + key : key), Label.SECU)).hasSize(1);
    }

    @Test
    void insIsToldFromSecuByItsContext() {
        assertThat(found("Matricule INS : 2 48 04 69 123 456 36", Label.INS)).hasSize(1);
    }

    @Test
    void ibanIsCheckedModulo97() {
        assertThat(found("IBAN FR76 3000 6000 0112 3456 7890 189 pour le remboursement", Label.IBAN))
                .containsExactly("FR76 3000 6000 0112 3456 7890 189");
        assertThat(found("code FR12 3456 7890 1234 5678 9012 345", Label.IBAN)).isEmpty();
    }

    @Test
    void rppsAdeliFinessAfterTheirContextWords() {
        assertThat(found("Dr Martin, RPPS 10003456789", Label.RPPS)).containsExactly("10003456789");
        assertThat(found("N° ADELI : 331234567", Label.ADELI)).containsExactly("331234567");
        assertThat(found("FINESS : 330781196", Label.FINESS)).containsExactly("330781196");
        assertThat(found("établissement 330781196", Label.FINESS)).containsExactly("330781196"); // known establishment
    }

    @Test
    void ippAndNdaFollowTheirContextWords() {
        assertThat(found("IPP : 8001234567    NDA : 2021-00123", Label.IPP)).containsExactly("8001234567");
        assertThat(found("IPP : 8001234567    NDA : 2021-00123", Label.NDA)).containsExactly("2021-00123");
        assertThat(found("N° de séjour 21A004567", Label.NDA)).containsExactly("21A004567");
        assertThat(found("Numéro de dossier: 000123456", Label.NDA)).containsExactly("000123456");
    }

    @Test
    void configuredLocalFormatsAreFoundAnywhere() {
        Protector local = Protector.builder().ippPattern(Pattern.compile("\\bP\\d{8}\\b")).build();
        assertThat(local.detect("dossier P12345678 transmis")).extracting(Entity::label).containsExactly(Label.IPP);
    }

    @Test
    void phonesInEveryFrenchLayout() {
        for (String phone : List.of("06 12 34 56 78", "06.12.34.56.78", "0612345678", "06-12-34-56-78", "+33 6 12 34 56 78",
                "+33 (0)1 42 34 56 78", "0033 1 42 34 56 78", "+262 262 12 34 56", "05 56 79 56 79")) {
            assertThat(found("Joignable au " + phone + " le matin", Label.TEL)).as(phone).containsExactly(phone);
        }
        assertThat(found("secrétariat poste 4321", Label.TEL)).containsExactly("4321");
    }

    @Test
    void mailsAndUrls() {
        assertThat(found("écrire à jean.dupont@chu-bordeaux.fr.", Label.MAIL)).containsExactly("jean.dupont@chu-bordeaux.fr");
        assertThat(found("voir https://www.chu-lyon.fr/patient?id=12, merci", Label.URL)).containsExactly("https://www.chu-lyon.fr/patient?id=12");
        assertThat(found("site www.clinique-du-parc.fr.", Label.URL)).containsExactly("www.clinique-du-parc.fr");
    }

    @Test
    void labValuesAndDosesAreNotIdentifiers() {
        String text = "Plaquettes 245 000/mm3, leucocytes 12 500, créatinine 85 µmol/L, HbA1c 7,2 %, "
                + "Kardégic 75 mg, poids 72,5 kg, TA 135/80 mmHg, lot 2023-45, INR 2,5.";
        assertThat(protector.detect(text)).isEmpty();
    }
}
