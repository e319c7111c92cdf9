package vn.kyso.server.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What a command talks to: its output streams, the environment it reads secrets from, whether a
 * person is watching (progress bar) and the clock. Tests pass their own to run commands in-process.
 *
 * @param out         results (verification reports, signed file names)
 * @param err         errors, progress and summaries
 * @param env         environment variables (secrets are read from here, never from arguments)
 * @param interactive whether stderr is a terminal a person is watching
 * @param clock       the time used to check certificate validity and to verify
 */
public record Terminal(PrintStream out, PrintStream err, Map<String, String> env, boolean interactive, Clock clock) {

    public Terminal {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        env = Map.copyOf(env);
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * The process's own streams. They are re-opened as UTF-8 because reports are Vietnamese and
     * JSON, whatever the platform's default charset (often POSIX on servers) would make of them.
     */
    public static Terminal system() {
        return new Terminal(utf8(FileDescriptor.out), utf8(FileDescriptor.err), System.getenv(),
                System.console() != null, Clock.systemUTC());
    }

    private static PrintStream utf8(FileDescriptor fd) {
        return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
    }
}
