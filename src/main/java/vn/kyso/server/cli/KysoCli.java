package vn.kyso.server.cli;

import java.util.Set;

/** The command line ({@code sign}, {@code verify}): runs without the Spring context. */
public final class KysoCli {

    private static final Set<String> COMMANDS = Set.of("sign", "verify", "help", "--help", "-h", "--version");

    private KysoCli() {
    }

    /** Whether these arguments name a CLI command rather than starting the service. */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command and returns the process exit code. */
    public static int run(String[] args) {
        System.err.println("kyso: command not implemented yet: " + args[0]);
        return 2;
    }
}
