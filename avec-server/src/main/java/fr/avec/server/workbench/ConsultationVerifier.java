package fr.avec.server.workbench;

import fr.avec.data.DataDirectory;
import fr.avec.data.bdpm.Bdpm;
import fr.avec.verify.DrugLexicon;
import fr.avec.verify.Finding;
import fr.avec.verify.Report;
import fr.avec.verify.Verifier;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Verify engine ({@link Verifier}) on consultation notes, with the national drug database loaded
 * once from the reference data folder ({@code avec.data-dir}, else {@code $AVEC_DATA_DIR}, else
 * {@code ~/.avec/data}). Without the database the drug checks are reported as not run.
 */
@Component
public class ConsultationVerifier implements DraftVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(ConsultationVerifier.class);

    private final DataDirectory directory;
    private volatile Loaded loaded;

    private record Loaded(Verifier verifier, String missing) {
    }

    public ConsultationVerifier(@Value("${avec.data-dir:}") String dataDir) {
        this.directory = DataDirectory.resolve(dataDir.isBlank() ? Optional.empty() : Optional.of(Path.of(dataDir)));
    }

    /** Loads the drug database in the background at start-up, so that the first review does not wait for it. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void preload() {
        Thread.ofVirtual().name("avec-drug-database").start(this::engine);
    }

    @Override
    public Verification verify(String text, String transcript) {
        Loaded engine = engine();
        Report report = engine.verifier().verify(text, transcript.isBlank() ? List.of() : List.of(transcript), List.of(),
                Verifier.Options.DEFAULT);
        TranscriptPassages passages = new TranscriptPassages(transcript);
        List<ReviewFinding> findings = new ArrayList<>(report.findings().size());
        for (Finding f : report.findings()) {
            int[] passage = passages.passage(f.kind().name(), text, f.start(), f.end());
            findings.add(new ReviewFinding(f.kind().name(), f.severity().label(), f.start(), f.end(), f.text(), f.message(), f.suggestion(),
                    passage == null ? -1 : passage[0], passage == null ? -1 : passage[1], null));
        }
        List<String> notRun = new ArrayList<>(report.checksNotRun().stream()
                .filter(reason -> !reason.startsWith("PHI_IN_OUTPUT")) // a note names its patient on purpose
                .toList());
        if (engine.missing() != null) {
            notRun.add(engine.missing());
        }
        return new Verification(findings, notRun.stream().distinct().toList());
    }

    private Loaded engine() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                current = loaded;
                if (current == null) {
                    current = load();
                    loaded = current;
                }
            }
        }
        return current;
    }

    private Loaded load() {
        try {
            DrugLexicon drugs = DrugLexicon.from(Bdpm.load(directory.bdpm()));
            LOG.atInfo().addKeyValue("folder", directory.bdpm()).addKeyValue("names", drugs.size()).log("drug database loaded for the workbench");
            return new Loaded(Verifier.builder().drugs(drugs).build(), null);
        } catch (NoSuchFileException absent) {
            return new Loaded(Verifier.builder().build(), "no drug database installed (./avec data update)");
        } catch (IOException | RuntimeException unreadable) {
            LOG.atWarn().addKeyValue("folder", directory.bdpm()).addKeyValue("error", unreadable.getClass().getSimpleName())
                    .log("drug database unreadable; drug checks off");
            return new Loaded(Verifier.builder().build(), "the drug database cannot be read");
        }
    }
}
