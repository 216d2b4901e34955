package fr.avec.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceDetectionTest {

    private final Protector protector = SmallLexicon.PROTECTOR;

    private List<String> found(String text) {
        return protector.detect(text).stream().map(e -> e.label() + ":" + e.text()).toList();
    }

    @Test
    void addressWithPostalCodeAndCommune() {
        assertThat(found("Domicile : 12 bis rue du Général de Gaulle, 33000 Bordeaux"))
                .containsExactly("ADRESSE:12 bis rue du Général de Gaulle", "ZIP:33000", "VILLE:Bordeaux");
        assertThat(found("habite 3, allée des Tilleuls 42000 SAINT-ETIENNE"))
                .containsExactly("ADRESSE:3, allée des Tilleuls", "ZIP:42000", "VILLE:SAINT-ETIENNE");
    }

    @Test
    void communesAfterPlaceVerbs() {
        assertThat(found("Née le 03/04/1948 à Lyon")).contains("VILLE:Lyon");
        assertThat(found("Elle habite à Villeneuve-sur-Lot depuis peu")).contains("VILLE:Villeneuve-sur-Lot");
        assertThat(found("Bordeaux, le 12 mars 2021")).containsExactly("VILLE:Bordeaux", "DATE:12 mars 2021");
    }

    @Test
    void hospitals() {
        assertThat(found("transféré au CHU de Bordeaux")).containsExactly("HOPITAL:CHU de Bordeaux");
        assertThat(found("suivi à l'Hôpital Saint-André")).containsExactly("HOPITAL:Hôpital Saint-André");
        assertThat(found("Clinique du Parc")).containsExactly("HOPITAL:Clinique du Parc");
        assertThat(found("Centre Hospitalier de Villeneuve-sur-Lot")).containsExactly("HOPITAL:Centre Hospitalier de Villeneuve-sur-Lot");
    }

    @Test
    void universityHospitalsNamedAlone() {
        assertThat(found("adressé par l'équipe de la Pitié-Salpêtrière puis suivi à Necker.")).containsExactly(
                "HOPITAL:Pitié-Salpêtrière", "HOPITAL:Necker");
        assertThat(found("Boule de Bichat, signe de Trousseau.")).isEmpty();
    }

    @Test
    void ordinaryUsesOfStreetAndHospitalWordsStayWords() {
        assertThat(found("Au cours de la mise en place de la voie veineuse, étude clinique du Kardégic.")).isEmpty();
        assertThat(found("Il est rentré à l'hôpital puis au centre de rééducation.")).isEmpty();
    }
}
