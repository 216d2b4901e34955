package fr.avec.server.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a {@code text/event-stream} as the HTML standard defines it: fields {@code event} and {@code data}
 * (several data lines joined by a line feed), comment lines ({@code :}) and unknown fields ignored, one optional
 * space after the colon removed, an event dispatched at each blank line. Upstreams and the gateway itself speak
 * it; this is the one parser of both, fuzzed because an upstream is not trusted.
 */
public final class ServerSentEvents implements AutoCloseable {

    /**
     * One event.
     *
     * @param name the {@code event} field, or null for an unnamed (message) event, as OpenAI chunks are
     * @param data the data lines joined by line feeds
     */
    public record Event(String name, String data) {

        /** Whether this is an unnamed event, the kind that carries model chunks. */
        public boolean unnamed() {
            return name == null;
        }
    }

    /** Longest event accepted: an upstream that never ends an event must not exhaust memory. */
    static final int MAX_EVENT_CHARS = 4 * 1024 * 1024;

    private final BufferedReader lines;
    private final Runnable onLine;
    private final StringBuilder lineBuffer = new StringBuilder(256);

    /**
     * Reads events from {@code stream} (UTF-8).
     *
     * @param onLine called after every line read, comments included (a watchdog's sign of life)
     */
    public ServerSentEvents(InputStream stream, Runnable onLine) {
        this.lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        this.onLine = onLine;
    }

    /**
     * The next complete event, or null when the stream ends; an event left unterminated by the end of the
     * stream is dispatched too, since some servers close right after their last data line.
     *
     * @throws IOException when reading fails or an event is larger than {@link #MAX_EVENT_CHARS}
     */
    public Event next() throws IOException {
        String name = null;
        StringBuilder data = null;
        String line;
        while ((line = readLine()) != null) {
            onLine.run();
            if (line.isEmpty()) {
                if (data != null) {
                    return new Event(name, data.toString());
                }
                name = null;
                continue;
            }
            if (line.charAt(0) == ':') {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (!value.isEmpty() && value.charAt(0) == ' ') {
                value = value.substring(1);
            }
            switch (field) {
                case "event" -> name = value.isEmpty() ? null : value;
                case "data" -> {
                    if (data == null) {
                        data = new StringBuilder(value.length());
                    } else {
                        data.append('\n');
                    }
                    if (data.length() + value.length() > MAX_EVENT_CHARS) {
                        throw new IOException("event larger than " + MAX_EVENT_CHARS + " characters");
                    }
                    data.append(value);
                }
                default -> {
                    // id, retry and unknown fields: nothing the gateway uses.
                }
            }
        }
        return data == null ? null : new Event(name, data.toString());
    }

    /** A line ended by LF, CRLF or CR (all three are line ends in the standard), or null at the end. */
    private String readLine() throws IOException {
        StringBuilder line = lineBuffer;
        line.setLength(0);
        int c;
        while ((c = lines.read()) >= 0) {
            if (c == '\n') {
                return line.toString();
            }
            if (c == '\r') {
                lines.mark(1);
                if (lines.read() != '\n') {
                    lines.reset();
                }
                return line.toString();
            }
            if (line.length() == MAX_EVENT_CHARS) {
                throw new IOException("line longer than " + MAX_EVENT_CHARS + " characters");
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
