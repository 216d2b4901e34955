package fr.avec.server.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fr.avec.estimate.Indicator;
import fr.avec.estimate.Objective;
import fr.avec.server.AvecServer;
import fr.avec.server.security.Role;
import fr.avec.server.storage.TestDatabases;
import fr.avec.server.web.AiUseGate;
import fr.avec.server.web.LocalAccounts;
import fr.avec.server.workbench.Consultation;
import fr.avec.server.workbench.Consultations;
import fr.avec.server.workbench.NoteTemplates;
import fr.avec.server.workbench.ReviewFinding;
import fr.avec.server.workbench.Reviews;
import fr.avec.testing.SharedData;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Estimer's storage on both databases, on hand-checked documents validated by the workbench's own code: the
 * corrections analysis of each, the daily roll-ups, the indicators and their objective statuses, the needs
 * sheet and its sign-off, the usability questionnaire and the reference cases.
 */
class EstimateStorageTest {

    static final String TRANSCRIPT = "Médecin : qu'est-ce qui vous amène ?\nPatient : je tousse, une toux sèche depuis trois jours.";

    @TempDir
    Path home;
    private TestDatabases.Target pg;

    @AfterEach
    void dropSchema() {
        TestDatabases.dropPostgresql(pg);
    }

    @Test
    void onH2() throws Exception {
        scenario(TestDatabases.h2());
    }

    @Test
    void onPostgresql() throws Exception {
        pg = TestDatabases.postgresql();
        scenario(pg);
    }

