package fr.avec.server.gateway;

/** A request the gateway refuses before or instead of answering; carries the client error and audit outcome. */
final class GatewayRefusal extends Exception {

    private final ApiError error;
    private final String outcome;

    GatewayRefusal(String outcome, ApiError error) {
        super(error.code(), null, false, false);
        this.error = error;
        this.outcome = outcome;
    }

    ApiError error() {
        return error;
    }

    String outcome() {
        return outcome;
    }
}
