package fr.avec.verify;

/**
 * The closed set of verification findings (CONTRACTS.md): names are a public contract, extended, never
 * renamed. Each kind says which input it needs, so that grounding kinds appear only when a source is
 * given and citation kinds only when references are given.
 */
public enum FindingKind {
    UNKNOWN_DRUG(Needs.DRUG_DATABASE, Severity.ERROR),
    DRUG_NOT_IN_SOURCE(Needs.SOURCE, Severity.ERROR),
    DOSE_NOT_MARKETED(Needs.DRUG_DATABASE, Severity.WARNING),
    /** A dose that breaks a never-event rule (e.g. oral methotrexate taken daily); extends the contract's list. */
    DOSE_NEVER_EVENT(Needs.NOTHING, Severity.ERROR),
    NUMBER_NOT_IN_SOURCE(Needs.SOURCE, Severity.ERROR),
    UNIT_MISMATCH(Needs.SOURCE, Severity.ERROR),
    NEGATION_CONFLICT(Needs.SOURCE, Severity.ERROR),
    CITATION_NOT_IN_REFERENCES(Needs.REFERENCES, Severity.ERROR),
    /** A number quoted beside a citation that the cited reference does not contain; extends the contract's list. */
    CITED_NUMBER_NOT_IN_REFERENCE(Needs.REFERENCES, Severity.WARNING),
    UNSUPPORTED_SENTENCE(Needs.SOURCE, Severity.WARNING),
    PHI_IN_OUTPUT(Needs.NOTHING, Severity.WARNING),
    READABILITY(Needs.NOTHING, Severity.INFO);

    /** The input a kind of check needs to run at all. */
    public enum Needs { NOTHING, DRUG_DATABASE, SOURCE, REFERENCES }

    private final Needs needs;
    private final Severity defaultSeverity;

    FindingKind(Needs needs, Severity defaultSeverity) {
        this.needs = needs;
        this.defaultSeverity = defaultSeverity;
    }

    public Needs needs() {
        return needs;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }
}
