package fr.avec.server.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-checked examples of Estimer's server-side computations: histogram median, facts changed, buckets, charts. */
class EstimateComputationsTest {

    @Test
    void theMedianIsInterpolatedInsideItsBucket() {
        long[] histogram = new long[20];
        histogram[2] = 4;
        histogram[4] = 4;
        // Eight values: the fourth and fifth straddle the end of bucket 2 (10–15 %).
        assertThat(Indicators.median(histogram).getAsDouble()).isCloseTo(0.15, within(1e-9));
        histogram[4] = 0;
        // Four values in bucket 2: half of them sit in its first half.
        assertThat(Indicators.median(histogram).getAsDouble()).isCloseTo(0.125, within(1e-9));
        assertThat(Indicators.median(new long[20])).isEmpty();
    }

    @Test
    void bucketsCoverZeroToOneInclusive() {
        assertThat(DocumentAnalyses.bucket(0)).isZero();
        assertThat(DocumentAnalyses.bucket(0.049)).isZero();
        assertThat(DocumentAnalyses.bucket(0.05)).isEqualTo(1);
        assertThat(DocumentAnalyses.bucket(1.0)).isEqualTo(19);
    }

    @Test
    void numbersAddedAndRemovedAreCountedAsMultisets() {
        int[] changes = DocumentAnalyses.numberChanges("amoxicilline 1,5 g matin et soir pendant 6 jours, fièvre à 38,5",
                "amoxicilline 1 g matin et soir pendant 6 jours, fièvre à 38,5 ; revoir à 48 h");
        assertThat(changes).containsExactly(2, 1);
    }

    @Test
    void chartsAreReadableSvgWithATextAlternative() {
        Chart chart = new Chart(Chart.Kind.LINE, "Taux <médian>", List.of("2026-10", "2026-11"), List.of(0.25, Double.NaN), 0.2, true);
        String svg = chart.svg();
        assertThat(svg).startsWith("<svg").contains("<title>Taux &lt;médian&gt; — 2 points, de 25 % à 25 %</title>")
                .contains("objectif 20 %").doesNotContain("NaN").doesNotContain("<script");
        assertThat(new Chart(Chart.Kind.BAR, "Vide", List.of(), List.of(), Double.NaN, false).svg()).contains("—");
    }
}
