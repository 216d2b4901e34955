package fr.avec.server.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Exports a validated document as FHIR R4 (HAPI FHIR model classes): a {@code DocumentReference} with
 * the text, a {@code Provenance} naming the AI system as a device agent and the professional as the
 * attester, and an {@code AuditEvent} of the validation, in a collection {@code Bundle} with the
 * patient (pseudonymous identifier only), the practitioner and the device.
 */
public final class FhirExport {

    /** Identifier systems of Avec's own identifiers; a hospital maps them to its own OIDs when it integrates. */
    public static final String DOCUMENT_SYSTEM = "urn:avec:document";
    public static final String PATIENT_SYSTEM = "urn:avec:patient-pseudonym";
    /** The RPPS identifier system of the French national directory (ANS). */
    public static final String RPPS_SYSTEM = "urn:oid:1.2.250.1.71.4.2.1";
    private static final String LOINC = "http://loinc.org";
    private static final String PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    private static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";

    private static final FhirContext CONTEXT = FhirContext.forR4Cached();

    private FhirExport() {
    }

    /** The FHIR context shared by the export and its callers (creating one is expensive). */
    public static FhirContext context() {
        return CONTEXT;
    }

    /** Builds the bundle of resources for one validated document. */
    public static Bundle export(ValidatedDocument document) {
        String id = safeId(document.documentId());
        Patient patient = new Patient();
        patient.setId("patient-" + id);
        patient.addIdentifier(new Identifier().setSystem(PATIENT_SYSTEM).setValue(document.patientPseudonym()));

        Practitioner practitioner = new Practitioner();
        practitioner.setId("practitioner-" + id);
        practitioner.addName().setText(document.validatorName());
        if (document.validatorRpps() != null) {
            practitioner.addIdentifier(new Identifier().setSystem(RPPS_SYSTEM).setValue(document.validatorRpps()));
        }
        if (document.validatorFunction() != null) {
            practitioner.addQualification().setCode(new CodeableConcept().setText(document.validatorFunction()));
        }

        Device avec = new Device();
        avec.setId("device-" + id);
        avec.addDeviceName().setName("Avec").setType(Device.DeviceNameType.MANUFACTURERNAME);
        avec.setType(new CodeableConcept().setText("AI trust gateway"));

        DocumentReference reference = new DocumentReference();
        reference.setId("document-" + id);
        reference.setMasterIdentifier(new Identifier().setSystem(DOCUMENT_SYSTEM).setValue(document.documentId()));
        reference.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        reference.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
        reference.setType(new CodeableConcept(new Coding(LOINC, "11488-4", "Consult note")).setText(document.title()));
        reference.setSubject(new Reference(urn(patient)));
        reference.setDate(Date.from(document.validatedAt()));
        reference.addAuthor(new Reference(urn(practitioner)));
        reference.setAuthenticator(new Reference(urn(practitioner)));
        reference.setDescription(document.aiUsed() ? document.aiMention() : "Document rédigé sans assistance d'IA générative.");
        Attachment attachment = new Attachment()
                .setContentType("text/plain; charset=utf-8")
                .setLanguage("fr")
                .setData(document.text().getBytes(StandardCharsets.UTF_8))
                .setTitle(document.title());
        reference.addContent().setAttachment(attachment);

        Provenance provenance = new Provenance();
        provenance.setId("provenance-" + id);
        provenance.addTarget(new Reference(urn(reference)));
        provenance.setRecorded(Date.from(document.validatedAt()));
        provenance.addAgent()
                .setType(new CodeableConcept(new Coding(PARTICIPANT_TYPE, "attester", "Attester")))
                .setWho(new Reference(urn(practitioner)));
        Device aiSystem = null;
        if (document.aiUsed()) {
            aiSystem = new Device();
            aiSystem.setId("ai-" + id);
            aiSystem.addDeviceName().setName(document.aiTool()).setType(Device.DeviceNameType.USERFRIENDLYNAME);
            aiSystem.addVersion().setValue(document.aiToolVersion());
            aiSystem.setType(new CodeableConcept().setText("Generative AI model"));
            provenance.addAgent()
                    .setType(new CodeableConcept(new Coding(PARTICIPANT_TYPE, "assembler", "Assembler")))
                    .setWho(new Reference(urn(aiSystem)));
        }

        AuditEvent audit = new AuditEvent();
        audit.setId("audit-" + id);
        audit.setType(new Coding(DICOM, "110106", "Export"));
        audit.setAction(AuditEvent.AuditEventAction.C);
        audit.setRecorded(Date.from(document.validatedAt()));
        audit.setOutcome(AuditEvent.AuditEventOutcome._0);
        audit.addAgent().setRequestor(true).setWho(new Reference(urn(practitioner)));
        audit.getSource().setObserver(new Reference(urn(avec)));
        audit.addEntity().setWhat(new Reference(urn(reference)));

        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setIdentifier(new Identifier().setSystem(DOCUMENT_SYSTEM).setValue(document.documentId()));
        bundle.setTimestamp(Date.from(document.validatedAt()));
        for (Resource resource : new Resource[] {reference, provenance, audit, patient, practitioner, avec, aiSystem}) {
            if (resource != null) {
                bundle.addEntry().setFullUrl(urn(resource)).setResource(resource);
            }
        }
        return bundle;
    }

    /** The bundle as FHIR JSON. */
    public static String toJson(Bundle bundle) {
        return CONTEXT.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle);
    }

    /**
     * A stable {@code urn:uuid} for a resource of the bundle: references inside a collection bundle
     * resolve against the entries' full URLs.
     */
    private static String urn(Resource resource) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((resource.fhirType() + "/" + resource.getIdElement().getIdPart())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** FHIR ids allow letters, digits, '-' and '.', up to 64 characters. */
    private static String safeId(String id) {
        String safe = id.replaceAll("[^A-Za-z0-9\\-.]", "-");
        return safe.length() > 50 ? safe.substring(0, 50) : safe;
    }
}
