package fr.avec.server.web;

import fr.avec.server.security.SignOnClaims;
import fr.avec.server.security.SignOnProperties;
import fr.avec.server.security.SignOnProviders;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Loads the person behind an OpenID Connect sign-in: Spring Security's {@link OidcUserService} checks the
 * ID token (signature, issuer, audience, nonce, expiry) and reads the UserInfo; then the claims are mapped
 * to the local account, whose name becomes the principal and whose role the only authority.
 */
@Component
public class SignOnUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final SignOnProviders providers;
    private final SignOnAccounts accounts;

    public SignOnUserService(SignOnProviders providers, SignOnAccounts accounts) {
        this.providers = providers;
        this.accounts = accounts;
        // Always read the UserInfo when the provider has one: Pro Santé Connect gives the profession only there,
        // under its own scope (scope_all), which the default rule (profile, email...) would skip.
        delegate.setRetrieveUserInfo(request -> request.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUri() != null);
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser verified = delegate.loadUser(request);
        String id = request.getClientRegistration().getRegistrationId();
        SignOnProperties.Provider provider = providers.provider(id);
        try {
            SignOnClaims.Identity identity = SignOnClaims.identity(id, provider, verified.getClaims());
            SignOnAccounts.Linked linked = accounts.signIn(identity, provider);
            return new SignedOnUser(linked.name(), List.of(new SimpleGrantedAuthority(linked.role().authority())), verified);
        } catch (SignOnClaims.Refused refused) {
            throw new OAuth2AuthenticationException(new OAuth2Error(refused.code()), refused.code());
        }
    }

    /** An OpenID Connect user whose name is the local account's. */
    static final class SignedOnUser implements OidcUser, java.io.Serializable {
        private final String name;
        private final List<GrantedAuthority> authorities;
        private final OidcUser verified;

        SignedOnUser(String name, List<GrantedAuthority> authorities, OidcUser verified) {
            this.name = name;
            this.authorities = List.copyOf(authorities);
            this.verified = verified;
        }

        @Override
        public Map<String, Object> getClaims() {
            return verified.getClaims();
        }

        @Override
        public OidcUserInfo getUserInfo() {
            return verified.getUserInfo();
        }

        @Override
        public OidcIdToken getIdToken() {
            return verified.getIdToken();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return verified.getAttributes();
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return authorities;
        }

        @Override
        public String getName() {
            return name;
        }
    }
}
