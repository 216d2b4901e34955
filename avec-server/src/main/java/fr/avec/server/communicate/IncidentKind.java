package fr.avec.server.communicate;

/** What went wrong, as the person reporting names it (the list of issue #9, item 7). */
public enum IncidentKind {
    INVENTED_DRUG, WRONG_DOSE, DATA_LEAK, BIAS, OMISSION, OTHER;

    /** The kind a report made from a Verify finding starts with (the reporter may change it). */
    public static IncidentKind fromFinding(String findingKind) {
        return switch (findingKind == null ? "" : findingKind) {
            case "UNKNOWN_DRUG", "DRUG_NOT_IN_SOURCE" -> INVENTED_DRUG;
            case "DOSE_NOT_MARKETED", "NUMBER_NOT_IN_SOURCE", "UNIT_MISMATCH", "DOSE_NEVER_EVENT", "CITED_NUMBER_NOT_IN_REFERENCE" -> WRONG_DOSE;
            case "PHI_IN_OUTPUT" -> DATA_LEAK;
            case "OMISSION" -> OMISSION;
            default -> OTHER;
        };
    }

    /** Parses the form's value; null or unknown is refused. */
    public static IncidentKind parse(String name) {
        for (IncidentKind kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown incident kind");
    }
}
