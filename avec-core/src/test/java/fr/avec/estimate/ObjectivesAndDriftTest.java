package fr.avec.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ObjectivesAndDriftTest {

    @Test
    void objectivesAgainstMeasuredValues() {
        Objective editRate = new Objective(Indicator.EDIT_RATE_MEDIAN, Objective.Comparison.AT_MOST, 0.2);
        assertThat(editRate.evaluate(OptionalDouble.of(0.12))).isEqualTo(Objective.Status.MET);
        assertThat(editRate.evaluate(OptionalDouble.of(0.2))).isEqualTo(Objective.Status.MET);
        assertThat(editRate.evaluate(OptionalDouble.of(0.35))).isEqualTo(Objective.Status.NOT_MET);
        assertThat(editRate.evaluate(OptionalDouble.empty())).isEqualTo(Objective.Status.NO_DATA);
        assertThat(editRate.describeFr()).isEqualTo("taux de correction médian ≤ 20 %");

        Objective withoutAi = new Objective(Indicator.WITHOUT_AI_SHARE, Objective.Comparison.AT_LEAST, 0.1);
        assertThat(withoutAi.evaluate(OptionalDouble.of(0.04))).isEqualTo(Objective.Status.NOT_MET);

        Objective unresolved = new Objective(Indicator.UNRESOLVED_DRUG_FINDINGS, Objective.Comparison.AT_MOST, 0);
        assertThat(unresolved.evaluate(OptionalDouble.of(1))).isEqualTo(Objective.Status.NOT_MET);
        assertThat(unresolved.describeFr()).isEqualTo("documents validés avec une alerte médicament non résolue ≤ 0");
    }

    @Test
    void sharesMustBeFractions() {
        assertThatThrownBy(() -> new Objective(Indicator.EDIT_RATE_MEDIAN, Objective.Comparison.AT_MOST, 20))
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> new Objective(Indicator.SUS_MEAN, Objective.Comparison.AT_LEAST, Double.NaN))
                .hasMessageContaining("finite");
    }

    @Test
    void driftFlagsMoreErrorsAndLowerSimilarity() {
        List<Drift.CaseResult> before = List.of(new Drift.CaseResult("c1", 0, 0.9), new Drift.CaseResult("c2", 1, 0.8),
                new Drift.CaseResult("c3", 0, 0.85));
        List<Drift.CaseResult> same = List.of(new Drift.CaseResult("c1", 0, 0.88), new Drift.CaseResult("c2", 1, 0.82),
                new Drift.CaseResult("c3", 0, 0.86));
        assertThat(Drift.compare(before, same, Drift.Thresholds.DEFAULT).degraded()).isFalse();

        List<Drift.CaseResult> worse = List.of(new Drift.CaseResult("c1", 2, 0.7), new Drift.CaseResult("c2", 1, 0.6),
                new Drift.CaseResult("c3", 1, 0.75), new Drift.CaseResult("c4", 5, 0.1));
        Drift.Report report = Drift.compare(before, worse, Drift.Thresholds.DEFAULT);
        assertThat(report.cases()).isEqualTo(3);
        assertThat(report.degraded()).isTrue();
        assertThat(report.candidateFindingsPerCase()).isEqualTo(4.0 / 3);
        assertThat(report.reasons()).hasSize(2);
        assertThat(report.reasons().get(0)).startsWith("alertes de gravité erreur par cas : 0,33 → 1,33");

        assertThatThrownBy(() -> Drift.compare(before, List.of(new Drift.CaseResult("x", 0, 1)), Drift.Thresholds.DEFAULT))
                .hasMessageContaining("share no reference case");
    }

    @Test
    void automationBiasNeedsUneditedAndFasterThanReading() {
        // 480 words take two minutes to read at 240 words a minute.
        assertThat(new AutomationBias.Validation("dr-a", true, Duration.ofSeconds(30), 480).rubberStamp()).isTrue();
        assertThat(new AutomationBias.Validation("dr-a", true, Duration.ofSeconds(150), 480).rubberStamp()).isFalse();
        assertThat(new AutomationBias.Validation("dr-a", false, Duration.ofSeconds(10), 480).rubberStamp()).isFalse();

        List<AutomationBias.Validation> month = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            month.add(new AutomationBias.Validation("dr-pressé", i < 8, Duration.ofSeconds(20), 400));
            month.add(new AutomationBias.Validation("dr-attentive", i < 3, Duration.ofSeconds(200), 400));
        }
        month.add(new AutomationBias.Validation("dr-rare", true, Duration.ofSeconds(5), 400));
        List<AutomationBias.Signal> signals = AutomationBias.signals(month, 5, 0.5);
        assertThat(signals).singleElement().satisfies(s -> {
            assertThat(s.user()).isEqualTo("dr-pressé");
            assertThat(s.rubberStamps()).isEqualTo(8);
            assertThat(s.share()).isEqualTo(0.8);
        });
    }
}
