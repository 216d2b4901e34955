package fr.avec.server.workbench;

/**
 * A finding of the Verify engine as the review screen shows it: where it is in the text under review,
 * what is wrong and what to do, the passage of the transcript that bears on it (or -1 when the transcript
 * has none), and the clinician's dismissal when there is one.
 *
 * @param kind          CONTRACTS.md finding kind, e.g. {@code UNKNOWN_DRUG}
 * @param severity      {@code error}, {@code warning} or {@code info}
 * @param start         start in the text under review (UTF-16 index)
 * @param end           end, exclusive
 * @param passageStart  start of the supporting transcript passage, or -1 when the transcript has none
 * @param passageEnd    end of that passage, or -1
 * @param dismissReason why the clinician dismissed it, or null while it is open
 */
public record ReviewFinding(String kind, String severity, int start, int end, String text, String message, String suggestion,
                            int passageStart, int passageEnd, String dismissReason) {

    public boolean error() {
        return "error".equals(severity);
    }

    public boolean dismissed() {
        return dismissReason != null;
    }

    /** An error neither fixed nor dismissed: it blocks validation. */
    public boolean blocking() {
        return error() && !dismissed();
    }

    public boolean hasPassage() {
        return passageStart >= 0;
    }

    /** The same finding, dismissed for that reason. */
    public ReviewFinding dismiss(String reason) {
        return new ReviewFinding(kind, severity, start, end, text, message, suggestion, passageStart, passageEnd, reason);
    }

    /** The key a dismissal is stored under: the same words flagged for the same kind stay dismissed. */
    public String key() {
        return kind + "\u0000" + text;
    }
}
