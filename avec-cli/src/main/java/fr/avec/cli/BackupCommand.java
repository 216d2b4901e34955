package fr.avec.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code avec backup}: a consistent copy of the embedded database. A stopped server's database is copied here;
 * a running server is asked over HTTP ({@code --server}, with an admin API key read from a file so that it never
 * shows in the process list). PostgreSQL is backed up with pg_dump (docs/RELIABILITY.md).
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Writes a consistent backup of the embedded H2 database (a zip restored by avec restore).",
                "With --server, asks the running server for an online backup (written in its avec.home/backups).",
                "Database options as for serve, e.g. --avec.home=/srv/avec"})
final class BackupCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--to", paramLabel = "FILE", description = "Backup file (.zip); default avec.home/backups/avec-DATE.zip.")
    Path to;

    @Option(names = "--server", paramLabel = "URL", description = "A running Avec server, e.g. http://127.0.0.1:8080.")
    URI server;

    @Option(names = "--key-file", paramLabel = "FILE", description = "File holding an admin API key (with --server).")
    Path keyFile;

    @Unmatched
    List<String> springOptions = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        for (String option : springOptions) {
            if (!option.startsWith("--") || !option.contains("=")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown option or argument '" + option + "'");
            }
        }
        if (server == null) {
            if (keyFile != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--key-file goes with --server");
            }
            List<String> args = new ArrayList<>(List.of("backup"));
            if (to != null) {
                args.addAll(List.of("--to", to.toAbsolutePath().toString()));
            }
            return ServerAdmin.run(args, springOptions);
        }
        if (to != null) {
            throw new UsageException("with --server the backup is written by the server in its avec.home/backups; --to is for a stopped server");
        }
        if (keyFile == null || !Files.isRegularFile(keyFile)) {
            throw new UsageException("--server needs --key-file FILE holding an admin API key");
        }
        String key = Files.readString(keyFile, StandardCharsets.UTF_8).strip();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/api/admin/backups"))
                .header("Authorization", "Bearer " + key)
                .timeout(Duration.ofHours(1))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException unreachable) {
            throw new UsageException("cannot reach " + server + " (" + unreachable.getClass().getSimpleName() + ")");
        }
        if (response.statusCode() != 201) {
            String detail = "";
            try {
                JsonNode problem = JsonMapper.builder().build().readTree(response.body());
                detail = problem.path("detail").asString("");
            } catch (RuntimeException notJson) {
                // The status says enough.
            }
            throw new UsageException("the server refused the backup (HTTP " + response.statusCode() + ")"
                    + (detail.isEmpty() ? "" : ": " + detail));
        }
        JsonNode body = JsonMapper.builder().build().readTree(response.body());
        spec.commandLine().getOut().println(body.path("file").asString());
        spec.commandLine().getErr().println("backup written by the server: " + body.path("bytes").asLong() + " bytes, sha256 "
                + body.path("sha256").asString());
        return 0;
    }
}
