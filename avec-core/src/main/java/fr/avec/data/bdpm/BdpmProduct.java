package fr.avec.data.bdpm;

import java.time.LocalDate;
import java.util.List;

/**
 * A medicinal product (« spécialité ») of CIS_bdpm.txt.
 *
 * @param cis                 the 8-digit CIS code
 * @param name                the denomination as published, e.g. « DOLIPRANE 1000 mg, comprimé »
 * @param form                the pharmaceutical form, e.g. « comprimé pelliculé »
 * @param routes              the routes of administration, e.g. [orale]
 * @param authorisationStatus e.g. « Autorisation active », « Autorisation abrogée »
 * @param procedure           the authorisation procedure type
 * @param marketed            whether the product is declared « Commercialisée »
 * @param authorisationDate   the authorisation date, or null when the file's date is not understood
 * @param bdmStatus           « Alerte », « Warning disponibilité » or empty
 * @param europeanNumber      the European authorisation number, or empty
 * @param holders             the marketing authorisation holders
 * @param enhancedMonitoring  whether the product is under enhanced monitoring (black triangle)
 */
public record BdpmProduct(String cis, String name, String form, List<String> routes, String authorisationStatus,
                          String procedure, boolean marketed, LocalDate authorisationDate, String bdmStatus,
                          String europeanNumber, List<String> holders, boolean enhancedMonitoring) {

    public BdpmProduct {
        routes = List.copyOf(routes);
        holders = List.copyOf(holders);
    }

    /** Whether the authorisation is currently active (not withdrawn, archived, suspended or revoked). */
    public boolean authorised() {
        return authorisationStatus.equalsIgnoreCase("Autorisation active");
    }
}
