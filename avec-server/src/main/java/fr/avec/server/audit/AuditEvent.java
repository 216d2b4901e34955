package fr.avec.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One gateway request as recorded in the audit trail: who, when, what went where, how much, and what
 * was found. Never patient text: {@code categories} and {@code findings} are counts by label or kind;
 * {@code content} is empty, pseudonymized or encrypted according to the route's content level.
 *
 * @param requestId        the {@code x-avec-request-id} given to the client
 * @param occurredAt       when the request arrived (millisecond precision, as hashed)
 * @param actor            user name of the API key
 * @param actorRole        role of the user
 * @param action           endpoint, e.g. {@code chat.completions}
 * @param useCase          use case of the route
 * @param upstream         upstream that answered, if any
 * @param model            model asked for
 * @param level            confidentiality level of the upstream
 * @param outcome          {@code released}, {@code refused}, {@code upstream_error}...
 * @param httpStatus       status given to the client
 * @param promptTokens     input tokens reported by the upstream, if any
 * @param completionTokens output tokens reported by the upstream, if any
 * @param latencyMs        total time until the answer was ready
 * @param overheadUs       time spent by Avec itself (total minus upstream), microseconds
 * @param categories       identifying data sent (or refused), count by label
 * @param findings         verification findings, count by kind
 * @param verificationMode how the answer was verified, if it was
 * @param energyKwh        estimated energy, if the model's size is known
 * @param gwpKg            estimated kgCO2e (usage and embodied)
 * @param impactMethod     methodology version of the estimate
 * @param contentLevel     {@code none}, {@code metadata}, {@code pseudonymized} or {@code full_encrypted}
 * @param content          content kept according to the level, or null
 */
public record AuditEvent(
        String requestId, Instant occurredAt, String actor, String actorRole, String action, String useCase,
        String upstream, String model, String level, String outcome, int httpStatus,
        Integer promptTokens, Integer completionTokens, long latencyMs, long overheadUs,
        Map<String, Integer> categories, Map<String, Integer> findings, String verificationMode,
        Double energyKwh, Double gwpKg, String impactMethod, String contentLevel, String content) {

    public AuditEvent {
        Objects.requireNonNull(requestId);
        Objects.requireNonNull(actor);
        Objects.requireNonNull(action);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(contentLevel);
        occurredAt = Instant.ofEpochMilli(occurredAt.toEpochMilli());
        categories = new TreeMap<>(categories == null ? Map.of() : categories);
        findings = new TreeMap<>(findings == null ? Map.of() : findings);
    }

    /** {@code LABEL=n,LABEL=n} in label order: the stored and hashed form of a count map. */
    public static String counts(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    /** Parses {@link #counts(Map)}. */
    public static Map<String, Integer> parseCounts(String text) {
        Map<String, Integer> counts = new TreeMap<>();
        if (text != null && !text.isBlank()) {
            for (String pair : text.split(",")) {
                int eq = pair.indexOf('=');
                counts.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)));
            }
        }
        return counts;
    }

    /**
     * The hash of this event at position {@code seq} after {@code previousHash}: SHA-256 over every
     * field in a fixed order, each length-prefixed so that no two field lists give the same input.
     */
    public String chainHash(long seq, String previousHash) {
        StringBuilder canonical = new StringBuilder(512);
        Object[] fields = {seq, previousHash, requestId, occurredAt.toEpochMilli(), actor, actorRole, action, useCase,
                upstream, model, level, outcome, httpStatus, promptTokens, completionTokens, latencyMs, overheadUs,
                counts(categories), counts(findings), verificationMode,
                energyKwh == null ? null : Double.doubleToLongBits(energyKwh),
                gwpKg == null ? null : Double.doubleToLongBits(gwpKg), impactMethod, contentLevel, content};
        for (Object field : fields) {
            String text = field == null ? "\u0000" : field.toString();
            canonical.append(text.length()).append(':').append(text).append('|');
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
