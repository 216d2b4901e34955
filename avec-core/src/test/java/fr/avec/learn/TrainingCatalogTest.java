package fr.avec.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingCatalogTest {

    private final TrainingCatalog french = TrainingCatalog.forLocale(Locale.FRENCH);
    private final TrainingCatalog english = TrainingCatalog.forLocale(Locale.ENGLISH);

    @Test
    void bothLanguagesHaveTheSameModulesAndQuizShape() {
        assertThat(french.modules()).hasSize(7);
        assertThat(english.modules()).extracting(TrainingModule::id)
                .containsExactlyElementsOf(french.modules().stream().map(TrainingModule::id).toList());
        for (int m = 0; m < french.modules().size(); m++) {
            TrainingModule fr = french.modules().get(m);
            TrainingModule en = english.modules().get(m);
            assertThat(en.questions()).hasSameSizeAs(fr.questions());
            for (int q = 0; q < fr.questions().size(); q++) {
                // Same right answer position, so that a grade does not depend on the language.
                assertThat(en.questions().get(q).correct()).as(fr.id() + " question " + q).isEqualTo(fr.questions().get(q).correct());
                assertThat(en.questions().get(q).choices()).hasSameSizeAs(fr.questions().get(q).choices());
            }
            assertThat(fr.markdown()).contains("Sources");
            assertThat(en.markdown()).contains("Sources");
        }
    }

    @Test
    void frenchContentIsReadAsUtf8() {
        TrainingModule secrecy = french.module("02-donnees-identifiantes").orElseThrow();
        assertThat(secrecy.title()).isEqualTo("Données identifiantes et secret médical");
        assertThat(secrecy.markdown()).contains("L.1110-4").doesNotContain("## Quiz");
        assertThat(TrainingCatalog.forLocale(Locale.GERMAN).locale().getLanguage()).isEqualTo("fr");
    }

    @Test
    void gradingNeedsEightyPercent() {
        TrainingModule module = french.modules().get(0);
        Map<Integer, Integer> allRight = new HashMap<>();
        for (int q = 0; q < module.questions().size(); q++) {
            allRight.put(q, module.questions().get(q).correct());
        }
        assertThat(Quiz.grade(module, allRight).passed()).isTrue();

        Map<Integer, Integer> oneWrong = new HashMap<>(allRight);
        oneWrong.put(0, (module.questions().get(0).correct() + 1) % module.questions().get(0).choices().size());
        Quiz.Grade grade = Quiz.grade(module, oneWrong);
        assertThat(grade.right()).isEqualTo(module.questions().size() - 1);
        assertThat(grade.wrong()).containsExactly(0);
        // 2 of 3 is 67 %: below the pass mark.
        assertThat(grade.passed()).isFalse();
        assertThat(Quiz.grade(module, Map.of()).passed()).isFalse();
    }

    @Test
    void trainingExpiresAfterTheRefresherPeriod() {
        Instant now = Instant.parse("2026-11-29T10:00:00Z");
        Map<String, Instant> passed = new HashMap<>();
        french.modules().forEach(m -> passed.put(m.id(), now.minus(Duration.ofDays(300))));
        assertThat(Quiz.current(french, passed, Duration.ofDays(365), now)).isTrue();
        assertThat(Quiz.current(french, passed, Duration.ofDays(180), now)).isFalse();
        passed.remove(french.modules().get(3).id());
        assertThat(Quiz.current(french, passed, Duration.ofDays(365), now)).isFalse();
    }

    @Test
    void malformedModulesAreRejected() {
        assertThatThrownBy(() -> TrainingCatalog.parse("x", "no title")).hasMessageContaining("'# Title'");
        assertThatThrownBy(() -> TrainingCatalog.parse("x", "# T\nbody\n## Quiz\n? Q\n+ a\n+ b\n> e\n"))
                .hasMessageContaining("two right answers");
        assertThatThrownBy(() -> TrainingCatalog.parse("x", "# T\nbody\n## Quiz\n? Q\n- a\n- b\n"))
                .hasMessageContaining("explanation");
    }
}
