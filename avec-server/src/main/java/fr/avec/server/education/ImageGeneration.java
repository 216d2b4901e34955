package fr.avec.server.education;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Illustrations through an OpenAI-compatible image upstream ({@code POST {base-url}/images/generations}), when
 * {@code avec.education.images.base-url} is configured; otherwise the professional uploads images. Only the topic
 * and the caption are sent (patient material carries no patient data); the answer must be inline base64 (a URL to
 * fetch elsewhere is refused).
 */
@Component
public class ImageGeneration {

    /** Largest image accepted from the upstream. */
    static final int MAX_BYTES = 8 * 1024 * 1024;

    private final String baseUrl;
    private final String apiKey;
    private final String model;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** Generation failed; the message is safe to show. */
    public static final class Failed extends Exception {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    public ImageGeneration(@Value("${avec.education.images.base-url:}") String baseUrl, @Value("${avec.education.images.api-key:}") String apiKey,
                           @Value("${avec.education.images.model:gpt-image-1}") String model) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.model = model;
    }

    public boolean available() {
        return !baseUrl.isBlank();
    }

    public String model() {
        return model;
    }

    /** The prompt sent for an illustration: a plain, inclusive, text-free picture. */
    static String prompt(String topic, String caption) {
        return "Illustration simple et claire pour un document d'information patient sur « " + topic + " » : " + caption
                + ". Style pictogramme, couleurs douces, fond uni, personnes diverses, sans texte, sans logo.";
    }

    /** A PNG for the prompt. */
    public byte[] generate(String prompt) throws Failed, InterruptedException {
        if (!available()) {
            throw new Failed("no image upstream is configured");
        }
        ObjectNode body = json.createObjectNode();
        body.put("model", model);
        body.put("prompt", prompt);
        body.put("n", 1);
        body.put("size", "1024x1024");
        body.put("response_format", "b64_json");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/images/generations"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (!apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException unreachable) {
            throw new Failed("the image upstream could not be reached");
        }
        if (response.statusCode() != 200) {
            throw new Failed("the image upstream answered " + response.statusCode());
        }
        try {
            JsonNode data = json.readTree(response.body()).path("data").path(0);
            String b64 = data.path("b64_json").asString("");
            if (b64.isEmpty()) {
                throw new Failed("the image upstream sent no inline image");
            }
            byte[] image = Base64.getDecoder().decode(b64);
            if (image.length > MAX_BYTES || ImageFiles.type(image) == null) {
                throw new Failed("the image upstream sent an unusable image");
            }
            return image;
        } catch (JacksonException | IllegalArgumentException garbage) {
            throw new Failed("the image upstream sent an unreadable answer");
        }
    }
}
