package fr.avec.server.security;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Component;

/**
 * The configured OpenID Connect providers as Spring Security client registrations. Each provider's
 * discovery document is read on first use, not at start-up: Avec starts (and local accounts work) while
 * the identity provider is unreachable, and a failed discovery is tried again on the next sign-in.
 */
@Component
public class SignOnProviders implements ClientRegistrationRepository, Iterable<ClientRegistration> {

    private static final Logger LOG = LoggerFactory.getLogger(SignOnProviders.class);

    private final SignOnProperties properties;
    private final Map<String, ClientRegistration> resolved = new ConcurrentHashMap<>();

    public SignOnProviders(SignOnProperties properties) {
        this.properties = properties;
    }

    /** A provider offered on the sign-in page. */
    public record Offered(String id, String displayName) {
    }

    /** The usable providers, in configuration order. */
    public List<Offered> offered() {
        List<Offered> offered = new ArrayList<>();
        properties.providers().forEach((id, provider) -> {
            if (provider.usable()) {
                offered.add(new Offered(id, provider.displayName()));
            }
        });
        return offered;
    }

    public boolean any() {
        return !offered().isEmpty();
    }

    /** The configuration of a provider, or null. */
    public SignOnProperties.Provider provider(String id) {
        return id == null ? null : properties.providers().get(id);
    }

    @Override
    public ClientRegistration findByRegistrationId(String id) {
        SignOnProperties.Provider provider = provider(id);
        if (provider == null || !provider.usable()) {
            return null;
        }
        ClientRegistration registration = resolved.get(id);
        if (registration != null) {
            return registration;
        }
        try {
            registration = ClientRegistrations.fromIssuerLocation(provider.issuerUri())
                    .registrationId(id)
                    .clientName(provider.displayName())
                    .clientId(provider.clientId())
                    .clientSecret(provider.clientSecret() == null ? "" : provider.clientSecret())
                    .scope(provider.scopes())
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .userNameAttributeName("sub")
                    .build();
        } catch (RuntimeException unreachable) {
            // No secret in this message: only the provider id, issuer and failure type.
            LOG.warn("single sign-on provider {} unavailable (discovery of {} failed: {})", id, provider.issuerUri(),
                    unreachable.getClass().getSimpleName());
            return null;
        }
        resolved.put(id, registration);
        return registration;
    }

    @Override
    public Iterator<ClientRegistration> iterator() {
        return offered().stream().map(o -> findByRegistrationId(o.id())).filter(java.util.Objects::nonNull).iterator();
    }
}
