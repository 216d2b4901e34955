package fr.avec.estimate;

import java.util.List;

/**
 * What a professional changed between an AI draft and the validated text, counted in words.
 *
 * @param draftWords       words in the draft
 * @param validatedWords   words in the validated text
 * @param inserted         words added by the professional
 * @param deleted          words removed
 * @param substituted      words replaced by another word
 * @param sections         the changes per section of the draft, in the draft's order
 */
public record Corrections(int draftWords, int validatedWords, int inserted, int deleted, int substituted,
                          List<SectionChange> sections) {

    public Corrections {
        sections = List.copyOf(sections);
    }

    /** Word edits: insertions, deletions and substitutions. */
    public int edits() {
        return inserted + deleted + substituted;
    }

    /**
     * The normalised edit rate in [0, 1]: word edits divided by the length of the longer text, so that
     * rewriting a draft entirely counts as 1 however much was added.
     */
    public double editRate() {
        int longer = Math.max(draftWords, validatedWords);
        return longer == 0 ? 0 : Math.min(1.0, (double) edits() / longer);
    }

    /** Whether the draft was validated without a single word changed (an automation-bias signal when frequent). */
    public boolean unedited() {
        return edits() == 0;
    }

    /**
     * The changes within one section of the draft.
     *
     * @param title      the section heading as written in the draft (empty for text before the first heading)
     * @param draftWords words of the draft in this section
     * @param edits      word edits attributed to this section
     */
    public record SectionChange(String title, int draftWords, int edits) {

        /** Edits relative to the section's length, capped at 1. */
        public double editRate() {
            return draftWords == 0 ? (edits == 0 ? 0 : 1) : Math.min(1.0, (double) edits / draftWords);
        }
    }
}
