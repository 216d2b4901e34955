package fr.avec.server.verification;

import fr.avec.data.DataDirectory;
import fr.avec.data.bdpm.Bdpm;
import fr.avec.protect.Protector;
import fr.avec.server.gateway.AnswerVerifier;
import fr.avec.verify.DrugLexicon;
import fr.avec.verify.Verifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Verify engine of the server, with the drug database of the reference data folder
 * ({@code avec.data-dir}, else {@code $AVEC_DATA_DIR}, else {@code ~/.avec/data}); without it the drug
 * checks do not run and the grounding checks still do.
 */
@Configuration
public class VerificationConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(VerificationConfiguration.class);

    @Bean
    Verifier verifier(Protector protector, @Value("${avec.data-dir:}") String dataDir) {
        DataDirectory directory = DataDirectory.resolve(dataDir.isBlank() ? Optional.empty() : Optional.of(Path.of(dataDir)));
        Verifier.Builder builder = Verifier.builder().protector(protector);
        try {
            builder.drugs(DrugLexicon.from(Bdpm.load(directory.bdpm())));
        } catch (IOException | RuntimeException unavailable) {
            LOG.warn("no drug database loaded from {} ({}): drug checks will not run", directory.bdpm(), unavailable.getClass().getSimpleName());
        }
        return builder.build();
    }

    @Bean
    AnswerVerifier answerVerifier(Verifier verifier) {
        return new ClinicalVerifier(verifier);
    }
}
