package fr.avec.data.lexicon;

/**
 * A health establishment (legal entity) with its FINESS number.
 *
 * @param finess   the 9-character FINESS number
 * @param name     the corporate name, e.g. « CH DU HAUT BUGEY »
 * @param category CH, CHR, CLCC, CLI (private clinic) or EBNL (non-profit)
 */
public record HealthEstablishment(String finess, String name, String category) {
}
