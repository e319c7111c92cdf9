package vn.kyso.server.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed logins reach the hash-chained audit log as counts, not one entry per failure (issue 13:
 * anyone could flood the log): every {@code kyso.security.login.audit-period} one
 * {@code LOGIN_FAILURES} entry per account ("N failures from addresses a×3, b×2"), at most
 * {@link #MAX_ACCOUNTS} of them, and one entry for the rest. Names are sanitised: control
 * characters become '?', at most {@link #MAX_NAME} characters.
 */
@Component
class FailedLoginAudit {

    static final int MAX_NAME = 64;
    static final int MAX_ACCOUNTS = 50;
    private static final int MAX_PAIRS = 10_000;
    private static final int MAX_ADDRESSES_LISTED = 10;
    private static final Logger log = LoggerFactory.getLogger(FailedLoginAudit.class);

    private final AccountAudit audit;
    private final Clock clock;
    private final LoginThrottleProperties settings;
    private final Map<String, Map<String, AtomicLong>> pending = new ConcurrentHashMap<>();
    private final AtomicLong pairs = new AtomicLong();
    private final AtomicLong overflow = new AtomicLong();
    private volatile Instant periodStart;

    FailedLoginAudit(AccountAudit audit, Clock clock, LoginThrottleProperties settings) {
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.periodStart = clock.instant();
    }

    /** A user name as the audit log may hold it: printable, bounded. */
    static String sanitise(String name) {
        if (name == null || name.isEmpty() || "null".equals(name)) {
            return "?";
        }
        StringBuilder s = new StringBuilder(Math.min(name.length(), MAX_NAME));
        name.codePoints().limit(MAX_NAME).forEach(c -> s.appendCodePoint(Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR ? '?' : c));
        return s.toString();
    }

    void failed(String username, String address) {
        String account = sanitise(username);
        String from = address == null ? "?" : sanitise(address);
        Map<String, AtomicLong> byAddress = pending.get(account);
        if (byAddress == null || !byAddress.containsKey(from)) {
            if (pairs.incrementAndGet() > MAX_PAIRS) {
                pairs.decrementAndGet();
                overflow.incrementAndGet();
                return;
            }
        }
        pending.computeIfAbsent(account, a -> new ConcurrentHashMap<>())
                .computeIfAbsent(from, a -> new AtomicLong()).incrementAndGet();
    }

    /** Writes the period's counts when the period is over (checked every 30 s). */
    @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
    void flushIfDue() {
        if (!clock.instant().isBefore(periodStart.plus(settings.auditPeriod()))) {
            flush();
        }
    }

    @PreDestroy
    synchronized void flush() {
        Instant start = periodStart;
        Instant end = clock.instant();
        periodStart = end;
        Map<String, Map<String, AtomicLong>> counts = new TreeMap<>();
        for (String account : List.copyOf(pending.keySet())) {
            counts.put(account, pending.remove(account));
        }
        pairs.set(0);
        long lost = overflow.getAndSet(0);
        List<Map.Entry<String, Map<String, AtomicLong>>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort((a, b) -> Long.compare(total(b.getValue()), total(a.getValue())));
        long restFailures = lost;
        int restAccounts = 0;
        String period = start + "/" + end;
        for (int i = 0; i < sorted.size(); i++) {
            Map.Entry<String, Map<String, AtomicLong>> e = sorted.get(i);
            if (i >= MAX_ACCOUNTS) {
                restAccounts++;
                restFailures += total(e.getValue());
                continue;
            }
            String addresses = e.getValue().entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
                    .limit(MAX_ADDRESSES_LISTED)
                    .map(a -> a.getKey() + "×" + a.getValue().get())
                    .collect(Collectors.joining(", "));
            write(e.getKey(), AccountAudit.target(e.getKey()), total(e.getValue()) + " failed login(s) from "
                    + e.getValue().size() + " address(es): " + addresses + "; period " + period);
        }
        if (restFailures > 0) {
            write("?", "login", restFailures + " more failed login(s) for " + restAccounts
                    + " more account name(s); period " + period);
        }
    }

    private void write(String actor, String target, String details) {
        try {
            audit.record(actor, "LOGIN_FAILURES", target, details.length() > 2000 ? details.substring(0, 2000) : details);
        } catch (RuntimeException e) {
            log.error("Could not write failed logins to the audit log", e);
        }
    }

    private static long total(Map<String, AtomicLong> byAddress) {
        return byAddress.values().stream().mapToLong(AtomicLong::get).sum();
    }
}
