package fr.avec.server.communicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.avec.protect.Label;
import fr.avec.server.AvecServer;
import fr.avec.server.storage.TestDatabases;
import fr.avec.server.web.AiUseGate;
import fr.avec.server.workbench.Consultation;
import fr.avec.server.workbench.Consultations;
import fr.avec.server.workbench.NoteTemplate;
import fr.avec.server.workbench.NoteTemplates;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Communiquer's storage and rules on both databases, through the real beans (Protect with the shared lexicons):
 * the charter's versions, acknowledgements and gate; an incident from report to closure with its history and no
 * patient text stored; experience sharing with the Protect scan and moderation.
 */
class CommunicateStorageTest {

    @TempDir
    Path home;
    private TestDatabases.Target pg;

    @AfterEach
    void dropSchema() {
        TestDatabases.dropPostgresql(pg);
    }

    @Test
    void onH2() {
        scenario(TestDatabases.h2());
    }

    @Test
    void onPostgresql() {
        pg = TestDatabases.postgresql();
        scenario(pg);
    }

    private void scenario(TestDatabases.Target db) {
        List<String> args = new ArrayList<>(List.of("--avec.home=" + home, "--avec.data-dir=" + SharedData.root(), "--avec.db.url=" + db.url(),
                "--avec.db.user=" + db.user(), "--avec.db.password=" + db.password(), "--logging.level.root=WARN"));
        if (db.schema() != null) {
            args.add("--spring.flyway.schemas=" + db.schema());
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AvecServer.class).web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new))) {
            charter(context);
            incidents(context);
            sharing(context);
        }
    }

    private void charter(ConfigurableApplicationContext context) {
        Charter charter = context.getBean(Charter.class);
        // This gate alone: the training gate, also in the application, is tested with the training path.
        AiUseGate gates = context.getBean(CharterGate.class);

        Charter.Version first = charter.current();
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.uses()).extracting(Charter.ApprovedUse::code).containsExactly("consultation", "literature", "education");
        assertThat(first.prohibitions()).hasSizeGreaterThanOrEqualTo(3)
                .anySatisfy(p -> assertThat(p.labelFr()).contains("décision diagnostique"))
                .anySatisfy(p -> assertThat(p.labelEn()).contains("prescription without review"))
                .anySatisfy(p -> assertThat(p.labelFr()).contains("outil d'IA public"));

        // Nobody has acknowledged: refused, with the way to lift it.
        assertThat(gates.check("dr.martin", AiUseGate.CONSULTATION)).hasValueSatisfying(r -> {
            assertThat(r.messageKey()).isEqualTo("charter.refused.notAcknowledged");
            assertThat(r.actionPath()).isEqualTo("/charter");
        });
        assertThat(charter.acknowledge("dr.martin", 1)).isTrue();
        assertThat(charter.acknowledge("dr.martin", 1)).as("acknowledging twice is harmless").isTrue();
        assertThat(charter.acknowledgements(1)).extracting(Charter.Acknowledgement::user).containsExactly("dr.martin");
        assertThat(gates.check("dr.martin", AiUseGate.CONSULTATION)).isEmpty();
        assertThat(gates.check("dr.martin", "radiology")).hasValueSatisfying(r -> assertThat(r.messageKey()).isEqualTo("charter.refused.outsideCatalogue"));

        // A malformed edit publishes nothing.
        assertThatThrownBy(() -> charter.publish("referent", "p", "p", "consultation | seulement le français", first.prohibitionsAsLines(), "x"))
                .isInstanceOfSatisfying(Charter.EditRefused.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("charter.edit.error.useLine");
                    assertThat(e.line()).isEqualTo(1);
                });
        assertThatThrownBy(() -> charter.publish("referent", "p", "p", "Consultation | a | b", first.prohibitionsAsLines(), "x"))
                .isInstanceOfSatisfying(Charter.EditRefused.class, e -> assertThat(e.messageKey()).isEqualTo("charter.edit.error.useCode"));
        assertThatThrownBy(() -> charter.publish("referent", "p", "p", first.usesAsLines(), "  \n", "x"))
                .isInstanceOfSatisfying(Charter.EditRefused.class, e -> assertThat(e.messageKey()).isEqualTo("charter.edit.error.noProhibition"));
        assertThat(charter.current().number()).isEqualTo(1);

        // Version 2 keeps only literature and adds a use: everyone acknowledges again, and consultation leaves the catalogue.
        String uses = "literature | Synthèse de la littérature | Literature synthesis\n\nletters | Courriers administratifs | Administrative letters";
        Charter.Version second = charter.publish("referent", first.preambleFr(), first.preambleEn(), uses, first.prohibitionsAsLines(), "Consultation retirée");
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.uses()).extracting(Charter.ApprovedUse::code).containsExactly("literature", "letters");
        assertThat(second.prohibitions()).isEqualTo(first.prohibitions());
        assertThat(charter.version(1).orElseThrow().uses()).as("an old version is never changed").hasSize(3);
        assertThat(charter.history()).extracting(Charter.Version::number).containsExactly(2, 1);
        assertThat(gates.check("dr.martin", AiUseGate.LITERATURE)).hasValueSatisfying(r -> assertThat(r.messageKey()).isEqualTo("charter.refused.notAcknowledged"));
        assertThat(charter.acknowledge("dr.martin", 1)).as("a replaced version cannot be acknowledged").isFalse();
        assertThat(charter.acknowledge("dr.martin", 2)).isTrue();
        assertThat(gates.check("dr.martin", AiUseGate.LITERATURE)).isEmpty();
        assertThat(gates.check("dr.martin", AiUseGate.CONSULTATION)).hasValueSatisfying(r -> assertThat(r.messageKey()).isEqualTo("charter.refused.outsideCatalogue"));

        // Put consultation back for the rest of the scenario.
        charter.publish("referent", first.preambleFr(), first.preambleEn(), first.usesAsLines(), first.prohibitionsAsLines(), "Retour à la v1");
        charter.acknowledge("dr.martin", 3);
        assertThat(gates.check("dr.martin", AiUseGate.CONSULTATION)).isEmpty();
    }

    private void incidents(ConfigurableApplicationContext context) {
        Incidents incidents = context.getBean(Incidents.class);
        Consultations consultations = context.getBean(Consultations.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        long consultation = consultations.create("dr.martin", "PAT-7", 1L, "mistral-small-3.2", Consultation.RecordingConsent.GRANTED, true,
                "Médecin : je vous prescris de l'amoxicilline 1 g matin et soir.");
        consultations.draftReady(consultation, "Amoxicilline 1,5 g matin et soir. Relais par Zorbicilline.", "req_1", "mistral-small-3.2");

        String typed = "Le modèle a inventé un médicament pour Mme Jeanne Dupont, joignable au 06 12 34 56 78 ; j'ai corrigé avant validation.";
        Incidents.Reported reported = incidents.report("dr.martin", IncidentKind.fromFinding("UNKNOWN_DRUG"),
                new Incidents.Subject(consultation, "UNKNOWN_DRUG", "error", 36, 48), typed);
        Incident incident = reported.incident();
        assertThat(incident.kind()).isEqualTo(IncidentKind.INVENTED_DRUG);
        assertThat(incident.status()).isEqualTo(Incident.Status.NEW);
        assertThat(incident.findingKind()).isEqualTo("UNKNOWN_DRUG");
        assertThat(incident.findingStart()).isEqualTo(36);
        assertThat(reported.replaced()).isGreaterThanOrEqualTo(2);
        assertThat(incident.description()).contains("inventé un médicament").doesNotContain("Dupont").doesNotContain("06 12 34 56 78");
        // Nothing of the patient's text or the note in any column of the incident tables.
        String stored = String.join(" ", jdbc.sql("SELECT description FROM incident").query(String.class).list());
        assertThat(stored).doesNotContain("Zorbicilline").doesNotContain("amoxicilline").doesNotContain("Dupont");

        assertThatThrownBy(() -> incidents.triage(incident.id(), "referent", Incident.Status.CLOSED, " ", false, Vigilance.NONE))
                .hasMessageContaining("analysis");
        incidents.triage(incident.id(), "referent", Incident.Status.ANALYSING, "", false, Vigilance.NONE);
        int replaced = incidents.triage(incident.id(), "referent", Incident.Status.CLOSED,
                "Nom de spécialité inexistant produit par le modèle ; signalé au fournisseur. Vu avec le Dr Paul Durand.", true, Vigilance.NONE);
        assertThat(replaced).isPositive();
        Incident closed = incidents.find(incident.id()).orElseThrow();
        assertThat(closed.status()).isEqualTo(Incident.Status.CLOSED);
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.informProvider()).isTrue();
        assertThat(closed.analysis()).contains("signalé au fournisseur").doesNotContain("Durand");
        assertThat(incidents.history(incident.id())).extracting(c -> c.field() + ":" + c.oldValue() + "->" + c.newValue())
                .containsExactly("status:null->NEW", "status:NEW->ANALYSING", "status:ANALYSING->CLOSED",
                        "analysis:null->" + closed.analysis(), "informProvider:false->true");
        assertThat(incidents.history(incident.id())).extracting(Incident.Change::actor).containsExactly("dr.martin", "referent", "referent",
                "referent", "referent");
        // Saving the same triage again changes nothing and writes no history.
        incidents.triage(incident.id(), "referent", Incident.Status.CLOSED, closed.analysis(), true, Vigilance.NONE);
        assertThat(incidents.history(incident.id())).hasSize(5);

        Incident leak = incidents.report("dr.petit", IncidentKind.DATA_LEAK, Incidents.Subject.NONE,
                "Un compte rendu a été envoyé à un outil public par erreur.").incident();
        assertThat(leak.cnilDeadline()).isEqualTo(leak.createdAt().plus(java.time.Duration.ofHours(72)));
        assertThat(closed.cnilDeadline()).isNull();
        assertThatThrownBy(() -> incidents.report("dr.petit", IncidentKind.OTHER, Incidents.Subject.NONE, " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Incidents.Subject(null, "UNKNOWN_DRUG", "error", 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Incidents.Subject(1L, "drop table", "error", 1, 2)).isInstanceOf(IllegalArgumentException.class);

        assertThat(incidents.reportedBy("dr.martin")).extracting(Incident::id).containsExactly(incident.id());
        assertThat(incidents.all()).extracting(Incident::id).containsExactly(leak.id(), incident.id());
    }

    private void sharing(ConfigurableApplicationContext context) {
        ExperienceSharing sharing = context.getBean(ExperienceSharing.class);
        NoteTemplates templates = context.getBean(NoteTemplates.class);

        assertThatThrownBy(() -> sharing.propose("dr.martin", SharedItem.Kind.NOTE, "Cas difficile",
                "Pour M. Jean Dupont, né le 12/03/1950, le modèle a oublié l'allergie.", null))
                .isInstanceOfSatisfying(ExperienceSharing.Refused.class, refused -> {
                    assertThat(refused.messageKey()).isEqualTo("sharing.error.identifying");
                    assertThat(refused.labels()).contains(Label.NOM);
                    assertThat(refused.getMessage()).doesNotContain("Dupont");
                });
        assertThatThrownBy(() -> sharing.propose("dr.martin", SharedItem.Kind.NOTE, " ", "texte", null)).isInstanceOf(ExperienceSharing.Refused.class);

        // Every note template shipped with Avec can be shared: Protect finds nothing identifying in them.
        for (NoteTemplate template : templates.active()) {
            SharedItem proposed = sharing.propose("dr.martin", SharedItem.Kind.PROMPT, template.title(), template.prompt(), template.id());
            assertThat(proposed.status()).isEqualTo(SharedItem.Status.PENDING);
            assertThat(proposed.sourceTemplate()).isEqualTo(template.id());
        }
        SharedItem note = sharing.propose("dr.martin", SharedItem.Kind.NOTE, "Relire les doses",
                "Le modèle recopie parfois une dose arrondie : je compare chaque dose à la transcription avant de valider.", null);
        assertThat(sharing.published()).isEmpty();
        assertThat(sharing.pending()).hasSize(templates.active().size() + 1);

        assertThat(sharing.moderate(note.id(), "referent", true, "Merci, très utile.")).isTrue();
        assertThat(sharing.moderate(note.id(), "referent", false, null)).as("decided once").isFalse();
        SharedItem rejected = sharing.pending().getFirst();
        assertThat(sharing.moderate(rejected.id(), "referent", false, "Doublon du modèle existant")).isTrue();
        assertThat(sharing.published()).extracting(SharedItem::title).containsExactly("Relire les doses");
        assertThat(sharing.find(rejected.id()).orElseThrow().status()).isEqualTo(SharedItem.Status.REJECTED);
        assertThat(sharing.by("dr.martin")).hasSize(templates.active().size() + 1);
    }
}
