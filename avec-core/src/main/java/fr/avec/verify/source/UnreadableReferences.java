package fr.avec.verify.source;

/** A reference file that cannot be read; the message is safe to show and names the line where it can. */
public final class UnreadableReferences extends Exception {

    public UnreadableReferences(String message) {
        super(message, null, false, false);
    }

    public UnreadableReferences(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
