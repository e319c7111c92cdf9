package vn.kyso.usage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used by the local PostgreSQL server's processes (all of them: backends, WAL writer,
 * checkpointer), read from /proc (Linux; 10 ms ticks). On a shared machine wall time measures the
 * neighbours; client thread CPU plus this is the work one run cost. Zero where /proc is absent.
 */
final class PostgresCpu {

    private static final double TICK = 0.01;

    private PostgresCpu() {
    }

    /** Seconds of user and system CPU all processes named postgres have used so far. */
    static double seconds() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(PostgresCpu::ticks).sum() * TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long ticks(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            int close = stat.lastIndexOf(')');
            if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
                return 0;
            }
            // fields after the command: state is field 3, utime 14, stime 15 (1-based)
            String[] f = stat.substring(close + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended, or is not readable
        }
    }
}
