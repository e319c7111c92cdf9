package vn.kyso.server.cli;

/** The process exit codes of {@code kyso sign} and {@code kyso verify} (docs/cli.md lists them). */
final class ExitCodes {

    /** Every file signed; every signature valid. */
    static final int OK = 0;
    /** Some file could not be signed; some signature is invalid or indeterminate, or a file has none. */
    static final int FAILED = 1;
    /** Nothing could be done: bad options, unusable key, or a file that could not be verified at all. */
    static final int ERROR = 2;

    private ExitCodes() {
    }
}
