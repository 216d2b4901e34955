package fr.avec.server.learn;

import fr.avec.server.security.Role;
import fr.avec.server.web.AiUseGate;
import fr.avec.server.web.LocalAccounts;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses a use of generative AI to a person whose training path is not passed or has expired (AI Act
 * art. 4: staff using AI must have a sufficient level of AI literacy). On by default; a hospital that trains
 * its staff elsewhere sets {@code avec.learn.required: false}. Services (integrations) are not people and are
 * not gated.
 */
@Component
public class TrainingGate implements AiUseGate {

    private final TrainingRecords records;
    private final LocalAccounts accounts;
    private final boolean required;

    public TrainingGate(TrainingRecords records, LocalAccounts accounts, @Value("${avec.learn.required:true}") boolean required) {
        this.records = records;
        this.accounts = accounts;
        this.required = required;
    }

    public boolean required() {
        return required;
    }

    @Override
    public Optional<Refusal> check(String username, String useCase) {
        if (!required) {
            return Optional.empty();
        }
        // Fail closed: an unknown account is refused like an untrained one.
        boolean service = accounts.find(username).map(a -> a.role() == Role.SERVICE).orElse(false);
        if (service || records.current(username)) {
            return Optional.empty();
        }
        return Optional.of(new Refusal("learn.gate.refused", "/learn"));
    }
}
