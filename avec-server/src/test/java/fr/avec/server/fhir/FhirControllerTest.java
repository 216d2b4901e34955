package fr.avec.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import fr.avec.server.workbench.Consultation;
import java.time.Instant;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Provenance;
import org.junit.jupiter.api.Test;

/** The mapping from a validated consultation to the export: what the download serves validates, with and without AI. */
class FhirControllerTest {

    private static Consultation validated(boolean aiUsed, String draft) {
        Instant at = Instant.parse("2026-11-29T10:15:00Z");
        return new Consultation(42, "dr.martin", "PAT-0042", 1L, aiUsed ? "mistral-small-3.2" : null, Consultation.RecordingConsent.GRANTED,
                aiUsed, Consultation.Status.VALIDATED, "Médecin : angine.", draft, "Conclusion : angine.", aiUsed ? "req_1" : null,
                aiUsed ? "mistral-small-3.2-2506" : null, at, at, "dr.martin", "Dr Claire Martin", "médecin généraliste", at,
                "Conclusion : angine.\nConduite à tenir : amoxicilline 1 g matin et soir pendant 6 jours.", null,
                aiUsed ? "Ce compte rendu a été établi avec l'assistance de Avec (modèle mistral-small-3.2-2506), validé par Dr Claire Martin, médecin généraliste le 29/11/2026."
                        : "Document rédigé sans assistance d'une intelligence artificielle générative.");
    }

    @Test
    void aDocumentDraftedWithAiNamesTheModelVersionAsTheDevice() {
        Bundle bundle = FhirExport.export(FhirController.document(validated(true, "Conclusion : angine.")));
        assertThat(FhirValidation.errors(bundle)).isEmpty();
        Device ai = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Device.class::isInstance).map(Device.class::cast)
                .filter(d -> d.getIdPart().startsWith("ai-")).findFirst().orElseThrow();
        assertThat(ai.getDeviceNameFirstRep().getName()).isEqualTo("mistral-small-3.2");
        assertThat(ai.getVersionFirstRep().getValue()).isEqualTo("mistral-small-3.2-2506");
        DocumentReference document = (DocumentReference) bundle.getEntryFirstRep().getResource();
        assertThat(document.getMasterIdentifier().getValue()).isEqualTo("consultation-42");
        assertThat(document.getDescription()).startsWith("Ce compte rendu a été établi avec l'assistance de Avec");
    }

    @Test
    void aDocumentWithAiChosenButNoDraftIsExportedAsWrittenWithoutAi() {
        // « Rédiger sans IA » after choosing AI: ai_used stays true but no model wrote anything.
        Bundle bundle = FhirExport.export(FhirController.document(validated(true, null)));
        assertThat(FhirValidation.errors(bundle)).isEmpty();
        Provenance provenance = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Provenance.class::isInstance)
                .map(Provenance.class::cast).findFirst().orElseThrow();
        assertThat(provenance.getAgent()).hasSize(1);
    }
}
