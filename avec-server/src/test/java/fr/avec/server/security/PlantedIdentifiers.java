package fr.avec.server.security;

import java.util.List;

/**
 * Identifiers planted in test inputs (a NIR, a name, a phone number, in the forms people type them)
 * that must never reach a log line: {@link LogWatch} looks for them in every log call of the test suite.
 * Invented: the name is rare, the NIR has a valid key but belongs to no one known.
 */
public final class PlantedIdentifiers {

    public static final String NAME = "Quintanilla";
    public static final String NIR = "2 84 05 75 108 042 37";
    public static final String NIR_COMPACT = "284057510804237";
    public static final String PHONE = "06 71 28 44 93";
    public static final String PHONE_COMPACT = "0671284493";
    public static final List<String> ALL = List.of(NAME, NIR, NIR_COMPACT, PHONE, PHONE_COMPACT);

    /** A short clinical text carrying all of them. */
    public static final String TEXT = "Mme Berthe " + NAME + ", NIR " + NIR + ", tél. " + PHONE + " (" + PHONE_COMPACT
            + "), tousse depuis 5 jours ; NIR sans espaces " + NIR_COMPACT + ".";

    private PlantedIdentifiers() {
    }
}
