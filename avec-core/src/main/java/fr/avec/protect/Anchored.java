package fr.avec.protect;

import java.util.regex.Matcher;

/**
 * Runs a pattern only where it can start (a number token, a keyword, an « @ ») instead of at every character:
 * the scan stays linear and cheap on long notes with few identifiers.
 */
final class Anchored {

    private Anchored() {
    }

    /** Whether the pattern matches starting exactly at {@code start}; look-behinds still see the text before it. */
    static boolean at(Matcher m, int start) {
        m.reset();
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        m.region(start, m.regionEnd());
        return m.lookingAt();
    }
}
