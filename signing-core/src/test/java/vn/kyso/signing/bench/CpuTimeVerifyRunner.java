package vn.kyso.signing.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * Runs {@link VerifyBenchmark}'s operations in a loop on one thread and reports verifications per
 * wall-clock second and per second of the thread's own CPU time (what one idle core would do
 * on a shared, overloaded machine). Arguments: dss or wholeFile, seconds.
 */
public final class CpuTimeVerifyRunner {

    private CpuTimeVerifyRunner() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "dss";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        VerifyBenchmark benchmark = new VerifyBenchmark();
        benchmark.setUp();
        Supplier<Object> op = "wholeFile".equals(which) ? benchmark::wholeFile : benchmark::dss;

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long warmupEnd = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            op.get();
        }
        long wall0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long end = wall0 + seconds * 1_000_000_000L;
        int n = 0;
        while (System.nanoTime() < end) {
            op.get();
            n++;
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        System.out.printf("%s: %d verifications; %.1f/s wall clock; %.1f/s per CPU-second of the verifying thread%n",
                which, n, n / wall, n / cpu);
    }
}
