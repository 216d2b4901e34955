package fr.avec.server.communicate;

import fr.avec.server.web.AiUseGate;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The usage charter as an {@link AiUseGate}: nobody starts a use of AI before acknowledging the charter in force,
 * and no use case outside its catalogue can be started. {@code avec.charter.gate=false} switches the rule off (for
 * an establishment that manages its charter elsewhere); it is on by default.
 */
@Component
public class CharterGate implements AiUseGate {

    private final Charter charter;
    private final boolean enforced;

    public CharterGate(Charter charter, @Value("${avec.charter.gate:true}") boolean enforced) {
        this.charter = charter;
        this.enforced = enforced;
    }

    @Override
    public Optional<Refusal> check(String username, String useCase) {
        if (!enforced) {
            return Optional.empty();
        }
        Charter.Version current = charter.current();
        if (charter.acknowledgedAt(username, current.number()).isEmpty()) {
            return Optional.of(new Refusal("charter.refused.notAcknowledged", "/charter"));
        }
        if (!current.approves(useCase)) {
            return Optional.of(new Refusal("charter.refused.outsideCatalogue", "/charter"));
        }
        return Optional.empty();
    }
}
