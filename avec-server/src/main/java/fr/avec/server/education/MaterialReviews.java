package fr.avec.server.education;

import fr.avec.communicate.AiMention;
import fr.avec.server.literature.FindingDecisions;
import fr.avec.server.web.AiUseGate;
import fr.avec.server.web.LocalAccounts;
import fr.avec.server.workbench.DraftVerifier;
import fr.avec.server.workbench.ReviewFinding;
import fr.avec.server.workbench.Reviews;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The review of a piece of patient material: findings with dismissals applied, and validation, refused while an
 * error finding is neither fixed nor dismissed or while an illustration lacks one of its three checks.
 */
@Component
public class MaterialReviews {

    static final String USE_CASE = AiUseGate.EDUCATION;
    /** The subject of the AI mention (masculine, as the mention's participles agree). */
    static final String MENTION_SUBJECT = "Ce document d'information";
    static final ZoneId LOCAL_ZONE = ZoneId.of("Europe/Paris");

    private final Materials materials;
    private final MaterialVerifier verifier;
    private final FindingDecisions decisions;
    private final TransactionTemplate transactions;
    private final String avecVersion;
    private final Clock clock = Clock.systemUTC();

    /** Validation refused: blocking findings, or images not checked. */
    public static final class ValidationRefused extends Exception {
        private final transient List<ReviewFinding> blocking;
        private final transient List<String> uncheckedImages;

        ValidationRefused(List<ReviewFinding> blocking, List<String> uncheckedImages) {
            super("validation refused", null, false, false);
            this.blocking = List.copyOf(blocking);
            this.uncheckedImages = List.copyOf(uncheckedImages);
        }

        public List<ReviewFinding> blocking() {
            return blocking;
        }

        public List<String> uncheckedImages() {
            return uncheckedImages;
        }
    }

    public MaterialReviews(Materials materials, MaterialVerifier verifier, FindingDecisions decisions, TransactionTemplate transactions,
                           ObjectProvider<BuildProperties> build) {
        this.materials = materials;
        this.verifier = verifier;
        this.decisions = decisions;
        this.transactions = transactions;
        BuildProperties properties = build.getIfAvailable();
        this.avecVersion = properties == null ? "development" : properties.getVersion();
    }

    public Reviews.Review review(Material m) {
        String text = m.validated() ? m.finalText() : m.workingText();
        DraftVerifier.Verification v = verifier.verify(text == null ? "" : text, m);
        return new Reviews.Review(decisions.apply(USE_CASE, m.id(), v.findings()), v.checksNotRun());
    }

    public FindingDecisions decisions() {
        return decisions;
    }

    public Material validate(Material m, LocalAccounts.Account validator, String validatorTitle, String submitted) throws ValidationRefused {
        if (m.validated()) {
            throw new IllegalStateException("already validated");
        }
        if (submitted == null || submitted.isBlank()) {
            throw new IllegalArgumentException("an empty document cannot be validated");
        }
        String finalText = FindingDecisions.lines(submitted);
        materials.saveWorkingText(m.id(), finalText);
        Material current = materials.find(m.id()).orElseThrow();
        Reviews.Review review = review(current);
        List<ReviewFinding> blocking = review.findings().stream().filter(ReviewFinding::blocking).toList();
        List<String> unchecked = materials.images(m.id()).stream().filter(i -> !i.checked()).map(MaterialImage::caption).toList();
        if (!blocking.isEmpty() || !unchecked.isEmpty()) {
            throw new ValidationRefused(blocking, unchecked);
        }
        Instant at = clock.instant();
        String title = validatorTitle == null || validatorTitle.isBlank() ? validator.jobTitle() : validatorTitle.strip();
        String model = current.modelVersion() != null ? current.modelVersion() : current.model();
        AiMention mention = new AiMention(current.aiUsed(), "Avec " + avecVersion + (model == null ? "" : " (modèle " + model + ")"),
                validator.signature(), title, LocalDate.ofInstant(at, LOCAL_ZONE));
        List<ReviewFinding> raised = current.aiUsed() ? verifier.verify(current.draft(), current).findings() : List.of();
        String diff = current.aiUsed() ? FindingDecisions.diff(current.draft(), finalText) : null;
        transactions.executeWithoutResult(status -> {
            if (!materials.validate(current.id(), validator.name(), validator.signature(), title, at, finalText, diff, mention.text(MENTION_SUBJECT))) {
                throw new IllegalStateException("already validated");
            }
            decisions.recordFates(USE_CASE, current.id(), raised, review.findings());
        });
        return materials.find(current.id()).orElseThrow();
    }

    public List<Reviews.FindingFate> fates(long id) {
        return decisions.fates(USE_CASE, id);
    }
}
