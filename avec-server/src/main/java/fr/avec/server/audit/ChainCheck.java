package fr.avec.server.audit;

/**
 * The result of checking the audit chain.
 *
 * @param valid   whether every link and hash matched
 * @param events  events checked
 * @param brokenAt first sequence number where the chain breaks, or 0 when valid
 * @param problem what is wrong there, or null when valid
 */
public record ChainCheck(boolean valid, long events, long brokenAt, String problem) {
}
