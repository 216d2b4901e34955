package fr.avec.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UsabilityScaleTest {

    @Test
    void bestAndWorstAnswersGiveTheExtremes() {
        assertThat(UsabilityScale.score(List.of(5, 1, 5, 1, 5, 1, 5, 1, 5, 1))).isEqualTo(100.0);
        assertThat(UsabilityScale.score(List.of(1, 5, 1, 5, 1, 5, 1, 5, 1, 5))).isEqualTo(0.0);
        assertThat(UsabilityScale.score(List.of(3, 3, 3, 3, 3, 3, 3, 3, 3, 3))).isEqualTo(50.0);
    }

    @Test
    void scoreComputedByHand() {
        // (4-1)+(5-2)+(4-1)+(5-1)+(3-1)+(5-2)+(5-1)+(5-2)+(4-1)+(5-3) = 3+3+3+4+2+3+4+3+3+2 = 30 → 75
        assertThat(UsabilityScale.score(List.of(4, 2, 4, 1, 3, 2, 5, 2, 4, 3))).isEqualTo(75.0);
        assertThat(UsabilityScale.adjectiveFr(75.0)).isEqualTo("bon");
        assertThat(UsabilityScale.adjectiveFr(50.0)).isEqualTo("médiocre");
        assertThat(UsabilityScale.adjectiveFr(90.0)).isEqualTo("excellent");
    }

    @Test
    void invalidQuestionnairesAreRejected() {
        assertThatThrownBy(() -> UsabilityScale.score(List.of(3, 3, 3))).hasMessageContaining("10 statements");
        assertThatThrownBy(() -> UsabilityScale.score(List.of(3, 3, 3, 3, 3, 3, 3, 3, 3, 6))).hasMessageContaining("answer 10 is 6");
        assertThat(UsabilityScale.STATEMENTS_FR).hasSize(10);
        assertThat(UsabilityScale.STATEMENTS_EN).hasSize(10);
    }

    @Test
    void alertPrecisionPerKind() {
        var precision = AlertPrecision.byKind(List.of(
                new AlertPrecision.Outcome("UNKNOWN_DRUG", AlertPrecision.Fate.FIXED),
                new AlertPrecision.Outcome("UNKNOWN_DRUG", AlertPrecision.Fate.FIXED),
                new AlertPrecision.Outcome("UNKNOWN_DRUG", AlertPrecision.Fate.DISMISSED),
                new AlertPrecision.Outcome("NUMBER_NOT_IN_SOURCE", AlertPrecision.Fate.DISMISSED)));
        assertThat(precision.get("UNKNOWN_DRUG").precision()).isEqualTo(2.0 / 3);
        assertThat(precision.get("NUMBER_NOT_IN_SOURCE").precision()).isZero();
        assertThat(precision).containsOnlyKeys("NUMBER_NOT_IN_SOURCE", "UNKNOWN_DRUG");
    }
}
