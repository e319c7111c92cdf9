package vn.kyso.server.csc;

/**
 * A CSC request refused: {@link Error} is the spec's {@code error} value with its HTTP status;
 * the message becomes {@code error_description}, so it must never carry a secret (PIN, SAD, token).
 */
class CscException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Error error;

    CscException(Error error, String description) {
        super(description);
        this.error = error;
    }

    Error error() {
        return error;
    }

    /** The {@code error} values kyso answers, as the CSC spec and OAuth 2.0 (RFC 6749) name them. */
    enum Error {
        INVALID_REQUEST("invalid_request", 400),
        INVALID_PIN("invalid_pin", 400),
        INVALID_CLIENT("invalid_client", 401),
        UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
        INVALID_TOKEN("invalid_token", 401),
        ACCESS_DENIED("access_denied", 403),
        NOT_FOUND("invalid_request", 404),
        LOCKED("invalid_request", 423),
        SERVER_ERROR("server_error", 500);

        private final String code;
        private final int status;

        Error(String code, int status) {
            this.code = code;
            this.status = status;
        }

        String code() {
            return code;
        }

        int status() {
            return status;
        }
    }
}
