package vn.kyso.ca.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs one task on several threads at once, for tests of what must hold under concurrency. */
public final class Concurrently {

    /** The work of one thread; {@code thread} is 0 to n - 1. */
    public interface ThreadWork {
        void run(int thread) throws Exception;
    }

    private Concurrently() {
    }

    /** Runs the work on n threads and waits for all: a thread's failure fails the caller, and so do 5 minutes. */
    public static void onThreads(int n, ThreadWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int thread = 0; thread < n; thread++) {
                int id = thread;
                running.add(pool.submit(() -> {
                    work.run(id);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
