package fr.avec.verify.citation;

/**
 * A reference as a synthesis cites it: its number in the bibliography and the text a claim citing it must be
 * supported by (title and abstract, or full text).
 */
public record CitedReference(int number, String text) {

    public CitedReference {
        if (number < 1) {
            throw new IllegalArgumentException("reference numbers start at 1");
        }
        text = text == null ? "" : text;
    }
}
