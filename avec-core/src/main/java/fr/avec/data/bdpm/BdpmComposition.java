package fr.avec.data.bdpm;

/**
 * One component line of CIS_COMPO_bdpm.txt: a substance of a product with its strength.
 *
 * @param cis               the product's CIS code
 * @param element           the pharmaceutical element, e.g. « comprimé »
 * @param substanceCode     the substance code
 * @param substanceName     the substance denomination, e.g. « PARACÉTAMOL »
 * @param strength          the strength as written, e.g. « 1000 mg », « 2CH à 30CH », or empty
 * @param strengthReference what the strength refers to, e.g. « un comprimé »
 * @param nature            {@code SA} (active substance) or {@code FT} (therapeutic fraction)
 * @param link              the number linking an active substance to its therapeutic fraction
 */
public record BdpmComposition(String cis, String element, String substanceCode, String substanceName, String strength,
                              String strengthReference, String nature, int link) {

    /** Whether this line names the active substance (SA) rather than its therapeutic fraction (FT). */
    public boolean activeSubstance() {
        return nature.equals("SA");
    }
}
