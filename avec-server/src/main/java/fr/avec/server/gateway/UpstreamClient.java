package fr.avec.server.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Talks to OpenAI-compatible model servers with the JDK HTTP client: one client per upstream (its own
 * connect timeout and connection pool), a response timeout per request, HTTP/1.1 which every
 * OpenAI-compatible server speaks.
 */
public final class UpstreamClient {

    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    /** A complete answer. */
    public record Answer(int status, byte[] body, String contentType) {
    }

    private HttpClient client(GatewayProperties.Upstream upstream) {
        return clients.computeIfAbsent(upstream.name(), name -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(upstream.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build());
    }

    private static HttpRequest.Builder request(GatewayProperties.Upstream upstream, String path, String contentType) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(upstream.baseUrl() + path))
                .timeout(upstream.timeout())
                .header("Content-Type", contentType);
        if (upstream.apiKey() != null && !upstream.apiKey().isBlank()) {
            builder.header("Authorization", "Bearer " + upstream.apiKey());
        }
        return builder;
    }

    /** POSTs and reads the whole answer; a non-2xx status is a failure. */
    public Answer post(GatewayProperties.Upstream upstream, String path, byte[] body, String contentType) throws UpstreamFailure {
        HttpRequest request = request(upstream, path, contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> response = send(upstream, request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new UpstreamFailure(UpstreamFailure.Kind.STATUS, upstream.name(), response.statusCode(), "HTTP " + response.statusCode(), null);
        }
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
    }

    /** GETs a JSON resource such as {@code /models}. */
    public Answer get(GatewayProperties.Upstream upstream, String path) throws UpstreamFailure {
        HttpRequest request = request(upstream, path, "application/json").GET().build();
        HttpResponse<byte[]> response = send(upstream, request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new UpstreamFailure(UpstreamFailure.Kind.STATUS, upstream.name(), response.statusCode(), "HTTP " + response.statusCode(), null);
        }
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
    }

    /** POSTs and returns the open body of a 2xx answer for streaming; the caller closes it. */
    public InputStream stream(GatewayProperties.Upstream upstream, String path, byte[] body) throws UpstreamFailure {
        HttpRequest request = request(upstream, path, "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<InputStream> response = send(upstream, request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() / 100 != 2) {
            try (InputStream ignored = response.body()) {
                ignored.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException alreadyClosed) {
                // The status is the failure; the body is not needed.
            }
            throw new UpstreamFailure(UpstreamFailure.Kind.STATUS, upstream.name(), response.statusCode(), "HTTP " + response.statusCode(), null);
        }
        return response.body();
    }

    private <T> HttpResponse<T> send(GatewayProperties.Upstream upstream, HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws UpstreamFailure {
        try {
            return client(upstream).send(request, handler);
        } catch (HttpConnectTimeoutException | ConnectException | UnresolvedAddressException unreachable) {
            throw new UpstreamFailure(UpstreamFailure.Kind.UNREACHABLE, upstream.name(), 0, "unreachable", unreachable);
        } catch (HttpTimeoutException slow) {
            throw new UpstreamFailure(UpstreamFailure.Kind.TIMEOUT, upstream.name(), 0, "timeout", slow);
        } catch (IOException broken) {
            if (broken.getCause() instanceof ConnectException) {
                throw new UpstreamFailure(UpstreamFailure.Kind.UNREACHABLE, upstream.name(), 0, "unreachable", broken);
            }
            throw new UpstreamFailure(UpstreamFailure.Kind.CUT, upstream.name(), 0, "connection closed", broken);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new UpstreamFailure(UpstreamFailure.Kind.TIMEOUT, upstream.name(), 0, "interrupted", interrupted);
        }
    }
}
