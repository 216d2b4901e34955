package fr.avec.server.communicate;

/**
 * The external channel the referent decides to inform about an incident, beyond the tool's provider.
 * Which one applies is the referent's decision; the triage page says when each does.
 */
public enum Vigilance {
    /** No external declaration. */
    NONE,
    /**
     * ANSM matériovigilance: only when the AI tool is a medical device (CE marking under Regulation (EU) 2017/745);
     * a serious incident or risk is declared to the ANSM (code de la santé publique, art. L.5212-2).
     */
    ANSM_MATERIOVIGILANCE,
    /**
     * CNIL breach notification: a personal-data breach (GDPR art. 33) is notified to the CNIL within 72 hours of
     * becoming aware of it, unless it is unlikely to result in a risk to people; art. 34 adds informing them when the
     * risk is high.
     */
    CNIL_BREACH;

    public static Vigilance parse(String name) {
        for (Vigilance channel : values()) {
            if (channel.name().equals(name)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("unknown vigilance channel");
    }
}