    private void scenario(TestDatabases.Target db) throws Exception {
        List<String> args = new ArrayList<>(List.of("--avec.home=" + home, "--avec.data-dir=" + SharedData.root(), "--avec.db.url=" + db.url(),
                "--avec.db.user=" + db.user(), "--avec.db.password=" + db.password(), "--logging.level.root=WARN",
                "--avec.estimate.refresh-delay=1h"));
        if (db.schema() != null) {
            args.add("--spring.flyway.schemas=" + db.schema());
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AvecServer.class).web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new))) {
            LocalAccounts accounts = context.getBean(LocalAccounts.class);
            Consultations consultations = context.getBean(Consultations.class);
            Reviews reviews = context.getBean(Reviews.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            accounts.createOrUpdate("dr.martin", "correct-horse-battery-staple", Role.CLINICIAN, "Dr Claire Martin", "médecin");
            jdbc.sql("INSERT INTO estimate_service (user_name, service) VALUES ('dr.martin', 'Pneumologie')").update();
            LocalAccounts.Account martin = accounts.find("dr.martin").orElseThrow();
            long template = context.getBean(NoteTemplates.class).active().getFirst().id();

            String draft = "Motif : toux sèche depuis trois jours.";
            long unedited = aiDocument(consultations, reviews, martin, template, draft, draft);
            long edited = aiDocument(consultations, reviews, martin, template, draft, "Motif : toux grasse depuis trois jours.");
            long manual = consultations.create("dr.martin", null, null, null, Consultation.RecordingConsent.REFUSED, false, "");
            reviews.validate(consultations.find(manual).orElseThrow(), martin, null, "Motif : toux. Conclusion : bronchite.");

            DocumentAnalyses analyses = context.getBean(DocumentAnalyses.class);
            assertThat(analyses.scan()).isEqualTo(3);
            assertThat(analyses.scan()).isZero();
            // « sèche » → « grasse »: one substituted word out of six.
            assertThat(jdbc.sql("SELECT edit_rate FROM document_analysis WHERE consultation_id = ?").param(edited).query(Double.class).single())
                    .isCloseTo(1.0 / 6, within(1e-9));
            assertThat(jdbc.sql("SELECT unedited FROM document_analysis WHERE consultation_id = ?").param(unedited).query(Boolean.class).single())
                    .isTrue();
            assertThat(jdbc.sql("SELECT service FROM document_analysis WHERE consultation_id = ?").param(manual).query(String.class).single())
                    .isEqualTo("Pneumologie");

            NeedsSheets needs = context.getBean(NeedsSheets.class);
            needs.save(AiUseGate.CONSULTATION, "Comptes rendus", "Transcriptions", "Temps gagné", "Dictée",
                    List.of(new Objective(Indicator.EDIT_RATE_MEDIAN, Objective.Comparison.AT_MOST, 0.2),
                            new Objective(Indicator.WITHOUT_AI_SHARE, Objective.Comparison.AT_LEAST, 0.5),
                            new Objective(Indicator.SUS_MEAN, Objective.Comparison.AT_LEAST, 68)), "ref.dupont");
            assertThat(needs.sign(AiUseGate.CONSULTATION, "dpo.leroy")).isTrue();
            assertThat(needs.find(AiUseGate.CONSULTATION).orElseThrow().signed()).isTrue();
            assertThatThrownBy(() -> needs.save(AiUseGate.CONSULTATION, " ", "x", "x", "x", List.of(), "ref.dupont"))
                    .hasMessage("needs.error.required");

            UsabilitySurveys surveys = context.getBean(UsabilitySurveys.class);
            assertThat(surveys.due("dr.martin", AiUseGate.CONSULTATION)).isTrue();
            assertThat(surveys.answer("dr.martin", AiUseGate.CONSULTATION, List.of(4, 2, 4, 2, 4, 2, 4, 2, 4, 2))).isEqualTo(75.0);
            assertThat(surveys.due("dr.martin", AiUseGate.CONSULTATION)).isFalse();

            LocalDate today = java.time.Instant.now().atOffset(ZoneOffset.UTC).toLocalDate();
            Indicators.Snapshot s = context.getBean(Indicators.class).compute(
                    new Indicators.Filter(today.minusDays(1), today.plusDays(1), AiUseGate.CONSULTATION, null, null, null, null),
                    needs.objectives(AiUseGate.CONSULTATION));
            assertThat(s.totals().documents()).isEqualTo(3);
            assertThat(s.totals().withoutAi()).isEqualTo(1);
            assertThat(s.totals().unedited()).isEqualTo(1);
            assertThat(s.totals().meanEditRate().getAsDouble()).isCloseTo(1.0 / 12, within(1e-9));
            // Histogram: one draft in bucket 0 (0 %), one in bucket 3 (15–20 %); the median falls at the end of bucket 0.
            assertThat(s.totals().medianEditRate().getAsDouble()).isCloseTo(0.05, within(1e-9));
            assertThat(s.byService()).extracting(Indicators.Part::name).containsExactly("Pneumologie");
            // Stored in indicator order: median 5 % ≤ 20 %, SUS 75 ≥ 68, but one document in three without AI < 50 %.
            assertThat(s.objectives()).extracting(o -> o.objective().indicator() + "=" + o.status())
                    .containsExactly("EDIT_RATE_MEDIAN=MET", "SUS_MEAN=MET", "WITHOUT_AI_SHARE=NOT_MET");
            assertThat(s.susMean().getAsDouble()).isEqualTo(75.0);

            ReferenceCases references = context.getBean(ReferenceCases.class);
            assertThat(references.mark(manual, AiUseGate.CONSULTATION, "ref.dupont")).isFalse();
            assertThat(references.mark(edited, AiUseGate.CONSULTATION, "ref.dupont")).isTrue();
            assertThat(references.cases(AiUseGate.CONSULTATION)).singleElement()
                    .satisfies(c -> assertThat(c.validatedText()).isEqualTo("Motif : toux grasse depuis trois jours."));
            assertThat(context.getBean(GatewayRollup.class).run()).isZero();
        }
    }

    private static long aiDocument(Consultations consultations, Reviews reviews, LocalAccounts.Account who, long template, String draft,
                                   String validated) throws Exception {
        long id = consultations.create(who.name(), null, template, "mistral-small-3.2", Consultation.RecordingConsent.GRANTED, true, TRANSCRIPT);
        consultations.draftReady(id, draft, null, "mistral-small-3.2-2506");
        consultations.saveWorkingText(id, validated);
        Consultation current = consultations.find(id).orElseThrow();
        for (ReviewFinding finding : reviews.review(current).findings()) {
            if (finding.blocking()) {
                reviews.dismiss(current, finding.kind(), finding.text(), "vérifié", who.name());
            }
        }
        reviews.validate(consultations.find(id).orElseThrow(), who, null, validated);
        return id;
    }
}
