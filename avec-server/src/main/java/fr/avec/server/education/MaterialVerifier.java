package fr.avec.server.education;

import fr.avec.verify.FindingWording;
import org.springframework.context.i18n.LocaleContextHolder;
import fr.avec.server.workbench.DraftVerifier;
import fr.avec.server.workbench.ReviewFinding;
import fr.avec.verify.Finding;
import fr.avec.verify.FindingKind;
import fr.avec.verify.Report;
import fr.avec.verify.Verifier;
import fr.avec.verify.readability.AudienceReadability;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Patient material checked with all the clinical checks of the Verify engine against the professional's supplied
 * sources (drugs, doses, numbers, negations, unsupported sentences; omissions left out, as a leaflet selects on
 * purpose) and with {@code READABILITY} for its audience ({@link AudienceReadability}).
 */
@Component
public class MaterialVerifier {

    private final Verifier verifier;

    public MaterialVerifier(Verifier verifier) {
        this.verifier = verifier;
    }

    public DraftVerifier.Verification verify(String text, Material m) {
        List<String> sources = m.sources() == null || m.sources().isBlank() ? List.of() : List.of(m.sources());
        Report report = verifier.verify(text, sources, List.of(), Verifier.Options.DEFAULT);
        List<Finding> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (f.kind() != FindingKind.OMISSION) {
                findings.add(f);
            }
        }
        findings.addAll(AudienceReadability.check(text, m.audience()));
        findings.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
        List<ReviewFinding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(new ReviewFinding(f.kind().name(), f.severity().label(), f.start(), f.end(), f.text(),
                    FindingWording.render(f, LocaleContextHolder.getLocale(), List.of()), f.suggestion(), -1, -1, null));
        }
        List<String> notRun = new ArrayList<>(report.checksNotRun());
        if (sources.isEmpty()) {
            notRun.add("no source supplied: drugs, doses and numbers are not checked against sources");
        }
        return new DraftVerifier.Verification(out, notRun);
    }
}
