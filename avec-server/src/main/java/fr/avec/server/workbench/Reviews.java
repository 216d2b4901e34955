package fr.avec.server.workbench;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import fr.avec.communicate.AiMention;
import fr.avec.server.web.LocalAccounts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The review of a note: its findings with the clinician's dismissals applied, dismissal with a reason,
 * and validation, which is refused while an error-level finding is neither fixed nor dismissed and
 * otherwise writes the validation record (validator, time, final text, diff from the draft, fate of each
 * finding raised on the draft, model and template version, AI mention).
 */
@Component
public class Reviews {

    /** Time zone of the dates printed in the mention (the establishment's). */
    static final ZoneId LOCAL_ZONE = ZoneId.of("Europe/Paris");

    private final ObjectProvider<DraftVerifier> verifiers;
    private final Consultations consultations;
    private final NoteTemplates templates;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String avecVersion;
    private final Clock clock;

    /** A review as the screen shows it. */
    public record Review(List<ReviewFinding> findings, List<String> checksNotRun) {

        public long blocking() {
            return findings.stream().filter(ReviewFinding::blocking).count();
        }
    }

    /** What happened to a finding raised on the draft. */
    public enum Fate {
        /** Gone from the validated text. */
        FIXED,
        /** Still there, dismissed with a reason. */
        DISMISSED,
        /** A warning still there at validation, not dismissed: the validator accepted it as is. */
        ACCEPTED
    }

    /** Thrown when validation is refused because of open error findings. */
    public static final class ValidationRefused extends Exception {
        private final transient List<ReviewFinding> blocking;

        ValidationRefused(List<ReviewFinding> blocking) {
            super(blocking.size() + " error findings neither fixed nor dismissed", null, false, false);
            this.blocking = List.copyOf(blocking);
        }

        public List<ReviewFinding> blocking() {
            return blocking;
        }
    }

    public Reviews(ObjectProvider<DraftVerifier> verifiers, Consultations consultations, NoteTemplates templates, JdbcClient jdbc,
                   TransactionTemplate transactions, ObjectProvider<BuildProperties> build) {
        this.verifiers = verifiers;
        this.consultations = consultations;
        this.templates = templates;
        this.jdbc = jdbc;
        this.transactions = transactions;
        BuildProperties properties = build.getIfAvailable();
        this.avecVersion = properties == null ? "development" : properties.getVersion();
        this.clock = Clock.systemUTC();
    }

    /** The findings on the current text, dismissals applied; none for a document written without AI. */
    public Review review(Consultation consultation) {
        if (!consultation.aiUsed() || consultation.draft() == null) {
            return new Review(List.of(), List.of());
        }
        String text = consultation.validated() ? consultation.finalText() : consultation.workingText();
        DraftVerifier.Verification verification = verify(text == null ? "" : text, consultation.transcript());
        Map<String, String> dismissed = dismissals(consultation.id());
        List<ReviewFinding> findings = new ArrayList<>();
        for (ReviewFinding finding : verification.findings()) {
            String reason = dismissed.get(finding.key());
            findings.add(reason == null ? finding : finding.dismiss(reason));
        }
        return new Review(findings, verification.checksNotRun());
    }

    private DraftVerifier.Verification verify(String text, String transcript) {
        DraftVerifier verifier = verifiers.getIfAvailable();
        if (verifier == null) {
            // Said on the review screen: no finding does not mean nothing is wrong.
            return new DraftVerifier.Verification(List.of(), List.of("the Verify engine is not part of this build: nothing was checked"));
        }
        return verifier.verify(text, transcript == null ? "" : transcript);
    }

