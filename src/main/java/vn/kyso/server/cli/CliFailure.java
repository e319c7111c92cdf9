package vn.kyso.server.cli;

/**
 * A command could not do what was asked because of its input (a missing file, an unset
 * environment variable, a bad option value). Carries a message key, never a secret.
 */
final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Object[] args;
    private final int exitCode;

    CliFailure(int exitCode, String key, Object... args) {
        super(key, null, false, false);
        this.exitCode = exitCode;
        this.args = args.clone();
    }

    /** The message key in the CLI bundles. */
    String key() {
        return getMessage();
    }

    Object[] args() {
        return args.clone();
    }

    int exitCode() {
        return exitCode;
    }

    /** The localized one-line message. */
    String describe(Messages messages) {
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof java.time.Instant instant) {
                shown[i] = messages.time(instant);
            }
        }
        return messages.get(key(), shown);
    }
}
