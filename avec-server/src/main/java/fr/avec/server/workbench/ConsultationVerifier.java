package fr.avec.server.workbench;

import fr.avec.verify.FindingWording;
import org.springframework.context.i18n.LocaleContextHolder;
import fr.avec.verify.Finding;
import fr.avec.verify.FindingKind;
import fr.avec.verify.Report;
import fr.avec.verify.Verifier;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The server's Verify engine ({@link Verifier}, built once with the drug database by the verification
 * configuration) on consultation notes against their transcript, with the transcript passage of each finding.
 */
@Component
public class ConsultationVerifier implements DraftVerifier {

    private final Verifier verifier;

    public ConsultationVerifier(Verifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Verification verify(String text, String transcript) {
        Report report = verifier.verify(text, transcript.isBlank() ? List.of() : List.of(transcript), List.of(), Verifier.Options.DEFAULT);
        TranscriptPassages passages = new TranscriptPassages(transcript);
        List<ReviewFinding> findings = new ArrayList<>(report.findings().size());
        for (Finding f : report.findings()) {
            if (f.kind() == FindingKind.PHI_IN_OUTPUT) {
                // A note names its patient on purpose: it stays in the record, it is not sent anywhere.
                continue;
            }
            // The engine's own source span when it has one (omissions, negation conflicts); else the workbench's search.
            int[] passage = f.source() != null && f.source().sourceIndex() == 0
                    ? new int[] {f.source().start(), f.source().end()}
                    : passages.passage(f.kind().name(), text, f.start(), f.end());
            findings.add(new ReviewFinding(f.kind().name(), f.severity().label(), f.start(), f.end(), f.text(),
                    FindingWording.render(f, LocaleContextHolder.getLocale(), transcript.isBlank() ? List.of() : List.of(transcript)), f.suggestion(),
                    passage == null ? -1 : passage[0], passage == null ? -1 : passage[1], null));
        }
        List<String> notRun = report.checksNotRun().stream().filter(reason -> !reason.startsWith("PHI_IN_OUTPUT")).toList();
        if (verifier.drugs() == null) {
            notRun = new ArrayList<>(notRun);
            notRun.add("no drug database installed (./avec data update, or avec.data-dir)");
        }
        return new Verification(findings, notRun.stream().distinct().toList());
    }
}
