package fr.avec.server.fhir;

import fr.avec.server.workbench.Consultation;
import fr.avec.server.workbench.Consultations;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Downloads a validated consultation document as a FHIR R4 Bundle (JSON), for its owner only: the document, its
 * provenance (the AI system as a device agent, the clinician as the attester) and the audit event.
 */
@RestController
public class FhirController {

    /** The FHIR JSON media type (FHIR R4, http.html#mime-type). */
    static final MediaType FHIR_JSON = new MediaType("application", "fhir+json", StandardCharsets.UTF_8);

    private final Consultations consultations;

    public FhirController(Consultations consultations) {
        this.consultations = consultations;
    }

    @GetMapping("/fhir/consultations/{id}/bundle.json")
    public ResponseEntity<?> bundle(@PathVariable long id, Principal user) {
        Consultation consultation = consultations.find(id).filter(c -> c.owner().equals(user.getName()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!consultation.validated()) {
            return problem(HttpStatus.CONFLICT, "Only a validated document is exported: validate it first.");
        }
        if (consultation.patientRef() == null || consultation.patientRef().isBlank()) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT,
                    "This document has no local patient identifier: a FHIR document must name its patient.");
        }
        byte[] json = FhirExport.toJson(FhirExport.export(document(consultation))).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(FHIR_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("compte-rendu-" + id + ".fhir.json").build().toString())
                .body(json);
    }

    /** What the export needs from a validated consultation; the AI part only when a draft was really generated. */
    static ValidatedDocument document(Consultation c) {
        boolean ai = c.aiUsed() && c.draft() != null;
        String tool = ai ? c.model() : null;
        String version = ai ? (c.modelVersion() != null ? c.modelVersion() : c.model()) : null;
        return new ValidatedDocument("consultation-" + c.id(), c.patientRef(), "Compte rendu de consultation", c.finalText(), "consultation",
                ai, tool, version, ai ? c.aiMention() : null, c.validatorName(), c.validatorTitle(), null, c.validatedAt());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
