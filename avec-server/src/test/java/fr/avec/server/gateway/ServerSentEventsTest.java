package fr.avec.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServerSentEventsTest {

    private static List<ServerSentEvents.Event> read(String stream) throws IOException {
        List<ServerSentEvents.Event> events = new ArrayList<>();
        try (ServerSentEvents sse = new ServerSentEvents(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), () -> { })) {
            ServerSentEvents.Event event;
            while ((event = sse.next()) != null) {
                events.add(event);
            }
        }
        return events;
    }

    @Test
    void readsOpenAiChunksAndTheDoneMarker() throws IOException {
        List<ServerSentEvents.Event> events = read("""
                data: {"choices":[{"delta":{"content":"Patiente de"}}]}

                data: {"choices":[{"delta":{"content":" 54 ans"}}]}

                data: [DONE]

                """);
        assertThat(events).extracting(ServerSentEvents.Event::data)
                .containsExactly("{\"choices\":[{\"delta\":{\"content\":\"Patiente de\"}}]}",
                        "{\"choices\":[{\"delta\":{\"content\":\" 54 ans\"}}]}", "[DONE]");
        assertThat(events).allMatch(ServerSentEvents.Event::unnamed);
    }

    @Test
    void joinsDataLinesAndKeepsNamedEventsApart() throws IOException {
        List<ServerSentEvents.Event> events = read("event: avec.findings\ndata: {\"request_id\":\"r1\",\ndata: \"findings\":\"none\"}\n\n"
                + ": keep-alive\n\ndata:sans espace\n\n");
        assertThat(events).containsExactly(new ServerSentEvents.Event("avec.findings", "{\"request_id\":\"r1\",\n\"findings\":\"none\"}"),
                new ServerSentEvents.Event(null, "sans espace"));
    }

    @Test
    void acceptsCarriageReturnLineEndsAndALastEventWithoutBlankLine() throws IOException {
        assertThat(read("data: a\r\n\r\ndata: b\r\rdata: c")).extracting(ServerSentEvents.Event::data).containsExactly("a", "b", "c");
    }

    @Test
    void theEventNameIsForgottenAfterEachEvent() throws IOException {
        assertThat(read("event: ping\n\ndata: x\n\n")).containsExactly(new ServerSentEvents.Event(null, "x"));
    }

    @Test
    void countsEveryLineForTheWatchdogCommentsIncluded() throws IOException {
        AtomicInteger lines = new AtomicInteger();
        try (ServerSentEvents sse = new ServerSentEvents(new ByteArrayInputStream(": ping\n: ping\ndata: x\n\n".getBytes(StandardCharsets.UTF_8)),
                lines::incrementAndGet)) {
            assertThat(sse.next().data()).isEqualTo("x");
        }
        assertThat(lines).hasValue(4);
    }

    @Test
    void refusesAnEventThatNeverEnds() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        assertThatThrownBy(() -> new ServerSentEvents(endless, () -> { }).next()).isInstanceOf(IOException.class)
                .hasMessageContaining("longer than");
    }

    /** Whatever an upstream sends, reading ends with events, the end, or an IOException; never anything else. */
    @FuzzTest(maxDuration = "10s")
    void anyStreamIsReadWithoutSurprise(byte[] bytes) {
        try (ServerSentEvents sse = new ServerSentEvents(new ByteArrayInputStream(bytes), () -> { })) {
            ServerSentEvents.Event event;
            int count = 0;
            while ((event = sse.next()) != null) {
                assertThat(event.data()).isNotNull();
                if (event.name() != null) {
                    assertThat(event.name()).isNotEmpty().doesNotContain("\n", "\r");
                }
                count++;
            }
            assertThat(count).isLessThanOrEqualTo(bytes.length);
        } catch (IOException tooLarge) {
            assertThat(tooLarge).hasMessageContaining("longer than");
        }
    }
}
