package fr.avec.verify;

import java.util.Objects;

/**
 * One problem found in a generated text: {@code start}/{@code end} index the generated text in UTF-16 code
 * units (end exclusive). {@code suggestion} may be null. {@code source} points into a source when the
 * finding is about a passage of it (null otherwise), so that kinds such as omissions can cite the source.
 */
public record Finding(FindingKind kind, Severity severity, int start, int end, String text, String message,
                      String suggestion, SourceSpan source) {

    /** A passage of the i-th source text. */
    public record SourceSpan(int sourceIndex, int start, int end) {
    }

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    /** A finding with the kind's default severity and no source passage. */
    public static Finding of(FindingKind kind, String generated, int start, int end, String message, String suggestion) {
        return new Finding(kind, kind.defaultSeverity(), start, end, generated.substring(start, end), message, suggestion, null);
    }
}
