package fr.avec.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** The server starts with an empty home directory and answers health and metrics. */
class ServerStartTest {

    @TempDir
    Path home;

    @Test
    void startsOnAnEmptyHomeWithTheEmbeddedDatabase() throws Exception {
        try (ConfigurableApplicationContext context = SpringApplication.run(AvecServer.class,
                "--server.port=0", "--avec.home=" + home)) {
            int port = Integer.parseInt(context.getBean(Environment.class).getProperty("local.server.port"));
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");

            // Metrics need an API key with the admin (or service) role.
            String key = context.getBean(fr.avec.server.security.ApiKeys.class)
                    .create("admin", java.util.Optional.of(fr.avec.server.security.Role.ADMIN), java.util.Set.of(), null).secret();
            HttpResponse<String> prometheus = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                            .header("Authorization", "Bearer " + key).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(prometheus.statusCode()).isEqualTo(200);
            assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
        }
        assertThat(Files.list(home.resolve("db"))).anyMatch(f -> f.getFileName().toString().startsWith("avec"));
    }
}
