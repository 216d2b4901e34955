package fr.avec.server.estimate;

import fr.avec.estimate.AutomationBias;
import fr.avec.estimate.Corrections;
import fr.avec.estimate.CorrectionsAnalysis;
import fr.avec.server.web.AiUseGate;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The corrections analysis of every validated document, stored once per document after validation (a scan
 * picks up the documents validated since the last one), and the daily roll-ups the dashboards read. The
 * document's gateway request (tokens, energy, CO2e) is found in the audit trail by its request id.
 */
public class DocumentAnalyses {

    private final java.util.function.BinaryOperator<String> contents;

    /** Finding kinds about drugs: one left open at validation is an « unresolved drug finding ». */
    static final Set<String> DRUG_KINDS = Set.of("UNKNOWN_DRUG", "DRUG_NOT_IN_SOURCE", "DOSE_NOT_MARKETED", "DOSE_NEVER_EVENT");
    /** Buckets of the edit-rate histogram (5 % each). */
    public static final int BUCKETS = 20;
    /** Stored for documents without a template, model or service, so that roll-up keys are never null. */
    public static final String NONE = "";

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final double rejectedEditRate;

    /**
     * @param rejectedEditRate edit rate from which a draft counts as rejected: the clinician rewrote it
     */
    public DocumentAnalyses(JdbcClient jdbc, TransactionTemplate transactions, double rejectedEditRate) {
        this(jdbc, transactions, rejectedEditRate, (column, stored) -> stored);
    }

    /** With {@code contents} opening the sealed consultation columns it reads (column name, stored value). */
    public DocumentAnalyses(JdbcClient jdbc, TransactionTemplate transactions, double rejectedEditRate,
                            java.util.function.BinaryOperator<String> contents) {
        this.contents = contents;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.rejectedEditRate = rejectedEditRate;
    }

    private record Pending(long id, String owner, String model, String modelVersion, boolean aiUsed, String draft, String finalText,
                           Instant createdAt, Instant validatedAt, String requestId, String templateCode, Integer templateVersion) {
    }

    private record Usage(long promptTokens, long completionTokens, double energyWh, double gwpG, Instant draftReady) {
        static final Usage NONE = new Usage(0, 0, 0, 0, null);
    }

