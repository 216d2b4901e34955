package fr.avec.server.fhir;

import java.time.Instant;
import java.util.Objects;

/**
 * What the FHIR export needs to know of a validated document; the workbench builds it from its record.
 *
 * @param documentId        the document's stable identifier in Avec
 * @param patientPseudonym  the local, pseudonymous patient identifier (never a name or NIR)
 * @param title             e.g. « Compte rendu de consultation »
 * @param text              the validated text
 * @param useCase           the use case, e.g. {@code consultation}
 * @param aiUsed            whether generative AI took part in writing it
 * @param aiTool            the AI tool's name as registered (null when {@code aiUsed} is false)
 * @param aiToolVersion     the model and version (null when {@code aiUsed} is false)
 * @param aiMention         the AI mention stamped on the document (null when {@code aiUsed} is false)
 * @param validatorName     the professional who validated, e.g. « Dr Claire Martin »
 * @param validatorFunction e.g. « médecin généraliste »
 * @param validatorRpps     the validator's RPPS number when known, else null
 * @param validatedAt       when the document was validated
 */
public record ValidatedDocument(String documentId, String patientPseudonym, String title, String text, String useCase,
                                boolean aiUsed, String aiTool, String aiToolVersion, String aiMention,
                                String validatorName, String validatorFunction, String validatorRpps,
                                Instant validatedAt) {

    public ValidatedDocument {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(patientPseudonym, "patientPseudonym");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(validatorName, "validatorName");
        Objects.requireNonNull(validatedAt, "validatedAt");
        if (aiUsed && (aiTool == null || aiToolVersion == null || aiMention == null)) {
            throw new IllegalArgumentException("a document written with AI names the tool, its version and carries the AI mention");
        }
    }
}
