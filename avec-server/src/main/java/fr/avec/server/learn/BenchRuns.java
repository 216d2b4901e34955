package fr.avec.server.learn;

import fr.avec.server.audit.AuditEvent;
import fr.avec.server.workbench.GatewayDrafts;
import fr.avec.verify.Finding;
import fr.avec.verify.Report;
import fr.avec.verify.Verifier;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Runs a candidate model on a case set through the real gateway path (the workbench's own client: routed,
 * pseudonymized, verified and audited like a clinician's draft), then scores each output: Verify findings by
 * kind against the case's source, ROUGE-L similarity to the reference ({@link Similarity}), and the latency,
 * tokens and energy the gateway recorded for that request in the audit trail (EcoLogits estimate of
 * {@code fr.avec.estimate.impact}). Results are kept with the register entry of the upstream that answered.
 */
@Component
public class BenchRuns {

    private static final Logger LOG = LoggerFactory.getLogger(BenchRuns.class);

    private final JdbcClient jdbc;
    private final CaseSets caseSets;
    private final GatewayDrafts gateway;
    private final Verifier verifier;
    private final ExecutorService runner = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("avec-bench-", 0).factory());

    /** Where a run stands. */
    public enum Status { RUNNING, FINISHED, INTERRUPTED }

    /** One run. */
    public record Run(long id, long caseSetId, String caseSetName, String model, String upstream, String instruction, Status status,
                      Instant startedAt, Instant finishedAt, String startedBy) {
    }

    /** The result of one case in one run; numbers are null when unknown (e.g. no model size for the energy). */
    public record Result(long caseId, String caseKey, String output, String error, String requestId, String answeredBy, Long latencyMs,
                         Integer promptTokens, Integer completionTokens, Double energyKwh, Double gwpKg, Map<String, Integer> findings,
                         Double similarity) {

        public int findingCount() {
            return findings.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * A run's figures over its cases.
     *
     * @param cases          cases in the set
     * @param answered       cases with an output
     * @param meanSimilarity mean ROUGE-L F1 over answered cases, or null
     * @param findings       findings by kind over all outputs
     * @param medianLatencyMs median latency, or null
     * @param promptTokens   total input tokens reported
     * @param completionTokens total output tokens reported
     * @param energyKwh      total estimated energy, or null when no estimate was possible
     */
    public record Summary(int cases, int answered, Double meanSimilarity, Map<String, Integer> findings, Long medianLatencyMs,
                          long promptTokens, long completionTokens, Double energyKwh) {
        public int findingCount() {
            return findings.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public BenchRuns(JdbcClient jdbc, CaseSets caseSets, GatewayDrafts gateway, Verifier verifier) {
        this.jdbc = jdbc;
        this.caseSets = caseSets;
        this.gateway = gateway;
        this.verifier = verifier;
    }

    /** The models a run may use: those the workbench may send consultation data to. */
    public List<GatewayDrafts.ModelChoice> candidates() {
        return gateway.models();
    }

    /**
     * Starts a run in the background and returns its id.
     *
     * @throws IllegalArgumentException for an unknown case set or a model not allowed
     */
    public long start(long caseSetId, String model, String instruction, String user) {
        CaseSets.CaseSet set = caseSets.find(caseSetId).orElseThrow(() -> new IllegalArgumentException("no case set " + caseSetId));
        GatewayDrafts.ModelChoice choice = candidates().stream().filter(m -> m.model().equals(model)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("model not allowed: " + model));
        if (instruction == null || instruction.isBlank() || instruction.length() > 20_000) {
            throw new IllegalArgumentException("an instruction of at most 20,000 characters is required");
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO bench_run (case_set_id, model, upstream, instruction, status, started_at, started_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(set.id(), model, choice.upstream(), instruction.strip(), Status.RUNNING.name(), OffsetDateTime.now(ZoneOffset.UTC), user)
                .update(key, "id");
        long runId = key.getKeyAs(Number.class).longValue();
        runner.submit(() -> execute(runId, set.id(), model, instruction.strip(), user));
        return runId;
    }

    private void execute(long runId, long setId, String model, String instruction, String user) {
        Status end = Status.FINISHED;
        try {
            for (CaseSets.StoredCase stored : caseSets.cases(setId)) {
                if (Thread.currentThread().isInterrupted()) {
                    end = Status.INTERRUPTED;
                    break;
                }
                runCase(runId, stored, model, instruction, user);
            }
        } catch (RuntimeException failed) {
            LOG.atWarn().addKeyValue("bench_run", runId).log("bench run stopped: {}", failed.getClass().getName());
            end = Status.INTERRUPTED;
        } finally {
            try {
                jdbc.sql("UPDATE bench_run SET status = ?, finished_at = ? WHERE id = ?")
                        .params(end.name(), OffsetDateTime.now(ZoneOffset.UTC), runId).update();
            } catch (RuntimeException databaseGone) {
                // Shutting down: the run stays RUNNING in the list and is shown as not finished.
            }
        }
    }

    private void runCase(long runId, CaseSets.StoredCase stored, String model, String instruction, String user) {
        BenchCase c = stored.value();
        String output = null;
        String error = null;
        String requestId = null;
        try {
            GatewayDrafts.Draft draft = gateway.generate(user, model, instruction, c.source(), delta -> { });
            output = draft.text();
            requestId = draft.requestId();
        } catch (GatewayDrafts.DraftFailed failed) {
            error = truncate("HTTP " + failed.status() + ": " + failed.getMessage());
        } catch (IOException unreachable) {
            error = "the gateway could not be reached";
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        Map<String, Integer> findings = new TreeMap<>();
        Double similarity = null;
        if (output != null) {
            Report report = verifier.verify(output, List.of(c.source()), List.of(), Verifier.Options.DEFAULT);
            for (Finding finding : report.findings()) {
                findings.merge(finding.kind().name(), 1, Integer::sum);
            }
            similarity = Similarity.rougeL(output, c.reference());
        }
        Metered metered = requestId == null ? null : metered(requestId).orElse(null);
        jdbc.sql("""
                INSERT INTO bench_result (run_id, case_id, output, error, request_id, answered_by, latency_ms, prompt_tokens, completion_tokens,
                    energy_kwh, gwp_kg, findings, similarity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(runId, stored.id(), output, error, requestId, metered == null ? null : metered.upstream(),
                        metered == null ? null : metered.latencyMs(), metered == null ? null : metered.promptTokens(),
                        metered == null ? null : metered.completionTokens(), metered == null ? null : metered.energyKwh(),
                        metered == null ? null : metered.gwpKg(), AuditEvent.counts(findings), similarity)
                .update();
    }

    /** What the gateway recorded about one request. */
    private record Metered(String upstream, Long latencyMs, Integer promptTokens, Integer completionTokens, Double energyKwh, Double gwpKg) {
    }

    private Optional<Metered> metered(String requestId) {
        return jdbc.sql("SELECT upstream, latency_ms, prompt_tokens, completion_tokens, energy_kwh, gwp_kg FROM audit_event WHERE request_id = ? "
                        + "ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY").param(requestId)
                .query((rs, n) -> new Metered(rs.getString(1), rs.getLong(2), (Integer) rs.getObject(3, Integer.class),
                        (Integer) rs.getObject(4, Integer.class), (Double) rs.getObject(5, Double.class), (Double) rs.getObject(6, Double.class)))
                .optional();
    }

    private static final String RUN_COLUMNS = "r.id, r.case_set_id, s.name, r.model, r.upstream, r.instruction, r.status, r.started_at, "
            + "r.finished_at, r.started_by FROM bench_run r JOIN bench_case_set s ON s.id = r.case_set_id";

    private static Run run(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime finished = rs.getObject(9, OffsetDateTime.class);
        return new Run(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                Status.valueOf(rs.getString(7)), rs.getObject(8, OffsetDateTime.class).toInstant(), finished == null ? null : finished.toInstant(),
                rs.getString(10));
    }

    public List<Run> all() {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " ORDER BY r.id DESC").query((rs, n) -> run(rs)).list();
    }

    public Optional<Run> find(long id) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " WHERE r.id = ?").param(id).query((rs, n) -> run(rs)).optional();
    }

    /** The runs kept with one register entry: those expected on, or answered by, that upstream. */
    public List<Run> ofUpstream(String upstream) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " WHERE r.upstream = ? OR r.id IN (SELECT run_id FROM bench_result WHERE answered_by = ?) "
                + "ORDER BY r.id DESC").params(upstream, upstream).query((rs, n) -> run(rs)).list();
    }

    /** The results of a run in case order. */
    public List<Result> results(long runId) {
        return jdbc.sql("""
                SELECT b.case_id, c.case_key, b.output, b.error, b.request_id, b.answered_by, b.latency_ms, b.prompt_tokens, b.completion_tokens,
                    b.energy_kwh, b.gwp_kg, b.findings, b.similarity
                FROM bench_result b JOIN bench_case c ON c.id = b.case_id WHERE b.run_id = ? ORDER BY c.position""").param(runId)
                .query((rs, n) -> new Result(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        (Long) rs.getObject(7, Long.class), (Integer) rs.getObject(8, Integer.class), (Integer) rs.getObject(9, Integer.class),
                        (Double) rs.getObject(10, Double.class), (Double) rs.getObject(11, Double.class), AuditEvent.parseCounts(rs.getString(12)),
                        (Double) rs.getObject(13, Double.class)))
                .list();
    }

    /** The figures of a run over its results. */
    public static Summary summary(int cases, List<Result> results) {
        List<Result> answered = results.stream().filter(r -> r.output() != null).toList();
        Map<String, Integer> findings = new TreeMap<>();
        answered.forEach(r -> r.findings().forEach((k, v) -> findings.merge(k, v, Integer::sum)));
        Double mean = answered.isEmpty() ? null : answered.stream().mapToDouble(Result::similarity).average().orElse(0);
        List<Long> latencies = new ArrayList<>(answered.stream().map(Result::latencyMs).filter(java.util.Objects::nonNull).sorted().toList());
        Long median = latencies.isEmpty() ? null : latencies.get((latencies.size() - 1) / 2);
        long in = answered.stream().map(Result::promptTokens).filter(java.util.Objects::nonNull).mapToLong(Integer::longValue).sum();
        long out = answered.stream().map(Result::completionTokens).filter(java.util.Objects::nonNull).mapToLong(Integer::longValue).sum();
        boolean allEnergy = !answered.isEmpty() && answered.stream().allMatch(r -> r.energyKwh() != null);
        Double energy = allEnergy ? answered.stream().mapToDouble(Result::energyKwh).sum() : null;
        return new Summary(cases, answered.size(), mean, findings, median, in, out, energy);
    }

    /** Stops running benches when the server stops. */
    @PreDestroy
    void stop() throws InterruptedException {
        runner.shutdownNow();
        runner.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static String truncate(String text) {
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
