package fr.avec.data.bdpm;

import java.time.LocalDate;

/**
 * One line of CIS_CIP_Dispo_Spec.txt: a supply problem (shortage, tension) of a product.
 *
 * @param cis        the product's CIS code
 * @param cip13      the presentation's CIP13 code, or empty when the whole product is concerned
 * @param statusCode the ANSM status code (1 rupture, 2 tension, 3 arrêt, 4 remise à disposition)
 * @param status     the status label
 * @param since      start date, or null
 * @param updated    last update date, or null
 * @param restored   date the supply was restored, or null
 * @param link       the ANSM page about it
 */
public record BdpmAvailability(String cis, String cip13, String statusCode, String status, LocalDate since,
                               LocalDate updated, LocalDate restored, String link) {
}
