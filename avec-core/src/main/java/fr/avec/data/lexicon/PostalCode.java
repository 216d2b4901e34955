package fr.avec.data.lexicon;

/**
 * A postal code of La Poste with the commune it serves.
 *
 * @param code        the 5-digit postal code
 * @param communeName the commune name in upper case without accents, as La Poste writes it
 * @param inseeCode   the commune's INSEE code
 * @param locality    the « ligne 5 » locality (lieu-dit, former commune), or empty
 */
public record PostalCode(String code, String communeName, String inseeCode, String locality) {
}
