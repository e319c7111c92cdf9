package vn.kyso.server.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A cap on concurrent large uploads (issue 13): a request whose body is over {@code threshold}
 * (or of unknown length) takes one of {@code max-concurrent} permits for as long as it runs; when
 * none frees up within {@code queue-wait}, it gets 503 with {@code Retry-After} before its body is read.
 * Small requests (OCSP, TSA, logins, JSON) never wait here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class LargeUploadGate extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LargeUploadGate.class);

    /** {@code kyso.security.large-uploads.*}. */
    @ConfigurationProperties("kyso.security.large-uploads")
    record Settings(@DefaultValue("1MB") DataSize threshold, @DefaultValue("4") int maxConcurrent,
                    @DefaultValue("2s") Duration queueWait) {
        Settings {
            if (maxConcurrent < 1 || threshold.toBytes() < 0 || queueWait.isNegative()) {
                throw new IllegalArgumentException("kyso.security.large-uploads: max-concurrent >= 1, threshold and queue-wait >= 0");
            }
        }
    }

    private final Settings settings;
    private final Semaphore permits;
    private final Problems problems;
    private final LocaleResolver locales;

    LargeUploadGate(Settings settings, Problems problems, LocaleResolver locales) {
        this.settings = settings;
        this.permits = new Semaphore(settings.maxConcurrent(), true);
        this.problems = problems;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!large(request)) {
            chain.doFilter(request, response);
            return;
        }
        boolean acquired;
        try {
            acquired = permits.tryAcquire(settings.queueWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            log.warn("Large upload refused: {} at once already ({} {})", settings.maxConcurrent(), request.getMethod(),
                    request.getRequestURI());
            response.setHeader("Retry-After", "5");
            problems.write(response, problems.of(HttpStatus.SERVICE_UNAVAILABLE, "http", "UPLOADS_BUSY",
                    locales.resolveLocale(request)));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    private boolean large(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"POST".equals(method) && !"PUT".equals(method)) {
            return false;
        }
        long length = request.getContentLengthLong();
        return length < 0 ? request.getHeader("Transfer-Encoding") != null : length > settings.threshold().toBytes();
    }
}
