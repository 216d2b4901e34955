package fr.avec.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import fr.avec.server.audit.AuditRecords;
import fr.avec.server.gateway.FakeUpstream;
import fr.avec.server.gateway.GatewayServer;
import fr.avec.server.security.Role;
import fr.avec.server.storage.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An online backup of the embedded database taken while the gateway serves, then restored after more traffic:
 * the restored database holds exactly the audit events of the backup, its chain verifies, and the database it
 * replaced is kept.
 */
class BackupRestoreTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    private static String chat(int n) {
        return "{\"model\":\"mistral-hds\",\"messages\":[{\"role\":\"user\",\"content\":\"Résume la consultation " + n
                + " de Mme Claire Dubois, née le 12/03/1961, pour HTA.\"}]}";
    }

    private static int run(StringBuilder out, String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = BackupCommand.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        out.append(stdout.toString(StandardCharsets.UTF_8)).append(stderr.toString(StandardCharsets.UTF_8));
        return code;
    }

    @Test
    void anOnlineBackupIsRestoredWithItsAuditChainAndTheReplacedDatabaseIsKept() throws Exception {
        String url = "jdbc:h2:file:" + home.resolve("db/avec") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        TestDatabases.Target file = new TestDatabases.Target(url, "avec", "", null);
        Path backup;
        long eventsAtBackup;
        try (FakeUpstream upstream = new FakeUpstream();
             GatewayServer server = new GatewayServer(home, file, "--avec.upstreams[0].name=hds-mistral",
                     "--avec.upstreams[0].base-url=" + upstream.baseUrl(), "--avec.upstreams[0].level=hds",
                     "--avec.upstreams[0].models=mistral-hds")) {
            String clinician = server.key("dr.martin", Role.CLINICIAN);
            String admin = server.key("it.admin", Role.ADMIN);
            for (int i = 0; i < 3; i++) {
                assertThat(server.post("/v1/chat/completions", clinician, chat(i), Map.of()).statusCode()).isEqualTo(200);
            }
            assertThat(server.post("/api/admin/backups", clinician, "{}", Map.of()).statusCode()).isEqualTo(403);
            HttpResponse<String> created = server.post("/api/admin/backups", admin, "{}", Map.of());
            assertThat(created.statusCode()).isEqualTo(201);
            JsonNode body = JSON.readTree(created.body());
            backup = Path.of(body.get("file").asString());
            assertThat(backup).exists().startsWith(home.resolve("backups"));
            assertThat(body.get("sha256").asString()).isEqualTo(Backups.sha256(backup));
            eventsAtBackup = server.context().getBean(AuditRecords.class).verify().events();
            assertThat(eventsAtBackup).isGreaterThanOrEqualTo(3);
            for (int i = 3; i < 5; i++) {
                assertThat(server.post("/v1/chat/completions", clinician, chat(i), Map.of()).statusCode()).isEqualTo(200);
            }
            assertThat(server.context().getBean(AuditRecords.class).verify().events()).isGreaterThan(eventsAtBackup);
        }

        StringBuilder out = new StringBuilder();
        assertThat(run(out, "restore", "--from", backup.toString(), "--avec.home=" + home)).as(out.toString()).isZero();
        assertThat(out.toString()).contains("audit chain valid, " + eventsAtBackup + " events");
        List<Path> replaced;
        try (var entries = Files.list(home.resolve("db"))) {
            replaced = entries.filter(p -> p.getFileName().toString().startsWith("replaced-")).toList();
        }
        assertThat(replaced).hasSize(1);
        assertThat(replaced.getFirst().resolve("avec.mv.db")).exists();
        try (var entries = Files.list(home.resolve("db"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("restore-"));
        }

        // The server starts on the restored database with the events of the backup, and a stopped server is backed up offline.
        try (GatewayServer restarted = new GatewayServer(home, file)) {
            assertThat(restarted.context().getBean(AuditRecords.class).verify().events()).isEqualTo(eventsAtBackup);
        }
        StringBuilder offline = new StringBuilder();
        Path second = home.resolve("second.zip");
        assertThat(run(offline, "backup", "--to", second.toString(), "--avec.home=" + home)).as(offline.toString()).isZero();
        assertThat(second).exists();
        assertThat(run(new StringBuilder(), "backup", "--to", second.toString(), "--avec.home=" + home)).isEqualTo(2);
    }

    @Test
    void aFileThatIsNotABackupIsRefusedAndNothingIsTouched() throws Exception {
        Path notZip = home.resolve("notes.zip");
        Files.writeString(notZip, "ceci n'est pas une sauvegarde");
        Path escaping = home.resolve("evil.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(escaping))) {
            zip.putNextEntry(new ZipEntry("../../avec.mv.db"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        for (Path bad : List.of(notZip, escaping, home.resolve("missing.zip"))) {
            StringBuilder out = new StringBuilder();
            assertThat(run(out, "restore", "--from", bad.toString(), "--avec.home=" + home)).isEqualTo(2);
            assertThat(out.toString()).startsWith("avec: ").doesNotContain("Exception\n\tat");
        }
        assertThat(home.resolve("avec.mv.db")).doesNotExist();
        assertThat(home.getParent().resolve("avec.mv.db")).doesNotExist();
        StringBuilder usage = new StringBuilder();
        assertThat(run(usage, "restore")).isEqualTo(2);
        assertThat(usage.toString()).contains("--from");
    }

    @Test
    void postgresqlIsBackedUpWithItsOwnTools() {
        StringBuilder out = new StringBuilder();
        assertThat(run(out, "restore", "--from", "x.zip", "--avec.db.url=jdbc:postgresql://127.0.0.1:5432/test")).isEqualTo(2);
        assertThat(BackupCommand.EmbeddedDatabase.of("jdbc:postgresql://db/avec")).isNull();
        BackupCommand.EmbeddedDatabase h2 = BackupCommand.EmbeddedDatabase.of("jdbc:h2:file:/srv/avec/db/avec;MODE=PostgreSQL");
        assertThat(h2.folder()).isEqualTo(Path.of("/srv/avec/db"));
        assertThat(h2.fileName()).isEqualTo("avec.mv.db");
        assertThat(h2.urlFor(Path.of("/tmp/r"))).isEqualTo("jdbc:h2:file:/tmp/r/avec;MODE=PostgreSQL");
    }
}
