package fr.avec.server.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on providers ({@code avec.sso.providers.<id>.*}); none by default, and local accounts
 * always stay available. The client secret is a secret: give it in the environment
 * ({@code AVEC_SSO_PROVIDERS_<ID>_CLIENT_SECRET}) or a file ({@code ..._CLIENT_SECRET_FILE}).
 *
 * @param providers the OpenID Connect providers by registration id (used in {@code /oauth2/authorization/<id>})
 */
@ConfigurationProperties("avec.sso")
public record SignOnProperties(Map<String, Provider> providers) {

    public SignOnProperties {
        providers = providers == null ? Map.of() : new LinkedHashMap<>(providers);
    }

    /** The kinds of provider Avec knows the claims of. */
    public enum Kind {
        /** Any OpenID Connect provider (Keycloak, Entra ID, LemonLDAP::NG...): roles from a claim. */
        GENERIC,
        /** Pro Santé Connect, the health professionals' federation of the Agence du numérique en santé. */
        PRO_SANTE_CONNECT
    }

    /**
     * One provider.
     *
     * @param kind               generic (default) or pro-sante-connect
     * @param displayName        the button's label on the sign-in page
     * @param issuerUri          the issuer; its {@code /.well-known/openid-configuration} is read on first use
     * @param clientId           the client id registered at the provider
     * @param clientSecret       the client secret (environment or file only in production)
     * @param scopes             scopes asked for; default {@code openid profile email} (generic) or
     *                           {@code openid scope_all} (Pro Santé Connect)
     * @param acrValues          {@code acr_values} sent with the authorization request (Pro Santé Connect: {@code eidas1})
     * @param usernameClaim      claim giving the local user name (generic; default {@code preferred_username})
     * @param accountPrefix      prefix of the local user names created for this provider (e.g. {@code kc.})
     * @param roleClaim          dotted path of the claim holding roles or groups (e.g. {@code realm_access.roles})
     * @param roleMapping        claim value to Avec role, first match in this order wins
     * @param professionRoles    Pro Santé Connect profession code ({@code 10} médecin...) to Avec role
     * @param defaultRole        role when no mapping matches; none refuses the sign-in
     * @param roleFromProvider   true: the provider decides the role at every sign-in; false: it decides only
     *                           when the account is created, then an administrator may change it locally
     * @param linkExistingByName link to an existing local account of the same name on first sign-in (only for a
     *                           provider whose user names are the same people as the local ones)
     */
    public record Provider(Kind kind, String displayName, String issuerUri, String clientId, String clientSecret, List<String> scopes,
                           String acrValues, String usernameClaim, String accountPrefix, String roleClaim,
                           Map<String, String> roleMapping, Map<String, String> professionRoles, String defaultRole,
                           Boolean roleFromProvider, Boolean linkExistingByName) {

        public Provider {
            kind = kind == null ? Kind.GENERIC : kind;
            boolean psc = kind == Kind.PRO_SANTE_CONNECT;
            displayName = blank(displayName) ? (psc ? "Pro Santé Connect" : "SSO") : displayName;
            scopes = scopes == null || scopes.isEmpty() ? (psc ? List.of("openid", "scope_all") : List.of("openid", "profile", "email")) : List.copyOf(scopes);
            acrValues = acrValues == null ? (psc ? "eidas1" : "") : acrValues;
            usernameClaim = blank(usernameClaim) ? "preferred_username" : usernameClaim;
            accountPrefix = accountPrefix == null ? (psc ? "psc." : "") : accountPrefix;
            roleMapping = roleMapping == null ? Map.of() : new LinkedHashMap<>(roleMapping);
            professionRoles = professionRoles == null || professionRoles.isEmpty() ? (psc ? ProSanteConnect.DEFAULT_PROFESSION_ROLES : Map.of())
                    : new LinkedHashMap<>(professionRoles);
            roleFromProvider = roleFromProvider == null ? !psc : roleFromProvider;
            linkExistingByName = linkExistingByName != null && linkExistingByName;
        }

        /** Whether enough is configured to offer this provider. */
        public boolean usable() {
            return !blank(issuerUri) && !blank(clientId);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }
}
