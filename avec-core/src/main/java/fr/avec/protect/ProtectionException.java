package fr.avec.protect;

/**
 * Raised when the pseudonymizer cannot guarantee its result; the caller must then send nothing.
 * Messages never contain patient text.
 */
public final class ProtectionException extends RuntimeException {

    public ProtectionException(String message) {
        super(message);
    }

    public ProtectionException(String message, Throwable cause) {
        // The cause's message may quote the input: keep only its type.
        super(message + " (" + cause.getClass().getSimpleName() + ")");
        setStackTrace(cause.getStackTrace());
    }
}