    /** Analyses the documents validated and not yet analysed, and refreshes the roll-ups of their days; returns how many. */
    public int scan() {
        int total = 0;
        while (true) {
            List<Pending> batch = jdbc.sql("SELECT c.id, c.owner, c.model, c.model_version, c.ai_used, c.draft, c.final_text, c.created_at, "
                            + "c.validated_at, c.request_id, t.code, t.version FROM consultation c LEFT JOIN note_template t ON t.id = c.template_id "
                            + "WHERE c.status = 'VALIDATED' AND NOT EXISTS (SELECT 1 FROM document_analysis a WHERE a.consultation_id = c.id) "
                            + "ORDER BY c.id LIMIT 200")
                    .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                            contents.apply("draft", rs.getString(6)), contents.apply("final_text", rs.getString(7)), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)), rs.getString(10),
                            rs.getString(11), (Integer) rs.getObject(12)))
                    .list();
            if (batch.isEmpty()) {
                return total;
            }
            Set<LocalDate> days = new TreeSet<>();
            transactions.executeWithoutResult(status -> {
                for (Pending document : batch) {
                    days.add(analyse(document));
                }
                rollUp(days);
            });
            total += batch.size();
        }
    }

    private LocalDate analyse(Pending document) {
        boolean ai = document.aiUsed() && document.draft() != null;
        Corrections corrections = ai ? CorrectionsAnalysis.compare(document.draft(), document.finalText())
                : CorrectionsAnalysis.compare("", document.finalText() == null ? "" : document.finalText());
        Usage usage = ai ? usage(document.requestId()) : Usage.NONE;
        Instant draftReady = usage.draftReady() != null && !usage.draftReady().isAfter(document.validatedAt())
                ? usage.draftReady() : document.createdAt();
        long seconds = Duration.between(draftReady, document.validatedAt()).toSeconds();
        boolean unedited = ai && corrections.unedited();
        boolean rubberStamp = ai && new AutomationBias.Validation(document.owner(), unedited, Duration.ofSeconds(seconds),
                corrections.draftWords()).rubberStamp();
        double editRate = ai ? corrections.editRate() : 0;
        Map<String, int[]> fates = fates(document.id());
        int findings = fates.values().stream().mapToInt(f -> f[0]).sum();
        int unresolvedDrug = fates.entrySet().stream().filter(e -> DRUG_KINDS.contains(e.getKey())).mapToInt(e -> e.getValue()[3]).sum();
        int[] numbers = ai ? numberChanges(document.draft(), document.finalText()) : new int[2];
        String sections = corrections.sections().stream().filter(s -> s.edits() > 0 && !s.title().isEmpty())
                .sorted(Comparator.comparingDouble(Corrections.SectionChange::editRate).reversed()).limit(6)
                .map(s -> s.title().replace('=', ' ').replace(';', ' ') + "=" + String.format(java.util.Locale.ROOT, "%.2f", s.editRate()))
                .collect(Collectors.joining(";"));
        LocalDate day = document.validatedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        jdbc.sql("INSERT INTO document_analysis (consultation_id, activity_day, validated_at, use_case, template_code, template_version, model, "
                        + "model_version, service, owner, ai_used, draft_words, validated_words, edits, edit_rate, bucket, unedited, rejected, "
                        + "seconds_to_validate, rubber_stamp, findings, unresolved_drug, added_numbers, removed_numbers, prompt_tokens, "
                        + "completion_tokens, energy_wh, gwp_g, sections) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                        + "COALESCE((SELECT service FROM estimate_service WHERE user_name = ?), ''), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(document.id(), day, OffsetDateTime.ofInstant(document.validatedAt(), ZoneOffset.UTC), AiUseGate.CONSULTATION,
                        orNone(document.templateCode()), document.templateVersion() == null ? 0 : document.templateVersion(),
                        orNone(document.model()), orNone(document.modelVersion() != null ? document.modelVersion() : document.model()),
                        document.owner(), document.owner(), ai, corrections.draftWords(), corrections.validatedWords(), corrections.edits(),
                        editRate, bucket(editRate), unedited, ai && editRate >= rejectedEditRate, seconds, rubberStamp, findings,
                        unresolvedDrug, numbers[0], numbers[1], usage.promptTokens(), usage.completionTokens(), usage.energyWh(),
                        usage.gwpG(), truncate(sections, 2000))
                .update();
        fates.forEach((kind, count) -> jdbc.sql("INSERT INTO document_finding (consultation_id, kind, raised, fixed, dismissed, accepted) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(document.id(), kind, count[0], count[1], count[2], count[3]).update());
        return day;
    }

    /** Raised, fixed, dismissed and accepted findings per kind, from the fates the workbench wrote at validation. */
    private Map<String, int[]> fates(long consultationId) {
        Map<String, int[]> counts = new HashMap<>();
        jdbc.sql("SELECT kind, fate FROM finding_fate WHERE consultation_id = ?").param(consultationId).query((rs, n) -> {
            int[] count = counts.computeIfAbsent(rs.getString(1), k -> new int[4]);
            count[0]++;
            switch (rs.getString(2)) {
                case "FIXED" -> count[1]++;
                case "DISMISSED" -> count[2]++;
                default -> count[3]++;
            }
            return null;
        }).list();
        return counts;
    }

    private Usage usage(String requestId) {
        if (requestId == null) {
            return Usage.NONE;
        }
        return jdbc.sql("SELECT COALESCE(SUM(prompt_tokens), 0), COALESCE(SUM(completion_tokens), 0), COALESCE(SUM(energy_kwh), 0), "
                        + "COALESCE(SUM(gwp_kg), 0), MAX(occurred_at), MAX(latency_ms) FROM audit_event WHERE request_id = ?")
                .param(requestId)
                .query((rs, n) -> {
                    Instant at = instant(rs.getTimestamp(5));
                    return new Usage(rs.getLong(1), rs.getLong(2), rs.getDouble(3) * 1000, rs.getDouble(4) * 1000,
                            at == null ? null : at.plusMillis(rs.getLong(6)));
                })
                .single();
    }

    /** Values added and removed by the clinician (numbers, compared as multisets): facts that changed. */
    static int[] numberChanges(String draft, String validated) {
        Map<String, Integer> before = numbers(draft);
        Map<String, Integer> after = numbers(validated);
        int added = 0;
        int removed = 0;
        Set<String> all = new TreeSet<>(before.keySet());
        all.addAll(after.keySet());
        for (String number : all) {
            int difference = after.getOrDefault(number, 0) - before.getOrDefault(number, 0);
            if (difference > 0) {
                added += difference;
            } else {
                removed -= difference;
            }
        }
        return new int[] {added, removed};
    }

    private static Map<String, Integer> numbers(String text) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher matcher = NUMBER.matcher(text == null ? "" : text);
        while (matcher.find()) {
            counts.merge(matcher.group().replace(',', '.'), 1, Integer::sum);
        }
        return counts;
    }

    static int bucket(double editRate) {
        return Math.max(0, Math.min(BUCKETS - 1, (int) Math.floor(editRate * BUCKETS)));
    }

    /** Recomputes the daily roll-ups of those days from the document rows (idempotent). */
    public void rollUp(Set<LocalDate> days) {
        for (LocalDate day : days) {
            jdbc.sql("DELETE FROM estimate_day WHERE activity_day = ?").param(day).update();
            jdbc.sql("DELETE FROM estimate_finding_day WHERE activity_day = ?").param(day).update();
            jdbc.sql(ROLL_UP_DAYS + " WHERE activity_day = ? GROUP BY " + DIMENSIONS).param(day).update();
            jdbc.sql(ROLL_UP_FINDINGS + " WHERE a.activity_day = ? GROUP BY a.activity_day, a.use_case, a.template_code, a.model, a.model_version, a.service, f.kind")
                    .param(day).update();
            jdbc.sql("DELETE FROM estimate_owner_day WHERE activity_day = ?").param(day).update();
            jdbc.sql(ROLL_UP_OWNERS + " AND activity_day = ? GROUP BY activity_day, use_case, service, owner").param(day).update();
        }
    }

    /** Rebuilds every roll-up from the document rows (after a bulk load; the benchmark measures it). */
    public void rollUpAll() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM estimate_day").update();
            jdbc.sql("DELETE FROM estimate_finding_day").update();
            jdbc.sql(ROLL_UP_DAYS + " GROUP BY " + DIMENSIONS).update();
            jdbc.sql(ROLL_UP_FINDINGS + " GROUP BY a.activity_day, a.use_case, a.template_code, a.model, a.model_version, a.service, f.kind").update();
            jdbc.sql("DELETE FROM estimate_owner_day").update();
            jdbc.sql(ROLL_UP_OWNERS + " GROUP BY activity_day, use_case, service, owner").update();
        });
    }

    private static final String DIMENSIONS = "activity_day, use_case, template_code, template_version, model, model_version, service";

    private static final String ROLL_UP_DAYS = buildRollUp();

    private static String buildRollUp() {
        StringBuilder columns = new StringBuilder();
        StringBuilder sums = new StringBuilder();
        for (int i = 0; i < BUCKETS; i++) {
            columns.append(", h").append(i);
            sums.append(", SUM(CASE WHEN ai_used AND bucket = ").append(i).append(" THEN 1 ELSE 0 END)");
        }
        return "INSERT INTO estimate_day (" + DIMENSIONS + ", documents, without_ai, unedited, rejected, rubber_stamps, findings, "
                + "unresolved_drug, edit_rate_sum, seconds_sum, prompt_tokens, completion_tokens, energy_wh, gwp_g" + columns + ") "
                + "SELECT " + DIMENSIONS + ", COUNT(*), SUM(CASE WHEN ai_used THEN 0 ELSE 1 END), SUM(CASE WHEN unedited THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN rejected THEN 1 ELSE 0 END), SUM(CASE WHEN rubber_stamp THEN 1 ELSE 0 END), SUM(findings), "
                + "SUM(CASE WHEN unresolved_drug > 0 THEN 1 ELSE 0 END), SUM(CASE WHEN ai_used THEN edit_rate ELSE 0 END), "
                + "SUM(CASE WHEN ai_used THEN COALESCE(seconds_to_validate, 0) ELSE 0 END), SUM(prompt_tokens), SUM(completion_tokens), "
                + "SUM(energy_wh), SUM(gwp_g)" + sums + " FROM document_analysis";
    }

    private static final String ROLL_UP_FINDINGS = "INSERT INTO estimate_finding_day (activity_day, use_case, template_code, model, model_version, "
            + "service, kind, raised, fixed, dismissed, accepted) SELECT a.activity_day, a.use_case, a.template_code, a.model, a.model_version, "
            + "a.service, f.kind, SUM(f.raised), SUM(f.fixed), SUM(f.dismissed), SUM(f.accepted) "
            + "FROM document_finding f JOIN document_analysis a ON a.consultation_id = f.consultation_id";

    private static final String ROLL_UP_OWNERS = "INSERT INTO estimate_owner_day (activity_day, use_case, service, owner, validations, "
            + "rubber_stamps) SELECT activity_day, use_case, service, owner, COUNT(*), SUM(CASE WHEN rubber_stamp THEN 1 ELSE 0 END) "
            + "FROM document_analysis WHERE ai_used";

    private static String orNone(String value) {
        return value == null ? NONE : truncate(value, 128);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
