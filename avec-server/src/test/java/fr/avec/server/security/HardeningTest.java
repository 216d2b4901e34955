package fr.avec.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.avec.server.gateway.GatewayServer;
import fr.avec.server.storage.TestDatabases;
import fr.avec.server.web.LocalAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.Environment;

/**
 * The browser and API hardening: security headers (HSTS only over HTTPS), session cookie flags, a new
 * session id at sign-in, the sign-in lock-out per account and per address, the request body limit, and
 * every form of every template posting through {@code th:action} (which adds the CSRF token).
 */
class HardeningTest {

    @TempDir
    static Path home;
    static GatewayServer server;
    static String base;

    @BeforeAll
    static void start() {
        server = new GatewayServer(home, TestDatabases.h2(), "--server.forward-headers-strategy=native",
                "--avec.sign-in.max-failures-per-account=3", "--avec.sign-in.max-failures-per-address=6", "--avec.http.max-body-size=64KB");
        base = "http://127.0.0.1:" + server.context().getBean(Environment.class).getProperty("local.server.port");
        LocalAccounts accounts = server.context().getBean(LocalAccounts.class);
        accounts.createOrUpdate("dr.martin", "le bon mot de passe", fr.avec.server.security.Role.CLINICIAN, null, null);
        accounts.createOrUpdate("dr.durand", "un autre bon mot de passe", fr.avec.server.security.Role.CLINICIAN, null, null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pagesAndApiCarryStrictHeadersAndHstsOnlyOverHttps() throws Exception {
        BrowserSession browser = new BrowserSession(base);
        HttpResponse<String> login = browser.get("/login");
        var headers = login.headers();
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'").doesNotContain("unsafe-inline"));
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(headers.firstValue("Permissions-Policy")).hasValueSatisfying(p -> assertThat(p).contains("camera=()").contains("geolocation=()"));
        assertThat(headers.firstValue("Strict-Transport-Security")).isEmpty();
        // Behind a TLS proxy (X-Forwarded-Proto from a trusted address): HSTS, and the session cookie is Secure.
        HttpResponse<String> https = new BrowserSession(base).get("/login", "X-Forwarded-Proto", "https");
        assertThat(https.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000 ; includeSubDomains");
        assertThat(https.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).startsWith("AVEC_SESSION=")
                .contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(headers.allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).startsWith("AVEC_SESSION=")
                .contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure"));

        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/v1/models")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void signingInGivesANewSessionId() throws Exception {
        BrowserSession browser = new BrowserSession(base);
        String csrf = browser.csrf("/login");
        String before = browser.cookie("AVEC_SESSION");
        assertThat(before).isNotNull();
        HttpResponse<String> signedIn = browser.post("/login", Map.of("username", "dr.durand", "password", "un autre bon mot de passe"), csrf);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(browser.cookie("AVEC_SESSION")).isNotNull().isNotEqualTo(before);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void repeatedFailuresLockTheAccountThenTheAddressWithAMessage() throws Exception {
        BrowserSession attacker = new BrowserSession(base);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> failed = attacker.signIn("dr.martin", "mauvais " + i);
            assertThat(failed.headers().firstValue("Location")).as(() -> failed.statusCode() + " " + failed.body()).hasValueSatisfying(
                    l -> assertThat(l).endsWith("/login?error"));
        }
        // Locked: even the right password is not checked, and the page says why.
        HttpResponse<String> locked = attacker.signIn("dr.martin", "le bon mot de passe");
        assertThat(locked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?locked"));
        assertThat(attacker.get("/login?locked").body()).contains("Trop de tentatives de connexion").contains("15 minutes");
        assertThat(new BrowserSession(base).signIn("DR.MARTIN ", "le bon mot de passe").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?locked"));
        // The address: after 6 failures on any accounts, even another account's right password is refused from it.
        for (int i = 0; i < 3; i++) {
            attacker.signIn("inconnu" + i, "devine");
        }
        assertThat(new BrowserSession(base).signIn("dr.durand", "un autre bon mot de passe").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?locked"));
        // Another address (through the trusted proxy) is not locked for that account.
        SignInAttempts attempts = server.context().getBean(SignInAttempts.class);
        assertThat(attempts.lockedFor("dr.durand", "10.1.2.3")).isZero();
        assertThat(attempts.lockedFor("dr.martin", "10.1.2.3")).isPositive();
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        String key = server.key("scribe", Role.SERVICE);
        String big = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(70_000) + "\"}]}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("request_too_large");
    }

    @Test
    void everyPostFormOfEveryTemplateGoesThroughThActionSoItCarriesTheCsrfToken() throws Exception {
        Pattern form = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
        List<Path> templates;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            templates = files.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(templates).isNotEmpty();
        int forms = 0;
        int htmxForms = 0;
        for (Path template : templates) {
            Matcher matcher = form.matcher(Files.readString(template));
            while (matcher.find()) {
                String tag = matcher.group();
                if (tag.toLowerCase().contains("method=\"get\"")) {
                    continue;
                }
                if (tag.contains("hx-post")) {
                    // htmx posts carry the token in a header, added by static/js for every htmx request (checked below).
                    htmxForms++;
                    continue;
                }
                forms++;
                assertThat(tag).as(template + ": a form that posts must use th:action, which adds the CSRF token").contains("th:action");
            }
        }
        assertThat(forms).isPositive();
        if (htmxForms > 0) {
            String scripts;
            try (Stream<Path> files = Files.walk(Path.of("src/main/resources/static/js"))) {
                scripts = files.filter(p -> p.toString().endsWith(".js")).map(p -> {
                    try {
                        return Files.readString(p);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).reduce("", String::concat);
            }
            assertThat(scripts).contains("htmx:configRequest").contains("csrf-token");
        }
    }
}
