package fr.avec.server.gateway;

import fr.avec.server.AvecServer;
import fr.avec.server.security.ApiKeys;
import fr.avec.server.security.Role;
import fr.avec.server.storage.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** The real Avec server on a random port, with its database and upstreams, for gateway tests. */
public final class GatewayServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public GatewayServer(Path home, TestDatabases.Target db, String... options) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--avec.home=" + home,
                "--avec.db.url=" + db.url(), "--avec.db.user=" + db.user(), "--avec.db.password=" + db.password(),
                "--logging.level.root=WARN"));
        if (db.schema() != null) {
            args.add("--spring.flyway.schemas=" + db.schema());
        }
        args.addAll(List.of(options));
        context = SpringApplication.run(AvecServer.class, args.toArray(String[]::new));
        port = Integer.parseInt(context.getBean(Environment.class).getProperty("local.server.port"));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public String key(String user, Role role, String... useCases) {
        return context.getBean(ApiKeys.class).create(user, Optional.of(role), Set.of(useCases), null).secret();
    }

    public HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String key, String json, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<java.io.InputStream> postStreaming(String path, String key, String json, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        request.header("Authorization", "Bearer " + key);
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        context.close();
    }
}
