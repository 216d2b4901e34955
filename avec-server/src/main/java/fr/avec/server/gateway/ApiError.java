package fr.avec.server.gateway;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * An error answered as {@code application/problem+json} (RFC 9457) that also carries the OpenAI
 * {@code error} object, so that OpenAI clients show the message while other clients read the problem.
 * Messages never contain patient text: they name categories, kinds, upstreams and models only.
 *
 * @param status  HTTP status
 * @param type    OpenAI error type, e.g. {@code invalid_request_error}
 * @param code    stable machine-readable code, e.g. {@code identifying_data_refused}
 * @param message one sentence for a person
 * @param extra   further members of the problem (e.g. the categories found)
 */
public record ApiError(int status, String type, String code, String message, Map<String, Object> extra) {

    public static final String PROBLEM_JSON = "application/problem+json";

    /** Fail closed: the Protect engine or the vault failed, so nothing left for the model. */
    public static final ApiError PROTECTION_UNAVAILABLE = new ApiError(503, "server_error", "protection_unavailable",
            "Identifying data could not be checked; nothing was sent.");
    /** Fail closed: the request's audit event could not be made durable, so no answer was released. */
    public static final ApiError AUDIT_UNAVAILABLE = new ApiError(503, "server_error", "audit_unavailable",
            "The audit trail cannot record this request; nothing was released.");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ApiError {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public ApiError(int status, String type, String code, String message) {
        this(status, type, code, message, Map.of());
    }

    /** The problem document. */
    public Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("param", null);
        error.put("code", code);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://avec.example/problems/" + code);
        body.put("title", code.replace('_', ' '));
        body.put("status", status);
        body.put("detail", message);
        body.putAll(extra);
        body.put("error", error);
        return body;
    }

    /** The problem document as JSON bytes. */
    public byte[] json() {
        return JSON.writeValueAsBytes(body());
    }

    /** Writes the problem on a servlet response that has not been committed. */
    public void writeTo(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setContentType(PROBLEM_JSON);
        byte[] body = json();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
