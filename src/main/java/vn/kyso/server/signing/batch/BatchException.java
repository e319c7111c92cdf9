package vn.kyso.server.signing.batch;

import org.springframework.http.HttpStatus;

/** A batch request the service cannot serve; each code has a message in both bundles ({@code problem.batch.*}). */
public class BatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, with its HTTP status. */
    public enum Code {
        /** No such job, or not the caller's (the two are not told apart). */
        NOT_FOUND(HttpStatus.NOT_FOUND),
        /** The result is asked for while the job still runs. */
        RUNNING(HttpStatus.CONFLICT),
        /** The job ended without a signed document: there is nothing to download. */
        NOTHING_SIGNED(HttpStatus.CONFLICT),
        /** As many jobs run as the instance allows; try again shortly. */
        BUSY(HttpStatus.SERVICE_UNAVAILABLE);

        private final HttpStatus status;

        Code(HttpStatus status) {
            this.status = status;
        }

        public HttpStatus status() {
            return status;
        }
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
