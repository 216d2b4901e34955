package fr.avec.server.literature;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import fr.avec.server.workbench.ReviewFinding;
import fr.avec.server.workbench.Reviews;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the professional decided about the findings of a synthesis or a piece of patient material: dismissals
 * with a reason (kept while the same words are flagged for the same kind) and, at validation, the fate of each
 * finding raised on the draft (fixed, dismissed, accepted), as for consultations.
 */
@Component
public class FindingDecisions {

    private final JdbcClient jdbc;

    public FindingDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a dismissal; a reason is required. */
    public void dismiss(String useCase, long documentId, String kind, String flaggedText, String reason, String user) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a dismissal needs a reason");
        }
        jdbc.sql("INSERT INTO material_dismissal (use_case, document_id, kind, flagged_text, reason, dismissed_by, dismissed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(useCase, documentId, kind, truncate(flaggedText, 1000), truncate(reason.strip(), 1000), user,
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    /** The findings with the recorded dismissals applied. */
    public List<ReviewFinding> apply(String useCase, long documentId, List<ReviewFinding> findings) {
        Map<String, String> reasons = new HashMap<>();
        jdbc.sql("SELECT kind, flagged_text, reason FROM material_dismissal WHERE use_case = ? AND document_id = ? ORDER BY id")
                .params(useCase, documentId)
                .query((rs, n) -> reasons.put(rs.getString(1) + "\u0000" + rs.getString(2), rs.getString(3)))
                .list();
        List<ReviewFinding> out = new ArrayList<>(findings.size());
        for (ReviewFinding f : findings) {
            String reason = reasons.get(f.key());
            out.add(reason == null ? f : f.dismiss(reason));
        }
        return out;
    }

    /** Writes the fate of each finding raised on the draft, given the findings still there at validation. */
    public void recordFates(String useCase, long documentId, List<ReviewFinding> raisedOnDraft, List<ReviewFinding> atValidation) {
        Map<String, ReviewFinding> remaining = new HashMap<>();
        for (ReviewFinding f : atValidation) {
            remaining.putIfAbsent(f.key(), f);
        }
        for (ReviewFinding raised : raisedOnDraft) {
            ReviewFinding still = remaining.get(raised.key());
            Reviews.Fate fate = still == null ? Reviews.Fate.FIXED : still.dismissed() ? Reviews.Fate.DISMISSED : Reviews.Fate.ACCEPTED;
            jdbc.sql("INSERT INTO material_fate (use_case, document_id, kind, severity, flagged_text, message, fate, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(useCase, documentId, raised.kind(), raised.severity(), truncate(raised.text(), 1000),
                            truncate(raised.message(), 2000), fate.name(), still == null ? null : still.dismissReason())
                    .update();
        }
    }

    /** The recorded fates of a validated document. */
    public List<Reviews.FindingFate> fates(String useCase, long documentId) {
        return jdbc.sql("SELECT kind, severity, flagged_text, message, fate, reason FROM material_fate WHERE use_case = ? AND document_id = ? ORDER BY id")
                .params(useCase, documentId)
                .query((rs, n) -> new Reviews.FindingFate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Reviews.Fate.valueOf(rs.getString(5)), rs.getString(6)))
                .list();
    }

    /** A unified diff from the draft to the validated text, by line (what Estimer analyses). */
    public static String diff(String draft, String finalText) {
        List<String> before = draft.lines().toList();
        List<String> after = finalText.lines().toList();
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("draft", "validated", before, DiffUtils.diff(before, after), 2));
    }

    /** Line ends as the browser's editor counts them (LF), so that finding offsets index the same text on both sides. */
    public static String lines(String text) {
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
