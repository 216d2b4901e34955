package fr.avec.data.bdpm;

/**
 * One line of CIS_MITM.txt: the ATC code of a product.
 *
 * @param cis     the product's CIS code
 * @param atcCode the ATC code, e.g. « N02BE01 »
 * @param label   the product label as given in that file
 */
public record BdpmAtc(String cis, String atcCode, String label) {
}
