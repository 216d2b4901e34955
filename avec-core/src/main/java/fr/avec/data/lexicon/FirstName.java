package fr.avec.data.lexicon;

/**
 * A first name given in France, with the number of births that received it (INSEE, 1900–2024).
 *
 * @param name   the name in upper case with its accents, e.g. « FRANÇOISE »
 * @param sex    the sex it was given to
 * @param births the number of births, used to rank names by how common they are
 */
public record FirstName(String name, Sex sex, long births) {

    /** The sex in INSEE's file: 1 male, 2 female. */
    public enum Sex { MALE, FEMALE }
}
