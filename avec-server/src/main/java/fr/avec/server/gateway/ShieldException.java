package fr.avec.server.gateway;

/** The Protect engine or its vault failed: the request must not leave. The message names no patient data. */
public final class ShieldException extends Exception {

    public ShieldException(String message, Throwable cause) {
        super(message, cause);
    }
}
