package vn.kyso.usage.metrics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import vn.kyso.signing.PadesLevel;
import vn.kyso.usage.CertificateKind;
import vn.kyso.usage.CertificateStatus;
import vn.kyso.usage.Channel;

/**
 * The usage meters:
 * <ul>
 * <li>{@code kyso.signatures} (counter; tags kind, level, channel, outcome): signatures made;</li>
 * <li>{@code kyso.signing.duration} (timer; tags kind, level, channel, outcome);</li>
 * <li>{@code kyso.certificates} (gauge; tag status): certificates in the inventory by status;</li>
 * <li>{@code kyso.usage.regular.ratio} (gauge, 0..1): regular certificates over the last 12
 * months under the default policy.</li>
 * </ul>
 * Gauges read the database at most once per {@code cacheTtl} (a scrape must not run a report
 * each time); {@link #refresh()} forces the next read.
 */
public final class UsageMetrics implements MeterBinder {

    /** Whether a signing attempt produced a signature. */
    public enum Outcome {
        SUCCESS, FAILURE
    }

    private final Supplier<Map<CertificateStatus, Long>> statusCounts;
    private final Supplier<BigDecimal> regularRatio;
    private final Clock clock;
    private final Duration cacheTtl;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

    private volatile Map<CertificateStatus, Long> statusSnapshot;
    private volatile Instant statusAt;
    private volatile BigDecimal ratioSnapshot;
    private volatile Instant ratioAt;

    public UsageMetrics(Supplier<Map<CertificateStatus, Long>> statusCounts, Supplier<BigDecimal> regularRatio,
            Clock clock, Duration cacheTtl) {
        this.statusCounts = statusCounts;
        this.regularRatio = regularRatio;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        registries.add(registry);
        for (CertificateStatus status : CertificateStatus.values()) {
            Gauge.builder("kyso.certificates", this, m -> m.certificates(status))
                    .description("Certificates in the usage inventory, by status")
                    .tag("status", tag(status)).register(registry);
        }
        Gauge.builder("kyso.usage.regular.ratio", this, UsageMetrics::regularRatio)
                .description("Share of certificates used regularly over the last 12 months (default policy)")
                .register(registry);
    }

    /** Counts one signing attempt and times it (duration may be null when unknown). */
    public void signatureMade(CertificateKind kind, PadesLevel level, Channel channel, Outcome outcome,
            Duration duration) {
        for (MeterRegistry registry : registries) {
            String[] tags = { "kind", tag(kind), "level", level == null ? "unknown" : level.shortName(),
                    "channel", tag(channel), "outcome", tag(outcome) };
            Counter.builder("kyso.signatures").description("Signatures made by kyso").tags(tags)
                    .register(registry).increment();
            if (duration != null) {
                Timer.builder("kyso.signing.duration").description("Time taken to sign a document").tags(tags)
                        .register(registry).record(duration);
            }
        }
    }

    /** Makes the next gauge read go to the database. */
    public void refresh() {
        statusAt = null;
        ratioAt = null;
    }

    double certificates(CertificateStatus status) {
        Instant now = clock.instant();
        if (statusAt == null || statusSnapshot == null || !statusAt.plus(cacheTtl).isAfter(now)) {
            statusSnapshot = statusCounts.get();
            statusAt = now;
        }
        return statusSnapshot.getOrDefault(status, 0L);
    }

    double regularRatio() {
        Instant now = clock.instant();
        if (ratioAt == null || ratioSnapshot == null || !ratioAt.plus(cacheTtl).isAfter(now)) {
            ratioSnapshot = regularRatio.get();
            ratioAt = now;
        }
        return ratioSnapshot.doubleValue();
    }

    private static String tag(Enum<?> e) {
        return e == null ? "unknown" : e.name().toLowerCase(Locale.ROOT);
    }
}
