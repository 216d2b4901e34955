package fr.avec.server.verification;

import fr.avec.server.gateway.AnswerVerifier;
import fr.avec.verify.Finding;
import fr.avec.verify.Report;
import fr.avec.verify.Verifier;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The gateway's {@link AnswerVerifier} on the Verify engine: findings of an answer against the request's messages. */
public final class ClinicalVerifier implements AnswerVerifier {

    private final Verifier verifier;

    public ClinicalVerifier(Verifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Map<String, Integer> findings(String answer, List<String> sources) {
        Report report = verifier.verify(answer, sources, List.of(), Verifier.Options.DEFAULT);
        Map<String, Integer> counts = new TreeMap<>();
        for (Finding finding : report.findings()) {
            counts.merge(finding.kind().name(), 1, Integer::sum);
        }
        return counts;
    }
}
