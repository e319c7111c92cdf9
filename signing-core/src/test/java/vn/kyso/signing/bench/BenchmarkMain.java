package vn.kyso.signing.bench;

/**
 * Runs the JMH benchmarks of signing-core: passes its arguments to JMH's own main, e.g.
 * {@code -f 1 -wi 2 -i 3 SignBenchmark}. See docs/benchmarks.md for the Maven command.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args);
    }
}
