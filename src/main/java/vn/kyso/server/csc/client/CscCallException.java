package vn.kyso.server.csc.client;

/**
 * A call to a remote CSC service failed. The message and {@link #description()} carry the
 * service's own words on one short line, never a PIN, password or token.
 */
public final class CscCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** No answer: the service cannot be reached, or took longer than the time limit. */
        UNREACHABLE,
        /** The service answered with an error (its HTTP status and {@code error_description}). */
        REFUSED,
        /** The service's answer is not what the CSC API specifies (or larger than the limit). */
        BAD_ANSWER
    }

    private final Kind kind;
    private final String method;
    private final int status;
    private final String description;

    CscCallException(Kind kind, String method, int status, String description) {
        super(kind + " " + method + (status > 0 ? " HTTP " + status : "")
                + (description.isEmpty() ? "" : ": " + description));
        this.kind = kind;
        this.method = method;
        this.status = status;
        this.description = description;
    }

    public Kind kind() {
        return kind;
    }

    /** The CSC method called, such as {@code credentials/authorize}. */
    public String method() {
        return method;
    }

    /** The HTTP status of a refusal; 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** The service's {@code error_description} (or {@code error}), cleaned to one line; may be empty. */
    public String description() {
        return description;
    }
}
