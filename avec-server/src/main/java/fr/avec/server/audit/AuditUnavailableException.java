package fr.avec.server.audit;

/** The audit store cannot record: the gateway must not let a request leave nor an answer be released. */
public final class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
