package fr.avec.server.gateway;

import java.util.Locale;

/**
 * How far an upstream may be trusted with health data, from most to least trusted. Decides what leaves
 * Avec: raw text only to {@link #ON_PREMISE}, pseudonymized text to {@link #HDS} and
 * {@link #EU_CONTRACT}, and nothing identifying at all to {@link #PUBLIC}.
 */
public enum ConfidentialityLevel {
    /** Runs inside the hospital. */
    ON_PREMISE(3),
    /** A certified health-data host (hébergeur de données de santé). */
    HDS(2),
    /** A provider bound by a European contract, not HDS-certified. */
    EU_CONTRACT(1),
    /** A public service: no identifying data may reach it. */
    PUBLIC(0);

    private final int trust;

    ConfidentialityLevel(int trust) {
        this.trust = trust;
    }

    /** Whether this level is trusted at least as much as {@code other}. */
    public boolean atLeast(ConfidentialityLevel other) {
        return trust >= other.trust;
    }

    /** The configuration name, e.g. {@code on_premise}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
