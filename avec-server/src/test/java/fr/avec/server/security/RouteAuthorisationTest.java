package fr.avec.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.avec.server.gateway.GatewayServer;
import fr.avec.server.storage.TestDatabases;
import fr.avec.server.web.LocalAccounts;
import fr.avec.server.workbench.Consultation;
import fr.avec.server.workbench.Consultations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the application, found at run time (controllers of every feature, actuator, static
 * files), is checked against the role table below: anonymous callers are refused (401 for the API,
 * redirect to sign-in for pages), a role not in the table gets 403, a role in it gets through; a page
 * form posted without its CSRF token gets 403. A route whose prefix the table does not declare fails the
 * test: whoever adds a feature decides who may use it, here, in one line.
 */
class RouteAuthorisationTest {

    /** How a route is reached: the API with a key, a page with a session, or by anyone. */
    enum Kind { API, PAGE, PUBLIC }

    record Access(Kind kind, Set<Role> roles) {
        static Access api(Role... roles) {
            return new Access(Kind.API, Set.of(roles));
        }

        static Access page(Role... roles) {
            return new Access(Kind.PAGE, Set.of(roles));
        }

        static Access everyone() {
            return new Access(Kind.PUBLIC, Set.of(Role.values()));
        }
    }

    static final Role[] PEOPLE = {Role.CLINICIAN, Role.REFERENT, Role.DPO, Role.ADMIN};
    static final Role[] WRITERS = {Role.CLINICIAN, Role.REFERENT, Role.ADMIN};

