package fr.avec.server.gateway;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds the free text of OpenAI chat payloads, where identifying data can be: message contents (plain
 * or as text parts) and tool-call arguments, in requests, answers and streamed chunks. Everything else
 * (model, parameters, tool schemas, JSON-mode settings) passes through untouched.
 */
public final class ChatPayload {

    private ChatPayload() {
    }

    /** A rewriting of one text that may fail closed. */
    @FunctionalInterface
    public interface TextMap {
        String apply(String text) throws ShieldException;
    }

    /** Rewrites every text of the request's messages in place. */
    public static void mapRequest(JsonNode request, TextMap map) throws ShieldException {
        for (JsonNode message : request.path("messages")) {
            if (message instanceof ObjectNode object) {
                mapContent(object, "content", map);
                mapToolCalls(object.path("tool_calls"), map);
            }
        }
    }

    /** The texts a verifier should treat as sources: what the user and the tools supplied. */
    public static List<String> sources(JsonNode request) {
        List<String> sources = new ArrayList<>();
        for (JsonNode message : request.path("messages")) {
            String role = message.path("role").asString("");
            if (role.equals("user") || role.equals("system") || role.equals("developer") || role.equals("tool")) {
                collect(message.path("content"), sources);
            }
        }
        return sources;
    }

    /** Rewrites the texts of a complete answer's choices in place. */
    public static void mapAnswer(JsonNode answer, TextMap map) throws ShieldException {
        for (JsonNode choice : answer.path("choices")) {
            if (choice.path("message") instanceof ObjectNode message) {
                mapContent(message, "content", map);
                mapToolCalls(message.path("tool_calls"), map);
            }
        }
    }

    /** Rewrites the texts of a streamed chunk's deltas in place. */
    public static void mapChunk(JsonNode chunk, TextMap map) throws ShieldException {
        for (JsonNode choice : chunk.path("choices")) {
            if (choice.path("delta") instanceof ObjectNode delta) {
                mapContent(delta, "content", map);
                mapToolCalls(delta.path("tool_calls"), map);
            }
        }
    }

    /** The answer text of the first choice (for verification). */
    public static String answerText(JsonNode answer) {
        List<String> texts = new ArrayList<>();
        collect(answer.path("choices").path(0).path("message").path("content"), texts);
        return String.join("\n", texts);
    }

    private static void mapContent(ObjectNode holder, String field, TextMap map) throws ShieldException {
        JsonNode content = holder.get(field);
        if (content == null) {
            return;
        }
        if (content.isString()) {
            holder.put(field, map.apply(content.asString()));
        } else if (content instanceof ArrayNode parts) {
            for (JsonNode part : parts) {
                if (part instanceof ObjectNode object && object.path("text").isString()) {
                    object.put("text", map.apply(object.path("text").asString()));
                }
            }
        }
    }

    private static void mapToolCalls(JsonNode toolCalls, TextMap map) throws ShieldException {
        for (JsonNode call : toolCalls) {
            if (call.path("function") instanceof ObjectNode function && function.path("arguments").isString()) {
                function.put("arguments", map.apply(function.path("arguments").asString()));
            }
        }
    }

    private static void collect(JsonNode content, List<String> into) {
        if (content.isString()) {
            into.add(content.asString());
        } else if (content.isArray()) {
            for (JsonNode part : content) {
                if (part.path("text").isString()) {
                    into.add(part.path("text").asString());
                }
            }
        }
    }
}
