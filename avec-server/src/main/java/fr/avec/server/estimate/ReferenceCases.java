package fr.avec.server.estimate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reference cases as stored: marked and unmarked by the AI referent among validated AI documents. */
public class ReferenceCases implements ReferenceCaseSet {

    private final java.util.function.BinaryOperator<String> contents;

    private final JdbcClient jdbc;

    public ReferenceCases(JdbcClient jdbc) {
        this(jdbc, (column, stored) -> stored);
    }

    /** With {@code contents} opening the sealed consultation columns it reads (column name, stored value). */
    public ReferenceCases(JdbcClient jdbc, java.util.function.BinaryOperator<String> contents) {
        this.jdbc = jdbc;
        this.contents = contents;
    }

    /** A validated document that may be marked, as the list shows it (no patient text). */
    public record Candidate(long consultationId, String owner, String templateCode, String model, Instant validatedAt, double editRate,
                            boolean reference) {
    }

    @Override
    public List<ReferenceCase> cases(String useCase) {
        return jdbc.sql("SELECT c.id, r.use_case, t.code, t.prompt, c.transcript, c.final_text FROM reference_case r "
                        + "JOIN consultation c ON c.id = r.consultation_id JOIN note_template t ON t.id = c.template_id "
                        + "WHERE r.use_case = ? ORDER BY c.id")
                .param(useCase)
                .query((rs, n) -> new ReferenceCase(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        contents.apply("transcript", rs.getString(5)), contents.apply("final_text", rs.getString(6))))
                .list();
    }

    /** Marks a validated AI document as a reference case; false when it is not one. */
    public boolean mark(long consultationId, String useCase, String referent) {
        boolean eligible = jdbc.sql("SELECT COUNT(*) FROM consultation WHERE id = ? AND status = 'VALIDATED' AND ai_used "
                        + "AND draft IS NOT NULL AND template_id IS NOT NULL AND transcript IS NOT NULL")
                .param(consultationId).query(Long.class).single() == 1;
        boolean already = jdbc.sql("SELECT COUNT(*) FROM reference_case WHERE consultation_id = ?").param(consultationId)
                .query(Long.class).single() == 1;
        if (!eligible || already) {
            return eligible;
        }
        jdbc.sql("INSERT INTO reference_case (consultation_id, use_case, marked_by, marked_at) VALUES (?, ?, ?, ?)")
                .params(consultationId, useCase, referent, OffsetDateTime.now(ZoneOffset.UTC)).update();
        return true;
    }

    public void unmark(long consultationId) {
        jdbc.sql("DELETE FROM reference_case WHERE consultation_id = ?").param(consultationId).update();
    }

    /** The most recent validated AI documents with whether each is a reference case. */
    public List<Candidate> candidates(int limit) {
        return jdbc.sql("SELECT c.id, c.owner, a.template_code, a.model_version, a.validated_at, a.edit_rate, "
                        + "CASE WHEN r.consultation_id IS NULL THEN FALSE ELSE TRUE END FROM document_analysis a "
                        + "JOIN consultation c ON c.id = a.consultation_id LEFT JOIN reference_case r ON r.consultation_id = c.id "
                        + "WHERE a.ai_used ORDER BY CASE WHEN r.consultation_id IS NULL THEN 1 ELSE 0 END, a.validated_at DESC LIMIT " + limit)
                .query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getDouble(6), rs.getBoolean(7)))
                .list();
    }
}
