package fr.avec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import fr.avec.data.DataStore;
import fr.avec.testing.SharedData;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {

    @TempDir
    Path data;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return AvecCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void importThenStatusShowsTheBdpmRowCounts() {
        assertThat(run("data", "import", SharedData.root().toString(), "--data", data.toString())).isZero();
        assertThat(out.toString()).contains("Imported 12 files").contains("No line skipped.");

        assertThat(run("data", "status", "--data", data.toString(), "--verify")).isZero();
        assertThat(out.toString())
                .containsPattern("CIS_bdpm\\.txt\\s+15,848 rows\\s+windows-1252")
                .containsPattern("CIS_CIP_bdpm\\.txt\\s+20,903 rows\\s+UTF-8")
                .containsPattern("insee_prenoms/prenoms_nat2024_totaux\\.csv\\s+51,651 rows")
                .contains("checksum ok")
                .doesNotContain("MISMATCH");
    }

    @Test
    void statusWithNothingInstalledSaysWhatToDo() {
        assertThat(run("data", "status", "--data", data.toString())).isZero();
        assertThat(out.toString()).contains("Nothing installed");
    }

    @Test
    void statusVerifyDetectsATamperedFile() throws IOException {
        assertThat(run("data", "import", SharedData.root().toString(), "--data", data.toString())).isZero();
        Files.writeString(data.resolve("bdpm/CIS_MITM.txt"), "tampered");
        assertThat(run("data", "status", "--data", data.toString(), "--verify")).isEqualTo(2);
        assertThat(out.toString()).contains("CHECKSUM MISMATCH");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void missingFolderIsOneLineAndExitTwo() {
        assertThat(run("data", "import", data.resolve("nowhere").toString(), "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("avec: no such folder");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void corruptFolderIsRefusedAndTheCurrentDataKept(@TempDir Path corrupt) throws IOException {
        assertThat(run("data", "import", SharedData.root().toString(), "--data", data.toString())).isZero();
        String before = DataStore.sha256(data.resolve("bdpm/CIS_bdpm.txt"));

        Files.createDirectories(corrupt.resolve("bdpm"));
        Files.write(corrupt.resolve("bdpm/CIS_bdpm.txt"), new byte[] {(byte) 0x81, (byte) 0x8D, 0, 1, 2});
        Files.writeString(corrupt.resolve("bdpm/CIS_COMPO_bdpm.txt"), "");
        assertThat(run("data", "import", corrupt.toString(), "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("neither valid UTF-8 nor Windows-1252").contains("current data is kept");
        assertThat(err.toString().strip().lines()).hasSize(1);

        assertThat(DataStore.sha256(data.resolve("bdpm/CIS_bdpm.txt"))).isEqualTo(before);
        assertThat(run("data", "status", "--data", data.toString(), "--verify")).isZero();
        assertThat(data.toFile().list()).noneMatch(name -> name.startsWith(".staging"));
    }

    @Test
    void folderWithoutDataSetsIsRefused(@TempDir Path empty) {
        assertThat(run("data", "import", empty.toString(), "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not a reference data folder");
    }

    @Test
    void updateDownloadsFromAMirrorAndKeepsLexiconsItDoesNotServe() throws IOException {
        assertThat(run("data", "import", SharedData.root().toString(), "--data", data.toString())).isZero();
        AtomicInteger requests = new AtomicInteger();
        HttpServer mirror = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        mirror.createContext("/", exchange -> {
            requests.incrementAndGet();
            Path file = SharedData.root().resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(SharedData.root()) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().add("Last-Modified", "Tue, 28 Apr 2026 08:00:00 GMT");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        });
        mirror.start();
        try {
            String url = "http://127.0.0.1:" + mirror.getAddress().getPort() + "/";
            assertThat(run("data", "update", "--data", data.toString(), "--mirror", url)).isZero();
        } finally {
            mirror.stop(0);
        }
        assertThat(requests.get()).isEqualTo(9);
        assertThat(out.toString()).contains("Updated 12 files");
        assertThat(err.toString()).contains("CIS_bdpm.txt").contains("done");
        assertThat(run("data", "status", "--data", data.toString(), "--verify")).isZero();
        assertThat(out.toString()).containsPattern("CIS_bdpm\\.txt\\s+15,848 rows\\s+windows-1252\\s+dated 2026-04-28")
                .containsPattern("prenoms_nat2024_totaux\\.csv\\s+51,651 rows");
    }

    @Test
    void updateOfflineFailsClearlyAndKeepsTheCurrentData() throws IOException {
        assertThat(run("data", "import", SharedData.root().toString(), "--data", data.toString())).isZero();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(run("data", "update", "--data", data.toString(), "--mirror", "http://127.0.0.1:" + closedPort + "/")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot reach 127.0.0.1").contains("current data is kept");
        assertThat(run("data", "status", "--data", data.toString(), "--verify")).isZero();
        assertThat(out.toString()).containsPattern("CIS_bdpm\\.txt\\s+15,848 rows");
        assertThat(data.toFile().list()).noneMatch(name -> name.startsWith(".download"));
    }

    @Test
    void mirrorMustBeHttp() {
        assertThat(run("data", "update", "--data", data.toString(), "--mirror", "ftp://example.org/")).isEqualTo(2);
        assertThat(err.toString()).contains("--mirror must be an http(s) URL");
    }
}
