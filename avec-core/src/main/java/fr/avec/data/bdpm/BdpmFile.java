package fr.avec.data.bdpm;

/** The BDPM files Avec reads, with the number of tab-separated fields of each line. */
public enum BdpmFile {
    PRODUCTS("CIS_bdpm.txt", 12, true),
    COMPOSITIONS("CIS_COMPO_bdpm.txt", 8, true),
    PRESENTATIONS("CIS_CIP_bdpm.txt", 13, true),
    GENERIC_GROUPS("CIS_GENER_bdpm.txt", 5, true),
    ATC("CIS_MITM.txt", 4, false),
    PRESCRIBING_CONDITIONS("CIS_CPD_bdpm.txt", 2, false),
    AVAILABILITY("CIS_CIP_Dispo_Spec.txt", 8, false);

    private final String fileName;
    private final int fields;
    private final boolean required;

    BdpmFile(String fileName, int fields, boolean required) {
        this.fileName = fileName;
        this.fields = fields;
        this.required = required;
    }

    /** The file name, exactly as the ANSM publishes it. */
    public String fileName() {
        return fileName;
    }

    /** The number of tab-separated fields of a well-formed line. */
    public int fields() {
        return fields;
    }

    /** Whether the drug database is unusable without this file. */
    public boolean required() {
        return required;
    }
}
