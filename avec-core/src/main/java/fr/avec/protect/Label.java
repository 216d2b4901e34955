package fr.avec.protect;

/**
 * The kinds of identifying data the pseudonymizer finds, exactly the label set of CONTRACTS.md
 * (AP-HP EDS-Pseudo labels plus the French identifiers it lacks).
 */
public enum Label {
    NOM(Family.NAME),
    PRENOM(Family.NAME),
    DATE(Family.DATE),
    DATE_NAISSANCE(Family.DATE),
    ADRESSE(Family.PLACE),
    VILLE(Family.PLACE),
    ZIP(Family.PLACE),
    TEL(Family.CONTACT),
    MAIL(Family.CONTACT),
    SECU(Family.IDENTIFIER),
    IPP(Family.IDENTIFIER),
    NDA(Family.IDENTIFIER),
    HOPITAL(Family.PLACE),
    RPPS(Family.IDENTIFIER),
    ADELI(Family.IDENTIFIER),
    FINESS(Family.IDENTIFIER),
    IBAN(Family.IDENTIFIER),
    INS(Family.IDENTIFIER),
    URL(Family.CONTACT);

    /** Groups of labels that share a recall target and a way of being detected. */
    public enum Family { NAME, PLACE, DATE, CONTACT, IDENTIFIER }

    private final Family family;

    Label(Family family) {
        this.family = family;
    }

    /** The group this label belongs to. */
    public Family family() {
        return family;
    }
}
