package fr.avec.server.workbench;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A draft streamed to the page as JSON lines, the same for every use case: {@code {"delta": "..."}} pieces, then
 * {@code {"done": "/PATH"}} or {@code {"error": "..."}}. Failures are logged with the document's id, never its text.
 */
public final class DraftStream {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final OutputStream out;

    private DraftStream(OutputStream out) {
        this.out = out;
    }

    /** Asks the gateway for a draft, relaying each piece of text as it comes. */
    @FunctionalInterface
    public interface Request {
        GatewayDrafts.Draft run(Consumer<String> deltas) throws GatewayDrafts.DraftFailed, IOException, InterruptedException;
    }

    /** Starts the answer: NDJSON, not cached, not buffered by a reverse proxy. */
    public static DraftStream open(HttpServletResponse response) throws IOException {
        response.setContentType("application/x-ndjson");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        return new DraftStream(response.getOutputStream());
    }

    /** The draft exists already (or is not to be made): the page goes to {@code path}. */
    public void done(String path) throws IOException {
        line("done", path);
    }

    /** No draft: {@code reason} is shown on the page. */
    public void error(String reason) throws IOException {
        line("error", reason);
    }

    /**
     * Runs {@code request}, streams its pieces, hands the finished draft to {@code store}, then sends the page to
     * {@code donePath}. A refusal, an interruption or an unreachable gateway ends the stream with an error line.
     *
     * @param log     the use case's logger
     * @param idKey   the name of the document's id in the log ({@code consultation}, {@code synthesis}...)
     */
    public void relay(Request request, Consumer<GatewayDrafts.Draft> store, String donePath, Logger log, String idKey, long id)
            throws IOException {
        try {
            GatewayDrafts.Draft draft = request.run(delta -> {
                try {
                    line("delta", delta);
                } catch (IOException browserGone) {
                    // The draft is still stored below; the page finds it on reload.
                }
            });
            store.accept(draft);
            done(donePath);
        } catch (GatewayDrafts.DraftFailed failed) {
            log.atWarn().addKeyValue(idKey, id).addKeyValue("status", failed.status()).log("draft refused by the gateway");
            error(failed.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            error("interrupted");
        } catch (IOException gatewayUnreachable) {
            log.atWarn().addKeyValue(idKey, id).log("gateway unreachable for a draft");
            error("The gateway could not be reached.");
        }
    }

    private void line(String field, String value) throws IOException {
        out.write(JSON.writeValueAsBytes(Map.of(field, value)));
        out.write('\n');
        out.flush();
    }
}
