package fr.avec.server.communicate.transparency;

import fr.avec.server.audit.AuditEvent;
import fr.avec.server.learn.ToolRegister;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The transparency register for the DPO's record of processing and impact assessment: each AI tool (from
 * the register) with its hosting, the use cases it served, and the identifying data categories its requests
 * carried, counted from the audit trail (which stores counts by label, never the data). Requests that reached
 * the tool count as sent ({@code released}, and {@code upstream_*} failures, since the tool received them);
 * those refused before leaving Avec are counted apart.
 */
@Component
public class TransparencyReport {

    /** The gateway actions that send data to a tool. */
    static final List<String> SENDING_ACTIONS = List.of("chat.completions", "audio.transcriptions");

    private final JdbcClient jdbc;
    private final ToolRegister register;

    /**
     * One tool's line.
     *
     * @param upstream      the configured name
     * @param provider      from the register, or null
     * @param modelVersion  from the register, or null
     * @param purpose       from the register, or null
     * @param hosting       from the register, or null
     * @param hdsStatus     from the register
     * @param level         the level the gateway routes with
     * @param pseudonymized whether identifying data is replaced before sending
     * @param requests      requests that reached the tool, by use case
     * @param refused       requests refused before reaching it
     * @param categories    identifying data detected in the requests that reached it, by label (replaced by
     *                      pseudonyms when {@code pseudonymized}, else sent as is to an on-premise tool)
     */
    public record ToolLine(String upstream, String provider, String modelVersion, String purpose, String hosting, String hdsStatus,
                           String level, boolean pseudonymized, Map<String, Long> requests, long refused, Map<String, Long> categories) {
    }

    /** The report over a period. */
    public record Report(Instant from, Instant to, Instant generatedAt, List<ToolLine> tools) {
    }

    public TransparencyReport(JdbcClient jdbc, ToolRegister register) {
        this.jdbc = jdbc;
        this.register = register;
    }

    /** Whether a request with this audit outcome left Avec for the tool. */
    static boolean sent(String outcome) {
        return "released".equals(outcome) || outcome.startsWith("upstream_");
    }

    /** The report over {@code [from, to)}. */
    public Report over(Instant from, Instant to) {
        record Row(String upstream, String useCase, String outcome, String categories, long count) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT upstream, use_case, outcome, categories, COUNT(*) FROM audit_event
                WHERE action IN (?, ?) AND occurred_at >= ? AND occurred_at < ? AND upstream IS NOT NULL
                GROUP BY upstream, use_case, outcome, categories""")
                .params(SENDING_ACTIONS.get(0), SENDING_ACTIONS.get(1), OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5))).list();
        List<ToolLine> lines = new ArrayList<>();
        for (ToolRegister.Tool tool : register.tools()) {
            Map<String, Long> requests = new TreeMap<>();
            Map<String, Long> categories = new TreeMap<>();
            long refused = 0;
            for (Row row : rows) {
                if (!row.upstream().equals(tool.name())) {
                    continue;
                }
                if (!sent(row.outcome())) {
                    refused += row.count();
                    continue;
                }
                requests.merge(row.useCase() == null ? "default" : row.useCase(), row.count(), Long::sum);
                for (Map.Entry<String, Integer> category : AuditEvent.parseCounts(row.categories()).entrySet()) {
                    categories.merge(category.getKey(), category.getValue() * row.count(), Long::sum);
                }
            }
            ToolRegister.Description d = tool.described() ? tool.current().description() : null;
            boolean pseudonymized = tool.effective() != tool.configured().level() || tool.configured().pseudonymize();
            lines.add(new ToolLine(tool.name(), d == null ? null : d.provider(), d == null ? null : d.modelVersion(),
                    d == null ? null : d.purpose(), d == null ? null : d.hosting(),
                    d == null ? ToolRegister.HdsStatus.UNKNOWN.id() : d.hdsStatus().id(), tool.effective().id(), pseudonymized,
                    new LinkedHashMap<>(requests), refused, new LinkedHashMap<>(categories)));
        }
        return new Report(from, to, Instant.now(), lines);
    }
}