    /** Dismisses the finding of that kind on those words, with the clinician's reason. */
    public void dismiss(Consultation consultation, String kind, String flaggedText, String reason, String user) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a dismissal needs a reason");
        }
        if (consultation.validated()) {
            throw new IllegalStateException("validated documents do not change");
        }
        jdbc.sql("INSERT INTO finding_dismissal (consultation_id, kind, flagged_text, reason, dismissed_by, dismissed_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(consultation.id(), kind, truncate(flaggedText, 1000), truncate(reason.strip(), 1000), user, OffsetDateTime.now(clock))
                .update();
    }

    private Map<String, String> dismissals(long consultationId) {
        Map<String, String> reasons = new HashMap<>();
        jdbc.sql("SELECT kind, flagged_text, reason FROM finding_dismissal WHERE consultation_id = ? ORDER BY id")
                .param(consultationId)
                .query((rs, n) -> reasons.put(rs.getString(1) + "\u0000" + rs.getString(2), rs.getString(3)))
                .list();
        return reasons;
    }

    /**
     * Validates the consultation with {@code finalText}: refused while blocking findings remain, otherwise
     * records everything and stamps the mention.
     */
    public Consultation validate(Consultation consultation, LocalAccounts.Account validator, String validatorTitle, String submittedText)
            throws ValidationRefused {
        if (consultation.validated()) {
            throw new IllegalStateException("already validated");
        }
        if (submittedText == null || submittedText.isBlank()) {
            throw new IllegalArgumentException("an empty document cannot be validated");
        }
        String finalText = Consultations.lines(submittedText);
        consultations.saveWorkingText(consultation.id(), finalText);
        Consultation current = consultations.find(consultation.id()).orElseThrow();
        Review review = review(current);
        List<ReviewFinding> blocking = review.findings().stream().filter(ReviewFinding::blocking).toList();
        if (!blocking.isEmpty()) {
            throw new ValidationRefused(blocking);
        }
        Instant at = clock.instant();
        String title = validatorTitle == null || validatorTitle.isBlank() ? validator.jobTitle() : validatorTitle.strip();
        AiMention mention = new AiMention(current.aiUsed() && current.draft() != null, tool(current), validator.signature(), title,
                LocalDate.ofInstant(at, LOCAL_ZONE));
        String diff = current.draft() == null ? null : diff(current.draft(), finalText);
        List<FindingFate> fates = current.draft() == null ? List.of() : fates(current, review);
        transactions.executeWithoutResult(status -> {
            if (!consultations.validate(current.id(), validator.name(), validator.signature(), title, at, finalText, diff, mention.text())) {
                throw new IllegalStateException("already validated");
            }
            for (FindingFate fate : fates) {
                jdbc.sql("INSERT INTO finding_fate (consultation_id, kind, severity, flagged_text, message, fate, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(current.id(), fate.kind(), fate.severity(), truncate(fate.text(), 1000), truncate(fate.message(), 2000),
                                fate.fate().name(), fate.reason())
                        .update();
            }
        });
        return consultations.find(current.id()).orElseThrow();
    }

    /** The fate of one finding raised on the draft, as recorded at validation. */
    public record FindingFate(String kind, String severity, String text, String message, Fate fate, String reason) {
    }

    /** The recorded fates of a validated consultation's draft findings. */
    public List<FindingFate> fates(long consultationId) {
        return jdbc.sql("SELECT kind, severity, flagged_text, message, fate, reason FROM finding_fate WHERE consultation_id = ? ORDER BY id")
                .param(consultationId)
                .query((rs, n) -> new FindingFate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Fate.valueOf(rs.getString(5)), rs.getString(6)))
                .list();
    }

    private List<FindingFate> fates(Consultation consultation, Review atValidation) {
        Map<String, ReviewFinding> remaining = new HashMap<>();
        for (ReviewFinding finding : atValidation.findings()) {
            remaining.putIfAbsent(finding.key(), finding);
        }
        List<FindingFate> fates = new ArrayList<>();
        for (ReviewFinding raised : verify(consultation.draft(), consultation.transcript()).findings()) {
            ReviewFinding still = remaining.get(raised.key());
            Fate fate = still == null ? Fate.FIXED : still.dismissed() ? Fate.DISMISSED : Fate.ACCEPTED;
            fates.add(new FindingFate(raised.kind(), raised.severity(), raised.text(), raised.message(), fate,
                    still == null ? null : still.dismissReason()));
        }
        return fates;
    }

    /** The tool named in the mention: Avec and its version, with the model that drafted. */
    String tool(Consultation consultation) {
        String model = consultation.modelVersion() != null ? consultation.modelVersion() : consultation.model();
        return "Avec " + avecVersion + (model == null ? "" : " (modèle " + model + ")");
    }

    /** The prompt template version that produced the draft, as « code v2 ». */
    public String templateVersion(Consultation consultation) {
        if (consultation.templateId() == null) {
            return null;
        }
        return templates.find(consultation.templateId()).map(t -> t.code() + " v" + t.version()).orElse(null);
    }

    /** A unified diff from the draft to the validated text, by line (what Estimer analyses). */
    static String diff(String draft, String finalText) {
        List<String> before = draft.lines().toList();
        List<String> after = finalText.lines().toList();
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("draft", "validated", before, DiffUtils.diff(before, after), 2));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
