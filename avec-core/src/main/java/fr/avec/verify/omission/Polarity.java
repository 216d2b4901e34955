package fr.avec.verify.omission;

/** Whether the source asserts a fact, denies it, or only raises it (a question, a hypothesis). */
public enum Polarity {
    AFFIRMED, NEGATED, HYPOTHETICAL
}
