package fr.avec.server.learn;

import java.util.Objects;

/**
 * One case of the test bench: the source a model works from (e.g. a consultation transcript) and the
 * reference text a professional wrote or validated for it.
 *
 * @param key       a stable name of the case within its set
 * @param source    what the model receives
 * @param reference what a good answer looks like
 */
public record BenchCase(String key, String source, String reference) {

    /** Longest source or reference accepted (a long consultation transcript is about 60,000 characters). */
    public static final int MAX_TEXT = 400_000;

    public BenchCase {
        Objects.requireNonNull(key, "key");
        if (source == null || source.isBlank() || reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("case " + key + ": a source and a reference text are both required");
        }
        if (source.length() > MAX_TEXT || reference.length() > MAX_TEXT || key.length() > 128) {
            throw new IllegalArgumentException("case " + key + ": text too long");
        }
    }
}
