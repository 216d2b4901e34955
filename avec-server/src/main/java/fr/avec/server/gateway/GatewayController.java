package fr.avec.server.gateway;

import fr.avec.server.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The OpenAI-compatible endpoints of CONTRACTS.md; the work is done by {@link ChatRelay}. */
@RestController
public class GatewayController {

    private final ChatRelay relay;
    private final Upstreams upstreams;
    private final SecureRandom random = new SecureRandom();

    public GatewayController(ChatRelay relay, Upstreams upstreams) {
        this.relay = relay;
        this.upstreams = upstreams;
    }

    private String requestId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return "req_" + HexFormat.of().formatHex(bytes);
    }

    @PostMapping(path = "/v1/chat/completions")
    public void chatCompletions(@RequestBody byte[] body, @AuthenticationPrincipal Caller caller,
                                @RequestHeader(name = ChatRelay.USE_CASE_HEADER, required = false) String useCase,
                                @RequestHeader(name = ChatRelay.CONVERSATION_HEADER, required = false) String conversation,
                                HttpServletResponse response) throws IOException {
        relay.relay(new Exchange(requestId(), caller, "chat.completions"), body, useCase, conversation, response);
    }

    @GetMapping(path = "/v1/models", produces = "application/json")
    public Map<String, Object> models(HttpServletResponse response) {
        response.setHeader("x-avec-request-id", requestId());
        Map<String, Map<String, Object>> models = new LinkedHashMap<>();
        for (GatewayProperties.Upstream upstream : upstreams.all()) {
            for (String model : upstream.models()) {
                models.computeIfAbsent(model, id -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("id", id);
                    entry.put("object", "model");
                    entry.put("created", 0);
                    entry.put("owned_by", upstream.name());
                    entry.put("avec_level", upstream.level().id());
                    return entry;
                });
            }
        }
        return Map.of("object", "list", "data", new ArrayList<>(models.values()));
    }

    /**
     * Speech to text. Audio cannot be pseudonymized, so it only goes to upstreams allowed raw data
     * (on_premise); the transcript's identifying data is counted for the audit trail.
     */
    @PostMapping(path = "/v1/audio/transcriptions", consumes = "multipart/form-data")
    public void transcriptions(@RequestParam("file") MultipartFile file, @RequestParam("model") String model,
                               @RequestParam Map<String, String> fields, @AuthenticationPrincipal Caller caller,
                               @RequestHeader(name = ChatRelay.USE_CASE_HEADER, required = false) String useCaseHeader,
                               HttpServletResponse response) throws IOException {
        Exchange exchange = new Exchange(requestId(), caller, "audio.transcriptions");
        response.setHeader("x-avec-request-id", exchange.requestId);
        exchange.model = model;
        exchange.useCaseName = useCaseHeader == null || useCaseHeader.isBlank() ? GatewayProperties.DEFAULT_USE_CASE : useCaseHeader.trim();
        relay.transcribe(exchange, file, fields, response);
    }

    static byte[] multipart(String boundary, Map<String, String> fields, MultipartFile file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (var field : new TreeMap<>(fields).entrySet()) {
            // Only OpenAI's plain field names are passed on: a name is written into a part header.
            if (!field.getKey().matches("[a-z_\\[\\]]{1,64}")) {
                continue;
            }
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        String name = file.getOriginalFilename() == null ? "audio" : file.getOriginalFilename().replaceAll("[\"\\r\\n]", "_");
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\nContent-Type: "
                + (file.getContentType() == null ? "application/octet-stream" : file.getContentType()) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(file.getBytes());
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
