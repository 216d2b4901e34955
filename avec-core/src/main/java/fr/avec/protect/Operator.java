package fr.avec.protect;

/** How an entity is transformed before the text leaves the hospital. */
public enum Operator {
    /** A numbered tag such as {@code [NOM_1]}: nothing plausible, easy for a reader to spot. */
    PLACEHOLDER,
    /** A realistic value of the same kind: names of the same sex, identifiers that pass their checksum, dates shifted per patient. */
    SURROGATE,
    /** The value with its letters and digits replaced by {@code X}, layout kept. */
    MASK,
    /** The value is deleted. */
    REMOVE
}
