package fr.avec.server.literature;

import fr.avec.communicate.AiMention;
import fr.avec.server.web.AiUseGate;
import fr.avec.server.web.LocalAccounts;
import fr.avec.server.workbench.DraftVerifier;
import fr.avec.server.workbench.ReviewFinding;
import fr.avec.server.workbench.Reviews;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The review of a synthesis: findings with dismissals applied, and validation, refused while an error finding is
 * neither fixed nor dismissed or while a reference the text cites has not been ticked « source consulted »;
 * otherwise the validation record is written with the AI mention.
 */
@Component
public class SynthesisReviews {

    static final String USE_CASE = AiUseGate.LITERATURE;
    /** The subject of the AI mention for this kind of document (masculine, as the mention's participles agree). */
    static final String MENTION_SUBJECT = "Ce document de synthèse";
    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,3}(?:\\s*[-–,;]\\s*\\d{1,3})*)\\]");
    static final ZoneId LOCAL_ZONE = ZoneId.of("Europe/Paris");

    private final Syntheses syntheses;
    private final SynthesisVerifier verifier;
    private final FindingDecisions decisions;
    private final TransactionTemplate transactions;
    private final String avecVersion;
    private final Clock clock = Clock.systemUTC();

    /** Validation refused: blocking findings, or cited references not consulted. */
    public static final class ValidationRefused extends Exception {
        private final transient List<ReviewFinding> blocking;
        private final transient List<Integer> notConsulted;

        ValidationRefused(List<ReviewFinding> blocking, List<Integer> notConsulted) {
            super("validation refused", null, false, false);
            this.blocking = List.copyOf(blocking);
            this.notConsulted = List.copyOf(notConsulted);
        }

        public List<ReviewFinding> blocking() {
            return blocking;
        }

        public List<Integer> notConsulted() {
            return notConsulted;
        }
    }

    public SynthesisReviews(Syntheses syntheses, SynthesisVerifier verifier, FindingDecisions decisions, TransactionTemplate transactions,
                            ObjectProvider<BuildProperties> build) {
        this.syntheses = syntheses;
        this.verifier = verifier;
        this.decisions = decisions;
        this.transactions = transactions;
        BuildProperties properties = build.getIfAvailable();
        this.avecVersion = properties == null ? "development" : properties.getVersion();
    }

    /** The findings on the current text. */
    public Reviews.Review review(Synthesis s) {
        String text = s.validated() ? s.finalText() : s.workingText();
        DraftVerifier.Verification v = verifier.verify(text == null ? "" : text, syntheses.chosen(s.id()));
        return new Reviews.Review(decisions.apply(USE_CASE, s.id(), v.findings()), v.checksNotRun());
    }

    /** The reference numbers that a text cites and that exist, in ascending order. */
    static Set<Integer> cited(String text, int count) {
        Set<Integer> out = new java.util.TreeSet<>();
        Matcher m = CITATION.matcher(text);
        while (m.find()) {
            for (String part : m.group(1).split("[,;]")) {
                String[] range = part.trim().split("\\s*[-–]\\s*");
                int from = Integer.parseInt(range[0].trim());
                int to = range.length > 1 ? Integer.parseInt(range[1].trim()) : from;
                for (int k = from; k <= Math.min(to, from + 50); k++) {
                    if (k >= 1 && k <= count) {
                        out.add(k);
                    }
                }
            }
        }
        return out;
    }

    /** Validates with {@code submitted}; returns the validated synthesis. */
    public Synthesis validate(Synthesis s, LocalAccounts.Account validator, String validatorTitle, String submitted) throws ValidationRefused {
        if (s.validated()) {
            throw new IllegalStateException("already validated");
        }
        if (submitted == null || submitted.isBlank()) {
            throw new IllegalArgumentException("an empty document cannot be validated");
        }
        String finalText = FindingDecisions.lines(submitted);
        syntheses.saveWorkingText(s.id(), finalText);
        Synthesis current = syntheses.find(s.id()).orElseThrow();
        Reviews.Review review = review(current);
        List<ReviewFinding> blocking = review.findings().stream().filter(ReviewFinding::blocking).toList();
        List<SynthesisReference> chosen = syntheses.chosen(s.id());
        List<Integer> notConsulted = new ArrayList<>();
        for (int n : cited(finalText, chosen.size())) {
            if (!chosen.get(n - 1).consulted()) {
                notConsulted.add(n);
            }
        }
        if (!blocking.isEmpty() || !notConsulted.isEmpty()) {
            throw new ValidationRefused(blocking, notConsulted);
        }
        Instant at = clock.instant();
        String title = validatorTitle == null || validatorTitle.isBlank() ? validator.jobTitle() : validatorTitle.strip();
        String model = current.modelVersion() != null ? current.modelVersion() : current.model();
        AiMention mention = new AiMention(current.aiUsed(), "Avec " + avecVersion + (model == null ? "" : " (modèle " + model + ")"),
                validator.signature(), title, LocalDate.ofInstant(at, LOCAL_ZONE));
        List<ReviewFinding> raised = current.aiUsed() ? verifier.verify(current.draft(), chosen).findings() : List.of();
        String diff = current.aiUsed() ? FindingDecisions.diff(current.draft(), finalText) : null;
        transactions.executeWithoutResult(status -> {
            if (!syntheses.validate(current.id(), validator.name(), validator.signature(), title, at, finalText, diff,
                    mention.text(MENTION_SUBJECT))) {
                throw new IllegalStateException("already validated");
            }
            decisions.recordFates(USE_CASE, current.id(), raised, review.findings());
        });
        return syntheses.find(current.id()).orElseThrow();
    }

    /** Dismissals and fates, shared with patient education. */
    public FindingDecisions decisions() {
        return decisions;
    }

    /** The recorded fates of the draft's findings. */
    public List<Reviews.FindingFate> fates(long id) {
        return decisions.fates(USE_CASE, id);
    }
}
