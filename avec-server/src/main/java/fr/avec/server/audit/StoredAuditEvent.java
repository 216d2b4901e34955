package fr.avec.server.audit;

/**
 * An audit event as stored: its place in the chain and the hashes linking it.
 *
 * @param seq      position in the chain, from 1
 * @param event    the event
 * @param prevHash hash of the event before (zeros for the first)
 * @param hash     hash of this event
 */
public record StoredAuditEvent(long seq, AuditEvent event, String prevHash, String hash) {
}
