package fr.avec.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the audit trail: filtered pages for the DPO, and the check of the whole hash chain. */
@Component
public class AuditRecords {

    static final String ZERO_HASH = "0".repeat(64);
    private static final String COLUMNS = """
            seq, request_id, occurred_at, actor, actor_role, action, use_case, upstream, model, level, outcome,
            http_status, prompt_tokens, completion_tokens, latency_ms, overhead_us, categories, findings,
            verification_mode, energy_kwh, gwp_kg, impact_method, content_level, content, prev_hash, hash""";

    private final JdbcClient jdbc;

    public AuditRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Filters of {@link #page}; null fields do not filter. */
    public record Filter(String actor, String useCase, String upstream, String outcome, Instant from, Instant to) {
    }

    /** One page of events, most recent first, and the total matching. */
    public record Page(List<StoredAuditEvent> events, long total, int page, int size) {
    }

    public Page page(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        condition(where, params, "actor = ?", filter.actor());
        condition(where, params, "use_case = ?", filter.useCase());
        condition(where, params, "upstream = ?", filter.upstream());
        condition(where, params, "outcome = ?", filter.outcome());
        condition(where, params, "occurred_at >= ?", filter.from() == null ? null : java.sql.Timestamp.from(filter.from()));
        condition(where, params, "occurred_at < ?", filter.to() == null ? null : java.sql.Timestamp.from(filter.to()));
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_event" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<StoredAuditEvent> events = jdbc.sql("SELECT " + COLUMNS + " FROM audit_event" + where + " ORDER BY seq DESC LIMIT ? OFFSET ?")
                .params(pageParams).query(AuditRecords::row).list();
        return new Page(events, total, page, size);
    }

    private static void condition(StringBuilder where, List<Object> params, String clause, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where.append(" AND ").append(clause);
            params.add(value);
        }
    }

    /** Recomputes every hash from the first event and compares links and the chain head. */
    public ChainCheck verify() {
        String previous = ZERO_HASH;
        long expected = 1;
        long checked = 0;
        final int chunk = 1000;
        while (true) {
            List<StoredAuditEvent> events = jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE seq >= ? ORDER BY seq LIMIT ?")
                    .params(expected, chunk).query(AuditRecords::row).list();
            for (StoredAuditEvent stored : events) {
                if (stored.seq() != expected) {
                    return new ChainCheck(false, checked, expected, "event " + expected + " is missing");
                }
                if (!stored.prevHash().equals(previous)) {
                    return new ChainCheck(false, checked, stored.seq(), "the link to the previous event does not match");
                }
                if (!stored.event().chainHash(stored.seq(), previous).equals(stored.hash())) {
                    return new ChainCheck(false, checked, stored.seq(), "the event was modified after it was recorded");
                }
                previous = stored.hash();
                expected++;
                checked++;
            }
            if (events.size() < chunk) {
                break;
            }
        }
        Map<String, Object> head = jdbc.sql("SELECT seq, hash FROM audit_chain_head WHERE id = 1").query().singleRow();
        long headSeq = ((Number) head.get("seq")).longValue();
        if (headSeq != checked || !((String) head.get("hash")).trim().equals(previous)) {
            return new ChainCheck(false, checked, checked + 1, "the chain head names " + headSeq + " events: events were removed at the end");
        }
        return new ChainCheck(true, checked, 0, null);
    }

    static StoredAuditEvent row(ResultSet rs, int n) throws SQLException {
        AuditEvent event = new AuditEvent(
                rs.getString("request_id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("actor_role"), rs.getString("action"), rs.getString("use_case"), rs.getString("upstream"),
                rs.getString("model"), rs.getString("level"), rs.getString("outcome"), rs.getInt("http_status"),
                (Integer) rs.getObject("prompt_tokens", Integer.class), (Integer) rs.getObject("completion_tokens", Integer.class),
                rs.getLong("latency_ms"), rs.getLong("overhead_us"),
                AuditEvent.parseCounts(rs.getString("categories")), AuditEvent.parseCounts(rs.getString("findings")),
                rs.getString("verification_mode"), rs.getObject("energy_kwh", Double.class), rs.getObject("gwp_kg", Double.class),
                rs.getString("impact_method"), rs.getString("content_level"), rs.getString("content"));
        return new StoredAuditEvent(rs.getLong("seq"), event, rs.getString("prev_hash").trim(), rs.getString("hash").trim());
    }
}
