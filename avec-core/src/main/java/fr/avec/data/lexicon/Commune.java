package fr.avec.data.lexicon;

/**
 * A commune of the Code officiel géographique (INSEE).
 *
 * @param type       COM (commune), COMD (commune déléguée), COMA (commune associée) or ARM (arrondissement municipal)
 * @param inseeCode  the 5-character INSEE code (Corsica: 2A/2B)
 * @param name       the name with its article and accents, e.g. « L'Abergement-Clémenciat »
 * @param department the department code, or empty for delegated and associated communes
 */
public record Commune(String type, String inseeCode, String name, String department) {
}
