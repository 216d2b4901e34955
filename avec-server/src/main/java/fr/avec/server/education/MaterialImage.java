package fr.avec.server.education;

import java.time.Instant;

/**
 * An illustration of a piece of material (its bytes are read separately). It may be printed only once the
 * professional has checked its medical accuracy, its rights of use and the absence of stereotypes.
 *
 * @param energyWh the estimated energy of generating it ({@link ImageImpact}), null for an upload
 */
public record MaterialImage(long id, long materialId, String caption, String contentType, Origin origin, String prompt, Double energyWh,
                            boolean accuracyChecked, boolean rightsChecked, boolean stereotypesChecked, String checkedBy, Instant checkedAt) {

    /** Where the image comes from. */
    public enum Origin { GENERATED, UPLOADED }

    /** All three checks done. */
    public boolean checked() {
        return accuracyChecked && rightsChecked && stereotypesChecked;
    }
}
