package fr.avec.verify;

import java.util.Locale;

/** How serious a finding is; {@code error} findings make {@code avec check} exit with 1. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** The lower-case name used in JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
