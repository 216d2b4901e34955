package fr.avec.server.web;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** All the {@link AiUseGate} rules together: the first refusal wins; no rule, no refusal. */
@Component
public class AiUseGates {

    private final List<AiUseGate> gates;

    public AiUseGates(List<AiUseGate> gates) {
        this.gates = List.copyOf(gates);
    }

    /** The first refusal of any rule for {@code username} starting {@code useCase}, or empty. */
    public Optional<AiUseGate.Refusal> check(String username, String useCase) {
        for (AiUseGate gate : gates) {
            Optional<AiUseGate.Refusal> refusal = gate.check(username, useCase);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }
}
