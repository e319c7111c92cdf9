package vn.kyso.server.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import vn.kyso.server.config.KysoProperties;

/**
 * {@code kyso.limits.request-timeout} for work that cannot watch the clock itself (verifying a PDF
 * is one library call): the work runs on a worker thread, and when the limit passes the request
 * gets {@link Exceeded} (a 503 problem, a message on a page) instead of waiting, and the worker is
 * interrupted. The worker logs under the request's id.
 */
@Component
public class RequestTimeLimit {

    private final Duration limit;
    private final ExecutorService workers;

    public RequestTimeLimit(KysoProperties properties) {
        this.limit = properties.limits().requestTimeout();
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "kyso-limited-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The work's result, or {@link Exceeded} when it takes longer than the limit; its exceptions pass unchanged. */
    public <T> T within(Supplier<T> work) {
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        Future<T> future = workers.submit(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                return work.get();
            } finally {
                MDC.clear();
            }
        });
        try {
            return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new Exceeded(limit);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new Exceeded(limit);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** The request took longer than {@code kyso.limits.request-timeout}. */
    public static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long seconds;

        Exceeded(Duration limit) {
            super("request time limit of " + limit + " reached");
            this.seconds = Math.max(1, limit.toSeconds());
        }

        /** The limit in whole seconds (at least 1), as messages show it. */
        public long seconds() {
            return seconds;
        }
    }
}
