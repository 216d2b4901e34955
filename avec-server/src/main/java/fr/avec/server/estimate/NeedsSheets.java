package fr.avec.server.estimate;

import fr.avec.estimate.Indicator;
import fr.avec.estimate.Objective;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The needs sheet of each use case (task, data involved, expected gain, alternatives without AI, objectives)
 * and the DPO's sign-off. Changing a signed sheet withdraws the sign-off: the DPO signed another text.
 */
public class NeedsSheets {

    private static final int MAX_TEXT = 4000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public NeedsSheets(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** One needs sheet as stored. */
    public record Sheet(String useCase, String task, String dataInvolved, String expectedGain, String alternatives, String updatedBy,
                        Instant updatedAt, String dpoSignedBy, Instant dpoSignedAt, List<Objective> objectives) {

        public boolean signed() {
            return dpoSignedAt != null;
        }
    }

    public List<Sheet> all() {
        return jdbc.sql("SELECT use_case FROM needs_sheet ORDER BY use_case").query(String.class).list().stream()
                .map(this::find).flatMap(Optional::stream).toList();
    }

    public Optional<Sheet> find(String useCase) {
        return jdbc.sql("SELECT use_case, task, data_involved, expected_gain, alternatives, updated_by, updated_at, dpo_signed_by, dpo_signed_at "
                        + "FROM needs_sheet WHERE use_case = ?")
                .param(useCase)
                .query((rs, n) -> new Sheet(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(), objectives(useCase)))
                .optional();
    }

    /** The objectives of a use case (none without a sheet). */
    public List<Objective> objectives(String useCase) {
        if (useCase == null) {
            return List.of();
        }
        return jdbc.sql("SELECT indicator, comparison, target FROM needs_objective WHERE use_case = ? ORDER BY indicator")
                .param(useCase)
                .query((rs, n) -> new Objective(Indicator.valueOf(rs.getString(1)), Objective.Comparison.valueOf(rs.getString(2)),
                        rs.getDouble(3)))
                .list();
    }

    /** Writes the sheet and its objectives; the sign-off is cleared. */
    public void save(String useCase, String task, String dataInvolved, String expectedGain, String alternatives, List<Objective> objectives,
                     String editor) {
        if (useCase == null || !useCase.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException("needs.error.useCase");
        }
        for (String text : new String[] {task, dataInvolved, expectedGain, alternatives}) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("needs.error.required");
            }
            if (text.length() > MAX_TEXT) {
                throw new IllegalArgumentException("needs.error.tooLong");
            }
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        transactions.executeWithoutResult(status -> {
            boolean exists = find(useCase).isPresent();
            if (exists) {
                jdbc.sql("UPDATE needs_sheet SET task = ?, data_involved = ?, expected_gain = ?, alternatives = ?, updated_by = ?, updated_at = ?, "
                                + "dpo_signed_by = NULL, dpo_signed_at = NULL WHERE use_case = ?")
                        .params(task.strip(), dataInvolved.strip(), expectedGain.strip(), alternatives.strip(), editor, now, useCase).update();
            } else {
                jdbc.sql("INSERT INTO needs_sheet (use_case, task, data_involved, expected_gain, alternatives, updated_by, updated_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(useCase, task.strip(), dataInvolved.strip(), expectedGain.strip(), alternatives.strip(), editor, now).update();
            }
            jdbc.sql("DELETE FROM needs_objective WHERE use_case = ?").param(useCase).update();
            for (Objective objective : objectives) {
                jdbc.sql("INSERT INTO needs_objective (use_case, indicator, comparison, target) VALUES (?, ?, ?, ?)")
                        .params(useCase, objective.indicator().name(), objective.comparison().name(), objective.target()).update();
            }
        });
    }

    /** Records the DPO's sign-off of the sheet as it stands; false when there is no such sheet. */
    public boolean sign(String useCase, String dpo) {
        return jdbc.sql("UPDATE needs_sheet SET dpo_signed_by = ?, dpo_signed_at = ? WHERE use_case = ?")
                .params(dpo, OffsetDateTime.now(ZoneOffset.UTC), useCase).update() == 1;
    }
}
