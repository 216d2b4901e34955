package fr.avec.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.avec.server.gateway.GatewayServer;
import fr.avec.server.storage.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Single sign-on through the real Spring Security OpenID Connect flow against fake providers: a
 * Keycloak-style provider whose roles claim decides the Avec role, and Pro Santé Connect whose
 * profession (UserInfo {@code SubjectRefPro}) does; accounts are created and linked; a provider's bad
 * signature, a missing role or a name clash is refused; local accounts keep working.
 */
class SingleSignOnTest {

    @TempDir
    static Path home;
    static FakeOpenIdProvider keycloak;
    static FakeOpenIdProvider psc;
    static GatewayServer server;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        keycloak = new FakeOpenIdProvider("avec", "keycloak-secret");
        psc = new FakeOpenIdProvider("avec-psc", "psc-secret");
        server = new GatewayServer(home, TestDatabases.h2(),
                "--avec.sso.providers.hopital.display-name=Annuaire de l'hôpital",
                "--avec.sso.providers.hopital.issuer-uri=" + keycloak.issuer(),
                "--avec.sso.providers.hopital.client-id=avec",
                "--avec.sso.providers.hopital.client-secret=keycloak-secret",
                "--avec.sso.providers.hopital.account-prefix=kc.",
                "--avec.sso.providers.hopital.role-claim=realm_access.roles",
                "--avec.sso.providers.hopital.role-mapping[avec-admin]=admin",
                "--avec.sso.providers.hopital.role-mapping[avec-dpo]=dpo",
                "--avec.sso.providers.hopital.role-mapping[avec-clinician]=clinician",
                "--avec.sso.providers.psc.kind=pro-sante-connect",
                "--avec.sso.providers.psc.issuer-uri=" + psc.issuer(),
                "--avec.sso.providers.psc.client-id=avec-psc",
                "--avec.sso.providers.psc.client-secret=psc-secret");
        base = "http://127.0.0.1:" + server.context().getBean(Environment.class).getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        server.close();
        keycloak.close();
        psc.close();
    }

    private JdbcClient jdbc() {
        return server.context().getBean(JdbcClient.class);
    }

    @Test
    void aKeycloakUserGetsTheRoleOfTheirRolesClaimAndALinkedAccount() throws Exception {
        keycloak.idTokenClaims = Map.of("sub", "f3a1-claire", "preferred_username", "claire.martin", "name", "Dr Claire Martin",
                "realm_access", Map.of("roles", List.of("offline_access", "avec-clinician")));
        keycloak.userInfo = Map.of("sub", "f3a1-claire", "preferred_username", "claire.martin", "name", "Dr Claire Martin");
        BrowserSession browser = new BrowserSession(base);
        assertThat(browser.get("/login").body()).contains("Annuaire de l&#39;hôpital").contains("Pro Santé Connect");

        HttpResponse<String> home = browser.follow("/oauth2/authorization/hopital");
        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Se déconnecter (kc.claire.martin)");
        Map<String, String> authorize = keycloak.authorizationRequests.getLast();
        assertThat(authorize).containsKeys("state", "nonce", "code_challenge").containsEntry("code_challenge_method", "S256")
                .containsEntry("scope", "openid profile email").doesNotContainKey("acr_values");

        assertThat(jdbc().sql("SELECT role, full_name, password_hash FROM avec_user WHERE name = 'kc.claire.martin'").query().singleRow())
                .containsEntry("role", "clinician").containsEntry("full_name", "Dr Claire Martin").containsEntry("password_hash", null);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM user_identity WHERE provider = 'hopital' AND subject = 'f3a1-claire'")
                .query(Long.class).single()).isEqualTo(1);
        // The role decides the pages: a clinician writes consultations, does not administer.
        assertThat(browser.get("/consultations/new").statusCode()).isEqualTo(200);
        assertThat(browser.get("/templates").statusCode()).isEqualTo(403);

        // The provider is the source of truth for roles: promoted there, promoted here at the next sign-in, same account.
        keycloak.idTokenClaims = Map.of("sub", "f3a1-claire", "preferred_username", "claire.martin", "name", "Dr Claire Martin",
                "realm_access", Map.of("roles", List.of("avec-admin", "avec-clinician")));
        BrowserSession again = new BrowserSession(base);
        assertThat(again.follow("/oauth2/authorization/hopital").uri().getPath()).isEqualTo("/");
        assertThat(jdbc().sql("SELECT role FROM avec_user WHERE name = 'kc.claire.martin'").query(String.class).single()).isEqualTo("admin");
        assertThat(again.get("/templates").statusCode()).isEqualTo(200);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM avec_user WHERE name LIKE 'kc.%'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aProSanteConnectProfessionalIsMappedByProfessionWithTheRppsKept() throws Exception {
        psc.idTokenClaims = Map.of("sub", "f:550dc1c8:810001234567", "acr", "eidas1");
        psc.userInfo = Map.of("sub", "f:550dc1c8:810001234567", "SubjectNameID", "810001234567", "given_name", "Louise",
                "family_name", "Garnier", "SubjectRole", List.of("10^1.2.250.1.213.1.1.5.5"),
                "SubjectRefPro", Map.of("exercices", List.of(Map.of("codeProfession", "10", "codeCategorieProfessionnelle", "C",
                        "nomDexercice", "Garnier", "prenomDexercice", "Louise", "activities", List.of()))));
        BrowserSession browser = new BrowserSession(base);
        HttpResponse<String> home = browser.follow("/oauth2/authorization/psc");
        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(home.body()).contains("Se déconnecter (psc.810001234567)");
        Map<String, String> authorize = psc.authorizationRequests.getLast();
        assertThat(authorize).containsEntry("scope", "openid scope_all").containsEntry("acr_values", "eidas1");

        assertThat(jdbc().sql("SELECT role, job_title FROM avec_user WHERE name = 'psc.810001234567'").query().singleRow())
                .containsEntry("role", "clinician").containsEntry("job_title", "médecin");
        assertThat(jdbc().sql("SELECT national_id, profession FROM user_identity WHERE provider = 'psc'").query().singleRow())
                .containsEntry("national_id", "810001234567").containsEntry("profession", "10");
        assertThat(ProSanteConnect.rpps("810001234567")).hasValue("10001234567");

        // With Pro Santé Connect the role is kept locally: an administrator made her the AI referent, which stays.
        jdbc().sql("UPDATE avec_user SET role = 'referent' WHERE name = 'psc.810001234567'").update();
        BrowserSession again = new BrowserSession(base);
        again.follow("/oauth2/authorization/psc");
        assertThat(again.get("/templates").statusCode()).isEqualTo(200);

        // A profession without a configured role (a pedicure-podiatrist, 80) is refused, and no account is made.
        psc.idTokenClaims = Map.of("sub", "f:77:899700237045");
        psc.userInfo = Map.of("sub", "f:77:899700237045", "SubjectNameID", "899700237045", "given_name", "Paul", "family_name", "Roux",
                "SubjectRefPro", Map.of("exercices", List.of(Map.of("codeProfession", "80"))));
        HttpResponse<String> refused = new BrowserSession(base).follow("/oauth2/authorization/psc");
        assertThat(refused.uri().getPath() + "?" + refused.uri().getQuery()).isEqualTo("/login?sso=refused.role");
        assertThat(refused.body()).contains("aucun rôle Avec");
        assertThat(jdbc().sql("SELECT COUNT(*) FROM avec_user WHERE name = 'psc.899700237045'").query(Long.class).single()).isZero();
    }

    @Test
    void aForgedTokenANameClashAndNoRoleAreRefused() throws Exception {
        keycloak.idTokenClaims = Map.of("sub", "forged", "preferred_username", "mallory",
                "realm_access", Map.of("roles", List.of("avec-admin")));
        keycloak.userInfo = Map.of("sub", "forged", "preferred_username", "mallory");
        keycloak.signWithUnknownKey = true;
        try {
            HttpResponse<String> forged = new BrowserSession(base).follow("/oauth2/authorization/hopital");
            assertThat(forged.uri().getPath() + "?" + forged.uri().getQuery()).isEqualTo("/login?sso=failed");
        } finally {
            keycloak.signWithUnknownKey = false;
        }
        assertThat(jdbc().sql("SELECT COUNT(*) FROM avec_user WHERE name = 'kc.mallory'").query(Long.class).single()).isZero();

        // A local account of the same name is not taken over by a provider identity.
        server.context().getBean(fr.avec.server.web.LocalAccounts.class)
                .createOrUpdate("kc.bob", "un mot de passe local", Role.ADMIN, null, null);
        keycloak.idTokenClaims = Map.of("sub", "bob-2", "preferred_username", "bob", "realm_access", Map.of("roles", List.of("avec-clinician")));
        keycloak.userInfo = Map.of("sub", "bob-2", "preferred_username", "bob");
        HttpResponse<String> clash = new BrowserSession(base).follow("/oauth2/authorization/hopital");
        assertThat(clash.uri().getQuery()).isEqualTo("sso=refused.exists");

        keycloak.idTokenClaims = Map.of("sub", "eve-1", "preferred_username", "eve", "realm_access", Map.of("roles", List.of("offline_access")));
        keycloak.userInfo = Map.of("sub", "eve-1", "preferred_username", "eve");
        HttpResponse<String> noRole = new BrowserSession(base).follow("/oauth2/authorization/hopital");
        assertThat(noRole.uri().getQuery()).isEqualTo("sso=refused.role");

        // Local accounts still sign in with their password.
        BrowserSession local = new BrowserSession(base);
        assertThat(local.signIn("kc.bob", "un mot de passe local").headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/"));
        assertThat(local.get("/templates").statusCode()).isEqualTo(200);
    }
}
