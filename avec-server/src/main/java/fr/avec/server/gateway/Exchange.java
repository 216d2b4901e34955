package fr.avec.server.gateway;

import fr.avec.estimate.impact.ImpactEstimate;
import fr.avec.server.audit.AuditEvent;
import fr.avec.server.security.Caller;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** What one gateway request has gathered so far, turned into its audit event at the end. */
final class Exchange {

    final String requestId;
    final long startNanos = System.nanoTime();
    final Instant at = Instant.now();
    final Caller caller;
    final String action;
    String useCaseName;
    GatewayProperties.UseCase useCase;
    String model;
    GatewayProperties.Upstream upstream;
    Map<String, Integer> categories = new TreeMap<>();
    Map<String, Integer> findings = new TreeMap<>();
    boolean verified;
    Integer promptTokens;
    Integer completionTokens;
    long upstreamNanos;
    ImpactEstimate impact;
    String sentText;
    String answerText;
    String pseudonymizedAnswer;
    /** The conversation mapping to store with the audit event, when it changed. */
    fr.avec.server.conversation.SealedConversation sealed;

    Exchange(String requestId, Caller caller, String action) {
        this.requestId = requestId;
        this.caller = caller;
        this.action = action;
    }

    long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    long overheadNanos() {
        return Math.max(0, elapsedNanos() - upstreamNanos);
    }

    /** The audit event of this request ending with that outcome; content is computed by the caller. */
    AuditEvent event(String outcome, int status, ContentLevel level, String content) {
        return new AuditEvent(requestId, at, caller.user(), caller.role().id(), action, useCaseName,
                upstream == null ? null : upstream.name(), model, upstream == null ? null : upstream.level().id(),
                outcome, status, promptTokens, completionTokens, elapsedNanos() / 1_000_000, overheadNanos() / 1_000,
                categories, findings, useCase == null || !verified ? null : useCase.verification().id(),
                impact == null ? null : impact.energyKwh(), impact == null ? null : impact.gwpKg(),
                impact == null ? null : impact.methodology(), level.id(), content);
    }

    /** {@code KIND=n,KIND=n}, or {@code none}: the {@code x-avec-findings} header. */
    String findingsHeader() {
        if (useCase != null && useCase.verification() != VerificationMode.NONE && !verified && upstream != null && answerText != null) {
            return "unverified";
        }
        return findings.isEmpty() ? "none" : AuditEvent.counts(findings);
    }
}
