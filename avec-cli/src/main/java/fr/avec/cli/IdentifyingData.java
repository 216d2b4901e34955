package fr.avec.cli;

import fr.avec.verify.Verifier;
import java.util.Optional;

/** The identifying-data detector given to {@code avec check} for PHI_IN_OUTPUT (the Protect engine when present). */
final class IdentifyingData {

    private IdentifyingData() {
    }

    static Optional<Verifier.IdentifyingDataDetector> detector() {
        return Optional.empty();
    }
}
