package fr.avec.server.communicate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Incident reports and their triage: a person reports a problem on a document or one of its findings; the AI
 * referent moves it from new to analysing to closed, writes the analysis and decides whom to inform. Each change
 * is kept in the incident's history. Free text is pseudonymized by {@link FreeText} before it is stored.
 */
@Component
public class Incidents {

    static final int MAX_TEXT = 4000;
    private static final Pattern FINDING_KIND = Pattern.compile("[A-Z][A-Z_]{0,63}");
    private static final List<String> SEVERITIES = List.of("error", "warning", "info");
    private static final String COLUMNS = "id, reporter, kind, status, consultation_id, finding_kind, finding_severity, finding_start, "
            + "finding_end, description, analysis, inform_provider, vigilance, created_at, updated_at, closed_at";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final FreeText freeText;
    private final Clock clock;

    /**
     * What a report is about: a document, optionally one of its findings (kind, severity, position), never its text.
     * {@link #NONE} for a problem not tied to a document.
     */
    public record Subject(Long consultationId, String findingKind, String findingSeverity, Integer findingStart, Integer findingEnd) {

        public static final Subject NONE = new Subject(null, null, null, null, null);

        public Subject {
            if (findingKind != null) {
                if (consultationId == null || !FINDING_KIND.matcher(findingKind).matches()
                        || findingSeverity != null && !SEVERITIES.contains(findingSeverity)
                        || findingStart != null && (findingStart < 0 || findingEnd == null || findingEnd < findingStart)) {
                    throw new IllegalArgumentException("malformed finding reference");
                }
            }
        }

        public static Subject document(long consultationId) {
            return new Subject(consultationId, null, null, null, null);
        }
    }

    /** A report as stored, with how many identifying elements Protect replaced in what was typed. */
    public record Reported(Incident incident, int replaced) {
    }

    public Incidents(JdbcClient jdbc, TransactionTemplate transactions, FreeText freeText) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.freeText = freeText;
        this.clock = Clock.systemUTC();
    }

    /**
     * Records a new report. The caller has checked that the reporter may see the document referenced.
     *
     * @throws IllegalArgumentException when the description is too long
     */
    public Reported report(String reporter, IncidentKind kind, Subject subject, String description) {
        Objects.requireNonNull(kind, "kind");
        String typed = description == null ? "" : description.strip();
        if (typed.length() > MAX_TEXT) {
            throw new IllegalArgumentException("description too long");
        }
        if (typed.isEmpty() && subject.consultationId() == null) {
            throw new IllegalArgumentException("a report about no document needs a description");
        }
        FreeText.Redacted redacted = typed.isEmpty() ? new FreeText.Redacted("", 0) : freeText.pseudonymize(typed);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Long id = transactions.execute(status -> {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO incident (reporter, kind, status, consultation_id, finding_kind, finding_severity, finding_start, "
                            + "finding_end, description, inform_provider, vigilance, created_at, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?)")
                    .params(reporter, kind.name(), Incident.Status.NEW.name(), subject.consultationId(), subject.findingKind(),
                            subject.findingSeverity(), subject.findingStart(), subject.findingEnd(), redacted.text(), Vigilance.NONE.name(), now, now)
                    .update(key, "id");
            long created = key.getKeyAs(Number.class).longValue();
            change(created, reporter, "status", null, Incident.Status.NEW.name(), now);
            return created;
        });
        return new Reported(find(id).orElseThrow(), redacted.replaced());
    }

    /**
     * The referent's triage: status, analysis and decisions; each field that changes is written to the history.
     *
     * @return how many identifying elements Protect replaced in the analysis
     * @throws IllegalArgumentException when closing without an analysis, or the analysis is too long
     */
    public int triage(long id, String referent, Incident.Status status, String analysis, boolean informProvider, Vigilance vigilance) {
        String typed = analysis == null ? "" : analysis.strip();
        if (typed.length() > MAX_TEXT) {
            throw new IllegalArgumentException("analysis too long");
        }
        if (status == Incident.Status.CLOSED && typed.isEmpty()) {
            throw new IllegalArgumentException("an incident is closed with its analysis");
        }
        FreeText.Redacted redacted = typed.isEmpty() ? new FreeText.Redacted("", 0) : freeText.pseudonymize(typed);
        String stored = redacted.text().isEmpty() ? null : redacted.text();
        transactions.executeWithoutResult(tx -> {
            Incident before = jdbc.sql("SELECT " + COLUMNS + " FROM incident WHERE id = ? FOR UPDATE").param(id).query(Incidents::row).optional()
                    .orElseThrow(() -> new IllegalArgumentException("no such incident"));
            OffsetDateTime now = OffsetDateTime.now(clock);
            boolean changed = false;
            if (before.status() != status) {
                changed |= change(id, referent, "status", before.status().name(), status.name(), now);
            }
            if (!Objects.equals(before.analysis(), stored)) {
                changed |= change(id, referent, "analysis", before.analysis(), stored, now);
            }
            if (before.informProvider() != informProvider) {
                changed |= change(id, referent, "informProvider", Boolean.toString(before.informProvider()), Boolean.toString(informProvider), now);
            }
            if (before.vigilance() != vigilance) {
                changed |= change(id, referent, "vigilance", before.vigilance().name(), vigilance.name(), now);
            }
            if (changed) {
                OffsetDateTime closed = status == Incident.Status.CLOSED
                        ? before.closedAt() == null ? now : OffsetDateTime.ofInstant(before.closedAt(), java.time.ZoneOffset.UTC)
                        : null;
                jdbc.sql("UPDATE incident SET status = ?, analysis = ?, inform_provider = ?, vigilance = ?, updated_at = ?, closed_at = ? WHERE id = ?")
                        .params(status.name(), stored, informProvider, vigilance.name(), now, closed, id).update();
            }
        });
        return redacted.replaced();
    }

    private boolean change(long id, String actor, String field, String oldValue, String newValue, OffsetDateTime at) {
        jdbc.sql("INSERT INTO incident_event (incident_id, occurred_at, actor, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, at, actor, field, oldValue, newValue).update();
        return true;
    }

    public Optional<Incident> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident WHERE id = ?").param(id).query(Incidents::row).optional();
    }

    /** The reports a person made, newest first. */
    public List<Incident> reportedBy(String reporter) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident WHERE reporter = ? ORDER BY id DESC").param(reporter).query(Incidents::row).list();
    }

    /** Every report, open ones first, then newest first (the referent's triage list). */
    public List<Incident> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident ORDER BY CASE WHEN status = 'CLOSED' THEN 1 ELSE 0 END, id DESC")
                .query(Incidents::row).list();
    }

    /** The incident's history, oldest first. */
    public List<Incident.Change> history(long id) {
        return jdbc.sql("SELECT occurred_at, actor, field, old_value, new_value FROM incident_event WHERE incident_id = ? ORDER BY id")
                .param(id)
                .query((rs, n) -> new Incident.Change(instant(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    private static Incident row(ResultSet rs, int n) throws SQLException {
        return new Incident(rs.getLong(1), rs.getString(2), IncidentKind.parse(rs.getString(3)), Incident.Status.parse(rs.getString(4)),
                (Long) rs.getObject(5, Long.class), rs.getString(6), rs.getString(7), rs.getObject(8, Integer.class), rs.getObject(9, Integer.class),
                rs.getString(10), rs.getString(11), rs.getBoolean(12), Vigilance.parse(rs.getString(13)), instant(rs, 14), instant(rs, 15),
                instant(rs, 16));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
