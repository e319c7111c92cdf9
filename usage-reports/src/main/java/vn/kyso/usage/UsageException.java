package vn.kyso.usage;

/**
 * usage-reports could not do what was asked (unknown unit, unreadable import, database down...).
 * A signature that fails verification during ingestion is not an exception: it is listed in the
 * {@link IngestResult}. Messages never contain secrets.
 */
public class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public UsageException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public UsageException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** What went wrong, as a closed set; the service maps each to an HTTP status in one place. */
    public enum ErrorCode {
        /** The request itself is invalid (period end before start, negative limits...). */
        INVALID_REQUEST,
        /** No unit with this code exists. */
        UNKNOWN_UNIT,
        /** No certificate with this issuer and serial is in the inventory. */
        UNKNOWN_CERTIFICATE,
        /** No ingestion job with this id is known (finished jobs are forgotten after a while). */
        UNKNOWN_INGESTION,
        /** An import file is neither PEM, DER, PKCS#7 nor a CSV of certificates. */
        UNREADABLE_IMPORT,
        /** A file or folder could not be read or written. */
        IO_ERROR,
        /** The database refused or failed an operation. */
        STORAGE_FAILURE,
        /** Another certificate with the same issuer name and serial is in the inventory already. */
        CONFLICTING_CERTIFICATE,
        /** A snapshot was asked of a period that is not over, or whose grace time has not passed. */
        PERIOD_NOT_CLOSED,
        /** No report snapshot with this id exists. */
        UNKNOWN_SNAPSHOT
    }
}
