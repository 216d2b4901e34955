package fr.avec.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DateDetectionTest {

    private final Protector protector = SmallLexicon.PROTECTOR;

    private List<String> found(String text, Label label) {
        return protector.detect(text).stream().filter(e -> e.label() == label).map(Entity::text).toList();
    }

    @Test
    void numericDates() {
        assertThat(found("Hospitalisé du 03/03/2021 au 12.03.21, contrôle le 2021-04-01.", Label.DATE))
                .containsExactly("03/03/2021", "12.03.21", "2021-04-01");
    }

    @Test
    void writtenDatesWithAndWithoutYear() {
        assertThat(found("Vu le 3 mars 2021 puis le 1er avril, revu en septembre 2022.", Label.DATE))
                .containsExactly("3 mars 2021", "1er avril", "septembre 2022");
    }

    @Test
    void datesInWordsFromATranscript() {
        assertThat(found("alors on s'est vu le trois mars deux mille vingt et un et depuis", Label.DATE))
                .containsExactly("trois mars deux mille vingt et un");
        assertThat(found("c'était le vingt-cinq décembre", Label.DATE)).containsExactly("vingt-cinq décembre");
    }

    @Test
    void datesOfBirthAreToldApartByContext() {
        assertThat(found("Née le 03/04/1948 à Lyon", Label.DATE_NAISSANCE)).containsExactly("03/04/1948");
        assertThat(found("DDN : 12/05/1950", Label.DATE_NAISSANCE)).containsExactly("12/05/1950");
        assertThat(found("Date de naissance : 7 juillet 1962", Label.DATE_NAISSANCE)).containsExactly("7 juillet 1962");
        assertThat(found("Opéré le 03/04/2019.", Label.DATE_NAISSANCE)).isEmpty();
    }

    @Test
    void partialDatesNeedADateContext() {
        assertThat(found("Revu le 15/04 au CMP.", Label.DATE)).containsExactly("15/04");
        assertThat(found("TA 12/8, FC 80.", Label.DATE)).isEmpty();
        assertThat(found("Hospitalisée en 2019 pour une pneumopathie.", Label.DATE)).containsExactly("2019");
        assertThat(found("Paracétamol 1000 mg, 2000 mg par jour maximum.", Label.DATE)).isEmpty();
    }

    @Test
    void agesOverEightyNineAreFoundYoungerAreNot() {
        assertThat(found("Patiente de 94 ans, son mari a 72 ans.", Label.DATE)).containsExactly("94 ans");
    }

    @Test
    void monthNamesAloneAreNotDates() {
        assertThat(found("Elle reviendra en mai. Le mars est une planète.", Label.DATE)).isEmpty();
    }
}
