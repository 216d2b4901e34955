package fr.avec.cli;

/** Unusable input or arguments found while running a subcommand: reported in one line with exit code 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
