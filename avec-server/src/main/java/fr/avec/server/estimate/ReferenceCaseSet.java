package fr.avec.server.estimate;

import java.util.List;

/**
 * The reference cases of a use case: validated documents the AI referent chose as the yardstick, with the
 * inputs that produced them. Drift replays use them; so can a test bench comparing candidate models.
 * Cases carry patient text: keep them in memory, never log or copy them.
 */
public interface ReferenceCaseSet {

    /**
     * One reference case.
     *
     * @param consultationId the validated document it comes from
     * @param templateCode   the use-case template that drafted it
     * @param prompt         that template's prompt (the version that produced the validated document)
     * @param transcript     the source given to the model
     * @param validatedText  the text the clinician validated: what a good output looks like
     */
    record ReferenceCase(long consultationId, String useCase, String templateCode, String prompt, String transcript, String validatedText) {
    }

    /** The use case's reference cases, oldest first. */
    List<ReferenceCase> cases(String useCase);
}