    /**
     * The role table, by path prefix (the longest matching prefix applies; a prefix ending without "/"
     * also covers the exact path). Add one line per feature area.
     */
    static final Map<String, Access> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("/v1/", Access.api(Role.values()));
        TABLE.put("/api/audit", Access.api(Role.DPO, Role.ADMIN));
        TABLE.put("/api/", Access.api(Role.ADMIN));
        TABLE.put("/actuator/health", Access.everyone());
        TABLE.put("/actuator", Access.api(Role.ADMIN, Role.SERVICE));
        TABLE.put("/error", Access.everyone());
        TABLE.put("/login", Access.everyone());
        // The first-run page answers only with its one-time token (404 otherwise, to everyone).
        TABLE.put("/setup", Access.everyone());
        TABLE.put("/css/", Access.everyone());
        TABLE.put("/js/", Access.everyone());
        TABLE.put("/webjars/", Access.everyone());
        TABLE.put("/favicon.svg", Access.everyone());
        TABLE.put("=/", Access.page(PEOPLE));
        TABLE.put("/consultations", Access.page(WRITERS));
        TABLE.put("/oppositions", Access.page(WRITERS));
        TABLE.put("/templates", Access.page(Role.REFERENT, Role.ADMIN));
        TABLE.put("/admin", Access.page(Role.ADMIN));
        // Workbench use cases (#7).
        TABLE.put("/literature", Access.page(WRITERS));
        TABLE.put("/education", Access.page(WRITERS));
        // Estimer (#8): the figures for the committee; each person's own figures and the SUS questionnaire for all.
        TABLE.put("/estimate", Access.page(Role.REFERENT, Role.ADMIN, Role.DPO));
        TABLE.put("/estimate/me", Access.page(PEOPLE));
        TABLE.put("/estimate/sus", Access.page(PEOPLE));
        TABLE.put("POST /estimate/references", Access.page(Role.REFERENT, Role.ADMIN));
        TABLE.put("POST /estimate/drift", Access.page(Role.REFERENT, Role.ADMIN));
        TABLE.put("POST /estimate/services", Access.page(Role.REFERENT, Role.ADMIN));
        TABLE.put("/needs", Access.page(Role.REFERENT, Role.ADMIN, Role.DPO));
        TABLE.put("POST /needs/", Access.page(Role.REFERENT, Role.ADMIN));
        TABLE.put("POST /needs/1/sign", Access.page(Role.DPO));
        // Apprendre (#9).
        TABLE.put("/learn", Access.page(PEOPLE));
        TABLE.put("/learn/people", Access.page(Role.REFERENT, Role.ADMIN, Role.DPO));
        TABLE.put("/register", Access.page(Role.REFERENT, Role.ADMIN, Role.DPO));
        TABLE.put("POST /register", Access.page(Role.REFERENT, Role.ADMIN));
        TABLE.put("/bench", Access.page(Role.REFERENT, Role.ADMIN));
        TABLE.put("/charter", Access.page(PEOPLE));
        TABLE.put("/charter/edit", Access.page(Role.REFERENT));
        // Communiquer (#9).
        TABLE.put("/notice", Access.page(PEOPLE));
        TABLE.put("/transparency", Access.page(Role.REFERENT, Role.ADMIN, Role.DPO));
        TABLE.put("/incidents", Access.page(PEOPLE));
        TABLE.put("/incidents/1/triage", Access.page(Role.REFERENT));
        TABLE.put("/sharing", Access.page(PEOPLE));
        TABLE.put("/sharing/moderation", Access.page(Role.REFERENT));
        TABLE.put("/fhir", Access.page(WRITERS));
    }

    @TempDir
    static Path home;
    static GatewayServer server;
    static String base;
    static final Map<Role, String> KEYS = new EnumMap<>(Role.class);
    static final Map<Role, BrowserSession> SESSIONS = new EnumMap<>(Role.class);
    static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        server = new GatewayServer(home, TestDatabases.h2());
        base = "http://127.0.0.1:" + server.context().getBean(Environment.class).getProperty("local.server.port");
        LocalAccounts accounts = server.context().getBean(LocalAccounts.class);
        for (Role role : Role.values()) {
            KEYS.put(role, server.key("key." + role.id(), role));
        }
        for (Role role : PEOPLE) {
            accounts.createOrUpdate("web." + role.id(), "mot de passe de " + role.id(), role, null, null);
            BrowserSession session = new BrowserSession(base);
            assertThat(session.signIn("web." + role.id(), "mot de passe de " + role.id()).headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
            SESSIONS.put(role, session);
            TOKENS.put(role, session.csrf("/"));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A route to check: method and a concrete path. */
    record Route(String method, String path, String pattern) {
    }

    static Access access(String path) {
        return access("GET", path);
    }

    /** The entry for a request: a method-specific one ("POST /needs/") wins over one for every method. */
    static Access access(String method, String path) {
        Access exact = TABLE.get(method + " =" + path);
        if (exact == null) {
            exact = TABLE.get("=" + path);
        }
        String specific = best(method + " ", path);
        if (specific != null) {
            return TABLE.get(specific);
        }
        if (exact != null) {
            return exact;
        }
        String any = best("", path);
        return any == null ? null : TABLE.get(any);
    }

    /** The longest prefix entry of the table starting with {@code head} (a method and a space, or nothing) that covers the path. */
    private static String best(String head, String path) {
        String best = null;
        for (String key : TABLE.keySet()) {
            boolean methodKey = key.contains(" ");
            if (head.isEmpty() ? methodKey : !key.startsWith(head)) {
                continue;
            }
            String prefix = key.substring(head.length());
            if (prefix.startsWith("=")) {
                continue;
            }
            boolean matches = prefix.endsWith("/") ? path.startsWith(prefix) : path.equals(prefix) || path.startsWith(prefix + "/");
            if (matches && (best == null || prefix.length() > best.length() - head.length())) {
                best = key;
            }
        }
        return best;
    }

    static List<Route> routes() throws Exception {
        List<Route> routes = new ArrayList<>();
        RequestMappingHandlerMapping mapping = server.context().getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replaceAll("\\{\\*[^}]+}", "x").replaceAll("\\{[^}]+}", "1");
                if (methods.isEmpty()) {
                    routes.add(new Route("GET", path, pattern));
                }
                for (RequestMethod method : methods) {
                    routes.add(new Route(method.name(), path, pattern));
                }
            }
        }
        // Actuator endpoints have their own handler mapping.
        for (String endpoint : List.of("/actuator", "/actuator/health", "/actuator/health/liveness", "/actuator/info", "/actuator/prometheus")) {
            routes.add(new Route("GET", endpoint, endpoint));
        }
        // Static resources: every file under static/, plus a webjar.
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:static/**/*.*")) {
            String url = resource.getURL().toString();
            routes.add(new Route("GET", url.substring(url.lastIndexOf("/static/") + "/static".length()), "static"));
        }
        routes.add(new Route("GET", "/webjars/htmx.org/dist/htmx.min.js", "webjar"));
        return routes;
    }

    private static HttpResponse<String> call(Route route, Access access, Role role, boolean withCsrf) throws Exception {
        boolean api = access.kind() == Kind.API || route.path().startsWith("/v1/") || route.path().startsWith("/api/")
                || route.path().startsWith("/actuator");
        boolean write = !route.method().equals("GET") && !route.method().equals("HEAD");
        if (!api && role != null && role != Role.SERVICE) {
            BrowserSession session = SESSIONS.get(role);
            return write ? session.send(route.method(), route.path(), Map.of(), withCsrf ? TOKENS.get(role) : null) : session.get(route.path());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + route.path()));
        if (api && role != null) {
            request.header("Authorization", "Bearer " + KEYS.get(role));
        }
        if (write) {
            request.header("Content-Type", api ? "application/json" : "application/x-www-form-urlencoded")
                    .method(route.method(), HttpRequest.BodyPublishers.ofString(api ? "{}" : ""));
        } else {
            request.method(route.method(), HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean sentToSignIn(HttpResponse<String> response) {
        return response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").endsWith("/login");
    }

    @Test
    void everyRouteIsDeclaredAuthenticatedAndAuthorisedByRole() throws Exception {
        List<Route> routes = routes();
        Set<String> undeclared = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Route route : routes) {
            Access access = access(route.method(), route.path());
            if (access == null) {
                undeclared.add(route.method() + " " + route.pattern());
                continue;
            }
            checked++;
            boolean write = !route.method().equals("GET") && !route.method().equals("HEAD");
            HttpResponse<String> anonymous = call(route, access, null, true);
            if (access.kind() == Kind.PUBLIC && write && !route.path().startsWith("/v1/") && !route.path().startsWith("/api/")) {
                // A public form (first-run setup) is still posted with the CSRF token of an anonymous session.
                if (anonymous.statusCode() != 403) {
                    wrong.add(route + ": public form posted without its CSRF token, got " + anonymous.statusCode());
                }
                BrowserSession visitor = new BrowserSession(base);
                anonymous = visitor.send(route.method(), route.path(), Map.of(), visitor.csrf("/login"));
            }
            if (access.kind() == Kind.PUBLIC) {
                if (anonymous.statusCode() == 401 || anonymous.statusCode() == 403 || sentToSignIn(anonymous)) {
                    wrong.add(route + ": public but anonymous got " + anonymous.statusCode());
                }
                continue;
            }
            boolean refused = access.kind() == Kind.API ? anonymous.statusCode() == 401
                    : sentToSignIn(anonymous) || (write && anonymous.statusCode() == 403);
            if (!refused) {
                wrong.add(route + ": anonymous got " + anonymous.statusCode() + " " + anonymous.headers().firstValue("Location").orElse(""));
            }
            for (Role role : access.kind() == Kind.API ? Role.values() : PEOPLE) {
                HttpResponse<String> response = call(route, access, role, true);
                int status = response.statusCode();
                if (access.roles().contains(role)) {
                    if (status == 401 || status == 403 || sentToSignIn(response)) {
                        wrong.add(route + ": " + role.id() + " is allowed but got " + status);
                    }
                } else if (status != 403) {
                    wrong.add(route + ": " + role.id() + " is not allowed but got " + status);
                }
            }
            if (access.kind() == Kind.PAGE && write) {
                Role allowed = access.roles().stream().filter(r -> r != Role.SERVICE).findFirst().orElseThrow();
                int status = call(route, access, allowed, false).statusCode();
                if (status != 403) {
                    wrong.add(route + ": posted without its CSRF token, got " + status);
                }
            }
        }
        assertThat(undeclared).as("routes whose prefix has no line in the role table of RouteAuthorisationTest").isEmpty();
        assertThat(wrong).isEmpty();
        // The enumeration really found the application: the gateway, the workbench, the static files.
        assertThat(checked).isGreaterThan(30);
        assertThat(routes).extracting(Route::pattern).contains("/v1/chat/completions", "/consultations/{id}", "static");
    }

    @Test
    void aClinicianCannotReadAnothersConsultationAndTheDpoReadsTheAuditNotTheDocuments() throws Exception {
        Consultations consultations = server.context().getBean(Consultations.class);
        long mine = consultations.create("web.clinician", "PAT-1", null, null, Consultation.RecordingConsent.REFUSED, false, "texte du patient");
        LocalAccounts accounts = server.context().getBean(LocalAccounts.class);
        accounts.createOrUpdate("web.other", "mot de passe de l'autre", Role.CLINICIAN, null, null);
        BrowserSession other = new BrowserSession(base);
        other.signIn("web.other", "mot de passe de l'autre");

        assertThat(SESSIONS.get(Role.CLINICIAN).get("/consultations/" + mine).statusCode()).isEqualTo(200);
        for (String path : List.of("/consultations/" + mine, "/consultations/" + mine + "/document.txt", "/consultations/" + mine + "/findings")) {
            // Not found rather than forbidden: another's consultation ids are not confirmed to exist.
            assertThat(other.get(path).statusCode()).as(path).isEqualTo(404);
            assertThat(SESSIONS.get(Role.ADMIN).get(path).statusCode()).as("admin " + path).isEqualTo(404);
            assertThat(SESSIONS.get(Role.DPO).get(path).statusCode()).as("dpo " + path).isEqualTo(403);
        }
        String csrf = other.csrf("/");
        assertThat(other.post("/consultations/" + mine + "/text", Map.of("text", "écrasé"), csrf).statusCode()).isEqualTo(404);
        assertThat(consultations.find(mine).orElseThrow().workingText()).isEmpty();
        assertThat(other.get("/").body()).doesNotContain("PAT-1");

        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/audit")).header("Authorization", "Bearer " + KEYS.get(Role.DPO)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(EnumSet.of(Role.DPO)).allSatisfy(role -> assertThat(access("/consultations/1").roles()).doesNotContain(role));
    }
}
