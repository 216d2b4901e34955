package fr.avec.server.web;

import java.util.Optional;

/**
 * A rule that may stop a person from starting a use of generative AI: training path not passed, usage charter
 * not acknowledged, use case outside the approved catalogue. Each rule is a bean; {@link AiUseGates} asks them all
 * before any draft is requested from a model.
 */
public interface AiUseGate {

    /** The use cases of the workbench, as stored and as named in the charter's catalogue. */
    String CONSULTATION = "consultation";
    String LITERATURE = "literature";
    String EDUCATION = "education";

    /** Why {@code username} may not start {@code useCase} now, or empty when this rule allows it. */
    Optional<Refusal> check(String username, String useCase);

    /**
     * A refusal shown to the person.
     *
     * @param messageKey the message explaining why (in the feature's bundle)
     * @param actionPath where the person can lift it (e.g. {@code /learn}), or null
     */
    record Refusal(String messageKey, String actionPath) {
    }
}
