package fr.avec.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Downloads the official reference files into a fresh folder, then hands it to {@link DataStore#install}
 * so that the current data is replaced only once every file has arrived and loads. Offline, or on any
 * failed file, it stops with a clear message and the current data stays as it was.
 */
public final class DataDownload {

    /** Receives progress: the file, bytes received so far, and the total (-1 when the server does not say). */
    public interface Progress {
        void update(OfficialSource source, long received, long total);

        void done(OfficialSource source, long bytes);
    }

    private final HttpClient http;
    private final Duration fileTimeout;

    public DataDownload(Duration connectTimeout, Duration fileTimeout) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.fileTimeout = fileTimeout;
    }

    /** Downloads every source, then installs them into {@code store}. */
    public DataStore.InstallReport update(DataStore store, List<OfficialSource> sources, Progress progress) throws IOException {
        Files.createDirectories(store.root());
        Path folder = Files.createTempDirectory(store.root(), ".download-");
        try {
            Map<String, LocalDate> published = new HashMap<>();
            for (OfficialSource source : sources) {
                Path target = folder.resolve(source.dataset().folder()).resolve(source.target());
                Files.createDirectories(target.getParent());
                LocalDate lastModified = fetch(source, target, progress);
                if (lastModified != null) {
                    published.put(source.target().getFileName().toString(), lastModified);
                }
            }
            return store.install(folder, "download " + sourcesSummary(sources), published);
        } finally {
            DataStore.deleteRecursively(folder);
        }
    }

    private static String sourcesSummary(List<OfficialSource> sources) {
        return sources.stream().map(s -> s.uri().getHost()).distinct().reduce((a, b) -> a + ", " + b).orElse("");
    }

    private LocalDate fetch(OfficialSource source, Path target, Progress progress) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(source.uri()).timeout(fileTimeout)
                .header("User-Agent", "Avec reference data update").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException | UnknownHostException | HttpConnectTimeoutException e) {
            throw new IOException("cannot reach " + source.uri().getHost() + " (offline, or a proxy is needed?); the current data is kept", e);
        } catch (HttpTimeoutException e) {
            throw new IOException("timed out downloading " + source.uri() + "; the current data is kept", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + source.uri(), e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("HTTP " + response.statusCode() + " for " + source.uri() + "; the current data is kept");
        }
        long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        long received = 0;
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                out.write(buffer, 0, read);
                received += read;
                progress.update(source, received, total);
            }
        } catch (IOException e) {
            throw new IOException("download of " + source.uri() + " broke off after " + received + " bytes; the current data is kept", e);
        }
        if (total >= 0 && received != total) {
            throw new IOException("download of " + source.uri() + " is truncated (" + received + " of " + total + " bytes); the current data is kept");
        }
        progress.done(source, received);
        return response.headers().firstValue("Last-Modified").map(DataDownload::httpDate).orElse(null);
    }

    private static LocalDate httpDate(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).withZoneSameInstant(ZoneId.of("Europe/Paris")).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
