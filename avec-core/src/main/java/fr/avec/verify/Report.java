package fr.avec.verify;

import java.util.List;

/**
 * The result of verifying one generated text: findings sorted by position, every drug mention, the checks
 * that could not run (e.g. no drug database) so that nothing is silently passed, and the share of the
 * text's sentences without support in the sources (NaN when no source was given).
 */
public record Report(List<Finding> findings, List<DrugMention> drugs, List<String> checksNotRun, double unsupportedShare) {

    public Report {
        findings = List.copyOf(findings);
        drugs = List.copyOf(drugs);
        checksNotRun = List.copyOf(checksNotRun);
    }

    /** Whether findings of severity error remain. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
