package fr.avec.verify.readability;

/**
 * Who a piece of patient material is written for, with the reading level it must reach.
 *
 * @param targetScore   lowest acceptable Kandel–Moles score of the whole text (0 hard … 100 easy); NaN when the
 *                      French formula does not apply (another language)
 * @param maxWords      longest sentence, in words
 * @param easyToRead    whether the FALC rules apply (explain every difficult word, no abbreviation, no percentage,
 *                      long words flagged)
 */
public enum Audience {
    /** Adults: « standard » prose, 60 on the Flesch/Kandel–Moles scale (Flesch 1948: 60–70 « standard »). */
    ADULT(60, 25, false),
    /** Children: « easy », 70 and above, sentences of at most 15 words. */
    CHILD(70, 15, false),
    /**
     * Easy-to-read French (FALC, Inclusion Europe « L'information pour tous », 2009; UNAPEI 2009): short sentences
     * (at most 12 words here, one idea each), common words, every difficult word explained, no abbreviation, no
     * percentage; « fairly easy » 70 on Kandel–Moles as a whole-text floor.
     */
    FALC(70, 12, true),
    /** Material in another language: the French formula does not apply; sentence length only. */
    OTHER_LANGUAGE(Double.NaN, 20, false);

    private final double targetScore;
    private final int maxWords;
    private final boolean easyToRead;

    Audience(double targetScore, int maxWords, boolean easyToRead) {
        this.targetScore = targetScore;
        this.maxWords = maxWords;
        this.easyToRead = easyToRead;
    }

    public double targetScore() {
        return targetScore;
    }

    public int maxWords() {
        return maxWords;
    }

    public boolean easyToRead() {
        return easyToRead;
    }
}
