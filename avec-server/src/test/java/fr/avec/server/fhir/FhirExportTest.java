package fr.avec.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FhirExportTest {

    private static FhirValidator validator;

    private final ValidatedDocument withAi = new ValidatedDocument("doc-2026-000123", "P-7F3A9C", "Compte rendu de consultation",
            "Motif : toux fébrile depuis 3 jours.\nConclusion : pneumopathie, amoxicilline 1 g x 3/j pendant 7 jours.",
            "consultation", true, "Mistral Small (CHU, sur site)", "mistral-small-2506",
            "Ce compte rendu a été établi avec l'assistance de Mistral Small (CHU, sur site), version mistral-small-2506, validé par Dr Claire Martin, médecin généraliste, le 29/11/2026.",
            "Dr Claire Martin", "médecin généraliste", "10101010101", Instant.parse("2026-11-29T10:15:00Z"));

    @BeforeAll
    static void validator() {
        var context = FhirExport.context();
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context),
                new UnknownCodeSystemWarningValidationSupport(context));
        validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }

    @Test
    void exportWithAiValidatesAndNamesTheDeviceAndTheAttester() {
        Bundle bundle = FhirExport.export(withAi);
        assertValid(bundle);

        DocumentReference document = resource(bundle, DocumentReference.class);
        assertThat(new String(document.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8))
                .contains("amoxicilline 1 g x 3/j");
        assertThat(document.getDescription()).contains("établi avec l'assistance de Mistral Small");

        Provenance provenance = resource(bundle, Provenance.class);
        assertThat(provenance.getAgent()).extracting(a -> a.getType().getCodingFirstRep().getCode())
                .containsExactly("attester", "assembler");
        assertThat(provenance.getAgent().get(1).getWho().getReference())
                .isEqualTo(bundle.getEntry().stream().filter(e -> e.getResource().getIdPart().startsWith("ai-")).findFirst().orElseThrow().getFullUrl());

        AuditEvent audit = resource(bundle, AuditEvent.class);
        assertThat(audit.getEntityFirstRep().getWhat().getReference()).startsWith("urn:uuid:");

        String json = FhirExport.toJson(bundle);
        assertThat(json).contains("\"resourceType\": \"Bundle\"").contains("P-7F3A9C").doesNotContain("Dupont");
    }

    @Test
    void documentWithoutAiHasNoDeviceAgentAndSaysSo() {
        ValidatedDocument manual = new ValidatedDocument("doc-2", "P-1", "Courrier", "Texte rédigé à la main.", "consultation",
                false, null, null, null, "Dr Paul Durand", null, null, Instant.parse("2026-11-29T11:00:00Z"));
        Bundle bundle = FhirExport.export(manual);
        assertValid(bundle);
        assertThat(resource(bundle, Provenance.class).getAgent()).hasSize(1);
        assertThat(resource(bundle, DocumentReference.class).getDescription()).contains("sans assistance d'IA");
    }

    @Test
    void theValidatorCatchesABrokenExport() {
        // Guards the two tests above: a DocumentReference without its mandatory status must be rejected.
        Bundle bundle = FhirExport.export(withAi);
        resource(bundle, DocumentReference.class).setStatus(null);
        ValidationResult result = validator.validateWithResult(bundle);
        assertThat(result.getMessages()).anyMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR
                && m.getMessage().contains("DocumentReference.status"));
    }

    @Test
    void aiDocumentMustCarryItsMention() {
        assertThatThrownBy(() -> new ValidatedDocument("d", "p", "t", "x", "consultation", true, "tool", "v1", null,
                "Dr X", null, null, Instant.now())).hasMessageContaining("AI mention");
    }

    private static void assertValid(Bundle bundle) {
        ValidationResult result = validator.validateWithResult(bundle);
        List<SingleValidationMessage> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .toList();
        assertThat(errors).as(() -> errors.stream().map(m -> m.getLocationString() + ": " + m.getMessage()).toList().toString()).isEmpty();
    }

    private static <T extends Resource> T resource(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).findFirst().orElseThrow();
    }
}
