package fr.avec.server.workbench;

import java.util.List;

/**
 * The Verify engine as the workbench uses it: findings on a note against the consultation transcript,
 * with positions in the note, or the reason why the checks cannot run (never an empty list in disguise).
 */
public interface DraftVerifier {

    /** The findings on {@code text} against {@code transcript}, sorted by position; dismissals not applied. */
    Verification verify(String text, String transcript);

    /**
     * The outcome of checking one text.
     *
     * @param findings    what was found
     * @param checksNotRun checks that could not run and why (e.g. no drug database installed)
     */
    record Verification(List<ReviewFinding> findings, List<String> checksNotRun) {
        public Verification {
            findings = List.copyOf(findings);
            checksNotRun = List.copyOf(checksNotRun);
        }
    }
}
