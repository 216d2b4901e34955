package fr.avec.server.literature;

import fr.avec.verify.FindingWording;
import org.springframework.context.i18n.LocaleContextHolder;
import fr.avec.server.workbench.ReviewFinding;
import fr.avec.verify.Finding;
import fr.avec.verify.FindingKind;
import fr.avec.verify.Report;
import fr.avec.verify.Verifier;
import fr.avec.verify.citation.CitationCheck;
import fr.avec.verify.citation.CitedReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A synthesis checked in two parts: its citations claim by claim against the text each cites
 * ({@link CitationCheck}), and the drug checks of the Verify engine (unknown drugs, unmarketed strengths,
 * never-event doses). Grounding against all sources at once is left out: a claim must be supported by
 * <em>its</em> reference, which the citation check measures; identifying-data checks are left out because a
 * synthesis names authors on purpose.
 */
@Component
public class SynthesisVerifier {

    private final Verifier verifier;

    public SynthesisVerifier(Verifier verifier) {
        this.verifier = verifier;
    }

    /** The findings on {@code text}, chosen references numbered from 1 in list order; and the checks that could not run. */
    public fr.avec.server.workbench.DraftVerifier.Verification verify(String text, List<SynthesisReference> chosen) {
        List<CitedReference> cited = new ArrayList<>();
        for (int k = 0; k < chosen.size(); k++) {
            SynthesisReference r = chosen.get(k);
            cited.add(new CitedReference(k + 1, r.reference().title() + ".\n" + r.reference().text()));
        }
        List<Finding> findings = new ArrayList<>(CitationCheck.check(text, cited));
        Report report = verifier.verify(text, List.of(), List.of(), Verifier.Options.DEFAULT);
        for (Finding f : report.findings()) {
            if (f.kind() != FindingKind.PHI_IN_OUTPUT) {
                findings.add(f);
            }
        }
        findings.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
        List<ReviewFinding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(new ReviewFinding(f.kind().name(), f.severity().label(), f.start(), f.end(), f.text(),
                    FindingWording.render(f, LocaleContextHolder.getLocale(), List.of()), f.suggestion(), -1, -1, null));
        }
        List<String> notRun = new ArrayList<>(report.checksNotRun().stream().filter(r -> !r.startsWith("PHI_IN_OUTPUT")).toList());
        if (chosen.stream().anyMatch(r -> r.reference().text().isBlank())) {
            notRun.add("some chosen references have no abstract or text: their citations are checked against the title only");
        }
        return new fr.avec.server.workbench.DraftVerifier.Verification(out, notRun);
    }
}
