package fr.avec.server.estimate;

import fr.avec.estimate.CorrectionsAnalysis;
import fr.avec.estimate.Drift;
import fr.avec.server.workbench.DraftVerifier;
import fr.avec.server.workbench.GatewayDrafts;
import fr.avec.server.workbench.ReviewFinding;
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
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Replays a use case's reference cases on a model through Avec's own gateway (the path of every workbench
 * draft: pseudonymization, routing, verification, audit), checks each output with the Verify engine
 * against its transcript, measures its similarity to the validated text, and compares the replay with the
 * previous one on that use case (or, the first time, with the original drafts). A replay starts on demand
 * and when an upstream reports a model version not seen before.
 */
public class DriftWatch {

    private static final Logger LOG = LoggerFactory.getLogger(DriftWatch.class);
    /** The account the replays are made with (audited as such). */
    public static final String REPLAY_USER = "avec-drift";

    private final JdbcClient jdbc;
    private final ReferenceCaseSet references;
    private final GatewayDrafts drafts;
    private final ObjectProvider<DraftVerifier> verifiers;
    private final Drift.Thresholds thresholds;
    private final ExecutorService replays = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("drift-replay").factory());

    public DriftWatch(JdbcClient jdbc, ReferenceCaseSet references, GatewayDrafts drafts, ObjectProvider<DraftVerifier> verifiers,
                      Drift.Thresholds thresholds) {
        this.jdbc = jdbc;
        this.references = references;
        this.drafts = drafts;
        this.verifiers = verifiers;
        this.thresholds = thresholds;
    }

    /** One replay as listed. */
    public record Run(long id, String useCase, String model, String modelVersion, String trigger, Instant startedAt, Instant finishedAt,
                      String status, int cases, int failedCases, String baseline, Double baselineFindings, Double findingsPerCase,
                      Double baselineSimilarity, Double similarity, boolean degraded, String reasons) {
    }

    /** Starts a replay in the background and returns its id; the run is listed as RUNNING until it ends. */
    public long start(String useCase, String model, String trigger) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO drift_run (use_case, model, trigger_reason, started_at, status, cases, failed_cases, degraded) "
                        + "VALUES (?, ?, ?, ?, 'RUNNING', 0, 0, FALSE)")
                .params(useCase, model, trigger, now).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        replays.submit(() -> {
            try {
                replay(id, useCase, model);
            } catch (RuntimeException failure) {
                LOG.atWarn().addKeyValue("run", id).addKeyValue("error", failure.getClass().getSimpleName()).log("drift replay failed");
                finish(id, "FAILED", null, 0, 0, null, null, false, failure.getClass().getSimpleName());
            }
        });
        return id;
    }

    private void replay(long id, String useCase, String model) {
        List<ReferenceCaseSet.ReferenceCase> cases = references.cases(useCase);
        DraftVerifier verifier = verifiers.getIfAvailable();
        if (cases.isEmpty() || verifier == null) {
            finish(id, "FAILED", null, 0, 0, null, null, false, cases.isEmpty() ? "no reference case" : "verification unavailable");
            return;
        }
        List<Drift.CaseResult> results = new ArrayList<>();
        String version = null;
        int failed = 0;
        for (ReferenceCaseSet.ReferenceCase reference : cases) {
            try {
                GatewayDrafts.Draft draft = drafts.generate(REPLAY_USER, model, reference.prompt(), reference.transcript(), piece -> { });
                version = draft.modelVersion() != null ? draft.modelVersion() : version;
                List<ReviewFinding> findings = verifier.verify(draft.text(), reference.transcript()).findings();
                int errors = (int) findings.stream().filter(ReviewFinding::error).count();
                double similarity = 1 - CorrectionsAnalysis.compare(draft.text(), reference.validatedText()).editRate();
                Map<String, Long> byKind = findings.stream().collect(Collectors.groupingBy(ReviewFinding::kind, TreeMap::new, Collectors.counting()));
                jdbc.sql("INSERT INTO drift_case (run_id, consultation_id, error_findings, findings, similarity, findings_by_kind) VALUES (?, ?, ?, ?, ?, ?)")
                        .params(id, reference.consultationId(), errors, findings.size(), similarity,
                                byKind.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")))
                        .update();
                results.add(new Drift.CaseResult(Long.toString(reference.consultationId()), errors, similarity));
            } catch (GatewayDrafts.DraftFailed | IOException refused) {
                failed++;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                finish(id, "FAILED", version, results.size(), failed, null, null, false, "interrupted");
                return;
            }
        }
        if (results.isEmpty()) {
            finish(id, "FAILED", version, 0, failed, null, null, false, "every replay was refused by the gateway");
            return;
        }
        Baseline baseline = baseline(id, useCase);
        Drift.Report report = Drift.compare(baseline.results(), results, thresholds);
        List<String> reasons = new ArrayList<>(report.reasons());
        if (failed > 0) {
            reasons.add(failed + " cas non rejoués (refus ou panne de la passerelle)");
        }
        finish(id, "DONE", version, results.size(), failed, baseline.name(), report, report.degraded() || failed > 0,
                String.join(" ; ", reasons));
    }

    private record Baseline(String name, List<Drift.CaseResult> results) {
    }

    /** The previous finished replay on the use case, else the original drafts of the reference cases. */
    private Baseline baseline(long id, String useCase) {
        Optional<Run> previous = runs(useCase, 50).stream().filter(r -> r.id() < id && "DONE".equals(r.status())).findFirst();
        if (previous.isPresent()) {
            Run run = previous.get();
            List<Drift.CaseResult> results = jdbc.sql("SELECT consultation_id, error_findings, similarity FROM drift_case WHERE run_id = ?")
                    .param(run.id())
                    .query((rs, n) -> new Drift.CaseResult(Long.toString(rs.getLong(1)), rs.getInt(2), rs.getDouble(3))).list();
            return new Baseline("#" + run.id() + " " + run.model() + (run.modelVersion() == null ? "" : " (" + run.modelVersion() + ")"), results);
        }
        List<Drift.CaseResult> originals = jdbc.sql("SELECT r.consultation_id, (SELECT COUNT(*) FROM finding_fate f WHERE "
                        + "f.consultation_id = r.consultation_id AND f.severity = 'error'), a.edit_rate FROM reference_case r "
                        + "JOIN document_analysis a ON a.consultation_id = r.consultation_id WHERE r.use_case = ?")
                .param(useCase)
                .query((rs, n) -> new Drift.CaseResult(Long.toString(rs.getLong(1)), rs.getInt(2), 1 - rs.getDouble(3))).list();
        return new Baseline("drafts", originals);
    }

    private void finish(long id, String status, String version, int cases, int failed, String baseline, Drift.Report report,
                        boolean degraded, String reasons) {
        jdbc.sql("UPDATE drift_run SET status = ?, model_version = ?, cases = ?, failed_cases = ?, baseline = ?, baseline_findings = ?, "
                        + "findings_per_case = ?, baseline_similarity = ?, similarity = ?, degraded = ?, reasons = ?, finished_at = ? WHERE id = ?")
                .params(status, version, cases, failed, baseline, report == null ? null : report.baselineFindingsPerCase(),
                        report == null ? null : report.candidateFindingsPerCase(), report == null ? null : report.baselineSimilarity(),
                        report == null ? null : report.candidateSimilarity(), degraded,
                        reasons == null ? null : reasons.substring(0, Math.min(2000, reasons.length())), OffsetDateTime.now(ZoneOffset.UTC), id)
                .update();
    }

    /** The replays of a use case (all use cases when null), most recent first. */
    public List<Run> runs(String useCase, int limit) {
        String where = useCase == null ? "" : " WHERE use_case = ?";
        return jdbc.sql("SELECT id, use_case, model, model_version, trigger_reason, started_at, finished_at, status, cases, failed_cases, "
                        + "baseline, baseline_findings, findings_per_case, baseline_similarity, similarity, degraded, reasons FROM drift_run"
                        + where + " ORDER BY id DESC LIMIT " + limit)
                .params(useCase == null ? List.of() : List.of(useCase))
                .query((rs, n) -> new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getString(8),
                        rs.getInt(9), rs.getInt(10), rs.getString(11), (Double) rs.getObject(12), (Double) rs.getObject(13),
                        (Double) rs.getObject(14), (Double) rs.getObject(15), rs.getBoolean(16), rs.getString(17)))
                .list();
    }

    public Optional<Run> run(long id) {
        return runs(null, 1000).stream().filter(r -> r.id() == id).findFirst();
    }

    /**
     * Records the model versions upstreams reported on recent drafts; a version of a known model not seen
     * before starts a replay of the use case on that model. Returns the replays started.
     */
    public List<Long> watchVersions(String useCase) {
        List<String[]> reported = jdbc.sql("SELECT DISTINCT model, model_version FROM consultation WHERE model IS NOT NULL "
                        + "AND model_version IS NOT NULL AND updated_at > ?")
                .param(OffsetDateTime.now(ZoneOffset.UTC).minusDays(3))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        List<Long> started = new ArrayList<>();
        for (String[] pair : reported) {
            boolean seen = jdbc.sql("SELECT COUNT(*) FROM model_version_seen WHERE model = ? AND model_version = ?")
                    .params(pair[0], pair[1]).query(Long.class).single() > 0;
            if (seen) {
                continue;
            }
            boolean modelKnown = jdbc.sql("SELECT COUNT(*) FROM model_version_seen WHERE model = ?").param(pair[0]).query(Long.class).single() > 0;
            jdbc.sql("INSERT INTO model_version_seen (model, model_version, first_seen) VALUES (?, ?, ?)")
                    .params(pair[0], pair[1], OffsetDateTime.now(ZoneOffset.UTC)).update();
            if (modelKnown && !references.cases(useCase).isEmpty()) {
                started.add(start(useCase, pair[0], "version:" + pair[1]));
            }
        }
        return started;
    }

    /** Stops the replay thread with the application. */
    public void close() {
        replays.shutdownNow();
    }
}
