package fr.avec.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuantityScannerTest {

    @Test
    void readsDecimalCommaAndUnits() {
        List<Quantity> q = QuantityScanner.scan("Température 38,5 °C, paracétamol 1 g puis 500mg.");
        assertThat(q).extracting(Quantity::describe).containsExactly("38.5 °C", "1 g", "500 mg");
        assertThat(q.get(1).baseValue()).isEqualTo(q.get(2).baseValue() * 2);
    }

    @Test
    void oneGramIsAThousandMilligrams() {
        Quantity gram = QuantityScanner.scan("1 g").get(0);
        Quantity milligrams = QuantityScanner.scan("1000 mg").get(0);
        assertThat(gram.dimension()).isEqualTo(milligrams.dimension());
        assertThat(gram.baseValue()).isEqualTo(milligrams.baseValue());
    }

    @Test
    void readsNumbersWrittenInWords() {
        List<Quantity> q = QuantityScanner.scan("il pèse soixante-treize kilos et a quatre-vingt-dix-sept ans");
        assertThat(q).extracting(Quantity::describe).containsExactly("73 kg", "97 an");
        assertThat(QuantityScanner.scan("trente-huit virgule cinq").get(0).value()).isEqualTo(38.5);
        assertThat(QuantityScanner.scan("deux et demi").get(0).value()).isEqualTo(2.5);
        assertThat(QuantityScanner.scan("twenty six years old").get(0).describe()).isEqualTo("26 an");
    }

    @Test
    void readsFrenchBloodPressureAsARatio() {
        Quantity spoken = QuantityScanner.scan("tension à quatorze-neuf").get(0);
        assertThat(spoken.kind()).isEqualTo(Quantity.Kind.RATIO);
        assertThat(spoken.value()).isEqualTo(14);
        assertThat(spoken.second()).isEqualTo(9);
        Quantity written = QuantityScanner.scan("TA 140/90 mmHg").get(0);
        assertThat(written.kind()).isEqualTo(Quantity.Kind.RATIO);
        assertThat(written.second()).isEqualTo(90);
    }

    @Test
    void yearsAndDurationsAsSpeechSaysThem() {
        assertThat(QuantityScanner.scan("she quit in nineteen eighty-five").get(0).value()).isEqualTo(1985);
        assertThat(QuantityScanner.scan("it started a week ago").get(0).describe()).isEqualTo("1 sem");
        assertThat(QuantityScanner.scan("twice a day")).extracting(Quantity::describe).containsExactly("2 fois/j");
    }

    @Test
    void datesWithMonthNamesAndOrdinals() {
        assertThat(QuantityScanner.scan("vu le 12 mars 2024").get(0).describe()).isEqualTo("12/03/2024");
        assertThat(QuantityScanner.scan("on July 31, 2008").get(0).describe()).isEqualTo("31/07/2008");
        assertThat(QuantityScanner.scan("le douze mars").get(0).describe()).isEqualTo("12/03");
        assertThat(QuantityScanner.scan("the 3rd visit").get(0).value()).isEqualTo(3);
    }

    @Test
    void twoUnitsInARowAreTwoNumbers() {
        assertThat(QuantityScanner.scan("deux trois fois")).hasSize(2);
    }

    @Test
    void readsFrequenciesAndPerKilogramDoses() {
        List<Quantity> q = QuantityScanner.scan("500 mg x 3/j, soit 15 mg/kg/j");
        assertThat(q).extracting(Quantity::describe).containsExactly("500 mg", "3 fois/j", "15 mg/kg/j");
        assertThat(QuantityScanner.scan("trois fois par jour").get(0).describe()).isEqualTo("3 fois/j");
    }

    @Test
    void identifiersAndDatesAreNotPlainNumbers() {
        List<Quantity> q = QuantityScanner.scan("Vitamine B12, COVID-19, vu le 12/03/2024.");
        assertThat(q).hasSize(1);
        assertThat(q.get(0).kind()).isEqualTo(Quantity.Kind.DATE);
        assertThat(q.get(0).describe()).isEqualTo("12/03/2024");
    }

    @Test
    void offsetsIndexTheOriginalTextAcrossLigaturesAndLineBreaks() {
        String text = "Cœur régulier,\nFC 72 bpm";
        Quantity q = QuantityScanner.scan(text).get(0);
        assertThat(text.substring(q.start(), q.end())).isEqualTo("72 bpm");
    }
}
