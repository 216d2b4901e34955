package fr.avec.server.security;

import java.util.Set;

/**
 * Who is calling, as proved by an API key: the principal of an authenticated request.
 *
 * @param user          user name
 * @param role          role of the user
 * @param keyId         database id of the key used
 * @param useCases      use cases the key may call; {@code *} for all
 * @param ratePerMinute request budget of the key, or 0 for the configured default
 */
public record Caller(String user, Role role, long keyId, Set<String> useCases, int ratePerMinute) {

    public Caller {
        useCases = Set.copyOf(useCases);
    }

    /** Whether the key is scoped to this use case. */
    public boolean mayUse(String useCase) {
        return useCases.contains("*") || useCases.contains(useCase);
    }

    @Override
    public String toString() {
        return user + " (" + role.id() + ")";
    }
}
