package fr.avec.data.bdpm;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A presentation (box, bottle) of CIS_CIP_bdpm.txt.
 *
 * @param cis                     the product's CIS code
 * @param cip7                    the 7-digit CIP code
 * @param label                   the presentation label, e.g. « plaquette(s) PVC aluminium de 8 comprimé(s) »
 * @param status                  « Présentation active » or « Présentation abrogée »
 * @param marketingStatus         e.g. « Déclaration de commercialisation », « Déclaration d'arrêt de commercialisation »
 * @param declarationDate         the marketing declaration date, or null when not understood
 * @param cip13                   the 13-digit CIP code
 * @param collectivities          approved for hospital and community use
 * @param reimbursementRates      the reimbursement rate(s) as written, e.g. « 65% », or empty
 * @param price                   the public price in euros, or null
 * @param indicationsReimbursed   the reimbursement indications text, or empty
 */
public record BdpmPresentation(String cis, String cip7, String label, String status, String marketingStatus,
                               LocalDate declarationDate, String cip13, boolean collectivities,
                               String reimbursementRates, BigDecimal price, String indicationsReimbursed) {
}
