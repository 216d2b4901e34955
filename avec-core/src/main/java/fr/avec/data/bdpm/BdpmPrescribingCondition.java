package fr.avec.data.bdpm;

/**
 * One line of CIS_CPD_bdpm.txt: a prescribing or dispensing condition of a product.
 *
 * @param cis       the product's CIS code
 * @param condition e.g. « liste I », « réservé à l'usage HOSPITALIER »
 */
public record BdpmPrescribingCondition(String cis, String condition) {
}
