package fr.avec.server.gateway;

import java.util.List;
import java.util.Map;

/** The Verify engine as the gateway uses it: findings on a generated answer against its sources. */
public interface AnswerVerifier {

    /**
     * Findings on the answer, count by kind (CONTRACTS.md kinds such as {@code NUMBER_NOT_IN_SOURCE}).
     *
     * @param answer  the re-identified answer text
     * @param sources the texts the user supplied (messages), against which grounding is checked
     */
    Map<String, Integer> findings(String answer, List<String> sources);
}
