package fr.avec.server.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.avec.server.AvecServer;
import fr.avec.server.security.Role;
import fr.avec.server.storage.TestDatabases;
import fr.avec.server.web.LocalAccounts;
import fr.avec.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The workbench's storage and review rules on both databases: a consultation from transcript to
 * validation, refusal while an error finding is open, dismissal with a reason, the record of fates,
 * template versions and patient oppositions.
 */
class WorkbenchStorageTest {

    static final String TRANSCRIPT = "Médecin : je vous prescris de l'amoxicilline 1 g matin et soir pendant 6 jours.";
    static final String DRAFT = "Conduite à tenir : amoxicilline 1,5 g matin et soir pendant 6 jours. Relais par Zorbicilline matin et soir.";

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
                "--avec.db.user=" + db.user(), "--avec.db.password=" + db.password(), "--logging.level.root=WARN"));
        if (db.schema() != null) {
            args.add("--spring.flyway.schemas=" + db.schema());
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AvecServer.class).web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new))) {
            LocalAccounts accounts = context.getBean(LocalAccounts.class);
            Consultations consultations = context.getBean(Consultations.class);
            Reviews reviews = context.getBean(Reviews.class);
            NoteTemplates templates = context.getBean(NoteTemplates.class);
            PatientOppositions oppositions = context.getBean(PatientOppositions.class);

            assertThat(accounts.createOrUpdate("dr.martin", "correct-horse-battery-staple", Role.CLINICIAN, "Dr Claire Martin", "médecin généraliste"))
                    .isTrue();
            LocalAccounts.Account martin = accounts.find("dr.martin").orElseThrow();
            assertThat(templates.active()).extracting(NoteTemplate::code).containsExactly("consultation", "suivi", "courrier");
            NoteTemplate template = templates.active().getFirst();

            long id = consultations.create("dr.martin", "PAT-7", template.id(), "mistral-small-3.2", Consultation.RecordingConsent.REFUSED,
                    true, TRANSCRIPT.replace("\n", "\r\n"));
            consultations.draftReady(id, DRAFT, "req_1", "mistral-small-3.2-2506");
            Consultation review = consultations.find(id).orElseThrow();
            assertThat(review.status()).isEqualTo(Consultation.Status.REVIEW);
            assertThat(review.workingText()).isEqualTo(DRAFT);
            assertThat(consultations.of("dr.martin", 10)).extracting(Consultation::id).containsExactly(id);

            Reviews.Review findings = reviews.review(review);
            assertThat(findings.findings()).anySatisfy(f -> assertThat(f.kind() + " " + f.text()).isEqualTo("UNKNOWN_DRUG Zorbicilline"));
            assertThat(findings.findings()).anySatisfy(f -> assertThat(f.kind() + " " + f.text()).isEqualTo("NUMBER_NOT_IN_SOURCE 1,5 g"));
            assertThat(findings.blocking()).isEqualTo(2);

            assertThatThrownBy(() -> reviews.validate(review, martin, null, DRAFT)).isInstanceOf(Reviews.ValidationRefused.class);
            assertThatThrownBy(() -> reviews.dismiss(review, "UNKNOWN_DRUG", "Zorbicilline", " ", "dr.martin"))
                    .isInstanceOf(IllegalArgumentException.class);
            reviews.dismiss(review, "UNKNOWN_DRUG", "Zorbicilline", "préparation hospitalière vérifiée", "dr.martin");
            String fixed = DRAFT.replace("1,5 g", "1 g");
            assertThat(consultations.saveWorkingText(id, fixed.replace(". ", ".\r\n"))).isTrue();
            Reviews.Review after = reviews.review(consultations.find(id).orElseThrow());
            assertThat(after.blocking()).isZero();
            assertThat(after.findings()).filteredOn(ReviewFinding::dismissed).extracting(ReviewFinding::dismissReason)
                    .containsExactly("préparation hospitalière vérifiée");

            Consultation validated = reviews.validate(consultations.find(id).orElseThrow(), martin, "", fixed);
            assertThat(validated.status()).isEqualTo(Consultation.Status.VALIDATED);
            assertThat(validated.finalText()).isEqualTo(fixed);
            assertThat(validated.validatorTitle()).isEqualTo("médecin généraliste");
            assertThat(validated.aiMention()).contains("Avec").contains("modèle mistral-small-3.2-2506")
                    .contains("validé par Dr Claire Martin, médecin généraliste le ");
            assertThat(validated.draftDiff()).contains("-Conduite à tenir : amoxicilline 1,5 g").contains("+Conduite à tenir : amoxicilline 1 g");
            assertThat(reviews.fates(id)).anySatisfy(f -> {
                assertThat(f.kind()).isEqualTo("UNKNOWN_DRUG");
                assertThat(f.fate()).isEqualTo(Reviews.Fate.DISMISSED);
                assertThat(f.reason()).isEqualTo("préparation hospitalière vérifiée");
            }).anySatisfy(f -> {
                assertThat(f.text()).isEqualTo("1,5 g");
                assertThat(f.fate()).isEqualTo(Reviews.Fate.FIXED);
            });
            assertThat(reviews.templateVersion(validated)).isEqualTo("consultation v1");
            assertThat(consultations.saveWorkingText(id, "changé après validation")).isFalse();
            assertThatThrownBy(() -> reviews.validate(validated, martin, null, fixed)).isInstanceOf(IllegalStateException.class);
            assertThat(DocumentExport.text(validated)).contains(validated.aiMention()).contains("IA utilisée : oui");

            NoteTemplate revised = templates.revise("consultation", "Consultation de médecine générale", "Nouvelle consigne.", "referent");
            assertThat(revised.version()).isEqualTo(2);
            assertThat(templates.active()).extracting(NoteTemplate::id).contains(revised.id()).doesNotContain(template.id());
            assertThat(templates.find(template.id()).orElseThrow().active()).isFalse();

            assertThat(oppositions.opposed("PAT-9")).isFalse();
            oppositions.record("PAT-9", "dr.martin");
            oppositions.record("PAT-9", "dr.martin");
            assertThat(oppositions.opposed(" PAT-9 ")).isTrue();
            oppositions.withdraw("PAT-9");
            assertThat(oppositions.opposed("PAT-9")).isFalse();

            long manual = consultations.create("dr.martin", "PAT-9", null, null, Consultation.RecordingConsent.REFUSED, false, "");
            Consultation withoutAi = reviews.validate(consultations.find(manual).orElseThrow(), martin, null, "Motif : angine.");
            assertThat(withoutAi.aiMention()).startsWith("Ce compte rendu a été rédigé sans assistance");
            assertThat(withoutAi.draftDiff()).isNull();
        }
    }
}
