package fr.avec.server.estimate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolls the audit trail up into one row per day, use case, upstream and model (requests, refusals, tokens,
 * energy, CO2e), reading only the events appended since the last run: the audit trail is append-only, so a
 * sequence-number watermark is exact. Days are UTC days.
 */
public class GatewayRollup {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public GatewayRollup(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Rolls up the events appended since the last run; returns how many were read. */
    public long run() {
        return transactions.execute(status -> {
            long from = jdbc.sql("SELECT audit_seq FROM estimate_watermark WHERE id = 1 FOR UPDATE").query(Long.class).single();
            Long to = jdbc.sql("SELECT MAX(seq) FROM audit_event").query(Long.class).optional().orElse(null);
            if (to == null || to <= from) {
                return 0L;
            }
            List<LocalDate> days = jdbc.sql("SELECT DISTINCT CAST(occurred_at AS DATE) FROM audit_event WHERE seq > ? AND seq <= ?")
                    .params(from, to).query(LocalDate.class).list();
            for (LocalDate day : days) {
                jdbc.sql("DELETE FROM estimate_gateway_day WHERE activity_day = ?").param(day).update();
                jdbc.sql(INSERT + " WHERE occurred_at >= ? AND occurred_at < ? AND seq <= ? GROUP BY " + GROUP)
                        .params(day.atStartOfDay().atOffset(ZoneOffset.UTC), day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC), to)
                        .update();
            }
            jdbc.sql("UPDATE estimate_watermark SET audit_seq = ? WHERE id = 1").param(to).update();
            return to - from;
        });
    }

    /** Rebuilds the whole roll-up (after a bulk load; the benchmark measures it). */
    public void rebuild() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM estimate_gateway_day").update();
            long to = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_event").query(Long.class).single();
            jdbc.sql(INSERT + " WHERE seq <= ? GROUP BY " + GROUP).param(to).update();
            jdbc.sql("UPDATE estimate_watermark SET audit_seq = ? WHERE id = 1").param(to).update();
        });
    }

    private static final String DAY = "CAST(occurred_at AS DATE)";
    private static final String GROUP = DAY + ", COALESCE(use_case, ''), COALESCE(upstream, ''), COALESCE(model, '')";
    private static final String INSERT = "INSERT INTO estimate_gateway_day (activity_day, use_case, upstream, model, requests, refused, prompt_tokens, "
            + "completion_tokens, energy_kwh, gwp_kg, unestimated) SELECT " + GROUP + ", COUNT(*), "
            + "SUM(CASE WHEN http_status >= 400 THEN 1 ELSE 0 END), COALESCE(SUM(prompt_tokens), 0), COALESCE(SUM(completion_tokens), 0), "
            + "COALESCE(SUM(energy_kwh), 0), COALESCE(SUM(gwp_kg), 0), "
            + "SUM(CASE WHEN energy_kwh IS NULL AND http_status < 400 THEN 1 ELSE 0 END) FROM audit_event";
}
