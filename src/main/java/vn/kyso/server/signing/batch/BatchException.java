package vn.kyso.server.signing.batch;

/**
 * A batch request the service cannot serve; each code has a message in both bundles
 * ({@code problem.batch.*}) and its HTTP status in the service's problem handler.
 */
public class BatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Code {
        /** No such job, or not the caller's (the two are not told apart). */
        NOT_FOUND,
        /** The result is asked for while the job still runs. */
        RUNNING,
        /** The job ended without a signed document: there is nothing to download. */
        NOTHING_SIGNED,
        /** As many jobs run as the instance allows; try again shortly. */
        BUSY
    }

    private final Code code;

    BatchException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
