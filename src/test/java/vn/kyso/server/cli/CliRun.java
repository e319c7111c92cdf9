package vn.kyso.server.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** Runs {@link KysoCli} in-process with captured streams; the result of one run. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(Map<String, String> env, Backends backends, String... args) {
        return run(env, backends, false, Clock.systemUTC(), args);
    }

    static CliRun run(Map<String, String> env, Backends backends, boolean interactive, Clock clock, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, interactive, clock);
        int code = KysoCli.run(args, terminal, backends);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Non-empty lines of stderr. */
    long errLines() {
        return err.lines().filter(l -> !l.isBlank()).count();
    }
}
