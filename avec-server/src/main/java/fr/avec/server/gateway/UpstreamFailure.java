package fr.avec.server.gateway;

/**
 * An upstream did not give a usable answer. {@link #retryable()} says whether another upstream may be
 * tried: only when the request surely was not processed (no connection, overloaded, gateway errors).
 */
public final class UpstreamFailure extends Exception {

    /** What went wrong, as told to the client and recorded in the audit trail. */
    public enum Kind { UNREACHABLE, TIMEOUT, STATUS, GARBAGE, CUT }

    private final Kind kind;
    private final int status;
    private final String upstream;

    public UpstreamFailure(Kind kind, String upstream, int status, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
        this.upstream = upstream;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    public String upstream() {
        return upstream;
    }

    /** True when no byte of the request can have been processed, so a fallback cannot duplicate work. */
    public boolean retryable() {
        return kind == Kind.UNREACHABLE || kind == Kind.STATUS && (status == 429 || status == 502 || status == 503 || status == 504);
    }

    /** The error given to the client: never the upstream's own body, which could echo the prompt. */
    public ApiError toApiError() {
        return switch (kind) {
            case UNREACHABLE -> new ApiError(502, "upstream_error", "upstream_unreachable", "The model server " + upstream + " could not be reached.");
            case TIMEOUT -> new ApiError(504, "upstream_error", "upstream_timeout", "The model server " + upstream + " did not answer in time.");
            case STATUS -> new ApiError(502, "upstream_error", "upstream_status_" + status, "The model server " + upstream + " answered with HTTP " + status + ".");
            case GARBAGE -> new ApiError(502, "upstream_error", "upstream_invalid_response", "The model server " + upstream + " sent an answer that is not valid OpenAI JSON.");
            case CUT -> new ApiError(502, "upstream_error", "upstream_stream_cut", "The model server " + upstream + " closed the stream before its end.");
        };
    }
}
