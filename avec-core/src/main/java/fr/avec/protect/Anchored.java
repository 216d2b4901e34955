package fr.avec.protect;

import java.util.regex.Matcher;

/**
 * Runs a pattern only where it can start (a number token, a keyword, an « @ ») instead of at every character:
 * the scan stays linear and cheap on long notes with few identifiers.
 */
final class Anchored {

    private Anchored() {
    }

    /**
     * Whether at least {@code min} digits (or the A/B of Corsican departments) follow {@code start} before a letter or a line break, within
     * {@code window} characters: a cheap test that spares the regex most numbers (doses, counts, dates).
     */
    static boolean digitsAhead(String text, int start, int min, int window) {
        int end = Math.min(text.length(), start + window);
        int digits = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' || c == 'A' || c == 'B') { // « 2A », « 2B »: Corsica in a NIR
                if (++digits >= min) {
                    return true;
                }
            } else if (c == '\n' || Character.isLetter(c) && c != 'A' && c != 'B') {
                return false;
            }
        }
        return false;
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
