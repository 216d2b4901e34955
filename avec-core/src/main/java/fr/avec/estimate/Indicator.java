package fr.avec.estimate;

/** The indicators a use case's objectives can target; one place for their names and units. */
public enum Indicator {
    EDIT_RATE_MEDIAN("taux de correction médian", true),
    UNEDITED_SHARE("part des brouillons validés sans modification", true),
    REJECTED_SHARE("part des brouillons rejetés", true),
    WITHOUT_AI_SHARE("part des documents rédigés sans IA", true),
    UNRESOLVED_DRUG_FINDINGS("documents validés avec une alerte médicament non résolue", false),
    FINDINGS_PER_DOCUMENT("alertes par document", false),
    ENERGY_WH_PER_DOCUMENT("énergie par document (Wh)", false),
    SUS_MEAN("score d'utilisabilité SUS moyen", false);

    private final String labelFr;
    private final boolean share;

    Indicator(String labelFr, boolean share) {
        this.labelFr = labelFr;
        this.share = share;
    }

    /** The French label shown on dashboards and reports. */
    public String labelFr() {
        return labelFr;
    }

    /** Whether the indicator is a share between 0 and 1. */
    public boolean share() {
        return share;
    }
}
