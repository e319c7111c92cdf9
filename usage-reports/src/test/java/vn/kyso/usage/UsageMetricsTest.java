package vn.kyso.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.usage.Fixtures.issue;
import static vn.kyso.usage.Fixtures.signed;
import static vn.kyso.usage.Fixtures.vn;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import vn.kyso.signing.PadesLevel;

/** The meters move with signing and with the inventory. */
class UsageMetricsTest {

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void signaturesStatusesAndTheRegularRatioAreMetered(TestDatabase database) {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            usage.metrics().bindTo(registry);
            SmallProvince p = new SmallProvince(usage);
            UsageEvent once = signed(p.occasional, vn("2025-03-03T09:00"), "metered");

            usage.record(once);
            usage.record(once);
            usage.signingFailed(p.occasional, Channel.API, PadesLevel.B_T, Duration.ofMillis(300));
            usage.onCertificate(CertificateNotice.of(CertificateNotice.Change.REVOKED, p.never, vn("2026-01-10T09:00")));

            assertThat(registry.get("kyso.signatures").tags("kind", "personal", "level", "LT", "channel", "web",
                    "outcome", "success").counter().count()).isEqualTo(1 + 6 + 1 + 1);
            assertThat(registry.get("kyso.signatures").tags("kind", "agency", "outcome", "success").counter().count())
                    .isEqualTo(24);
            assertThat(registry.get("kyso.signatures").tags("channel", "api", "outcome", "failure").counter().count())
                    .isEqualTo(1);
            assertThat(registry.get("kyso.signing.duration").tags("kind", "personal", "outcome", "success").timer()
                    .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(9 * 700);
            assertThat(registry.get("kyso.certificates").tag("status", "active").gauge().value()).isEqualTo(4);
            assertThat(registry.get("kyso.certificates").tag("status", "revoked").gauge().value()).isEqualTo(1);
            // the revoked certificate was revoked after the period, so it still counts in 2025's ratio
            assertThat(registry.get("kyso.usage.regular.ratio").gauge().value()).isEqualTo(0.4);
            issue(usage, "b1", CertificateKind.AGENCY, "AG-SYT", "Sở Y tế");
            assertThat(registry.get("kyso.usage.regular.ratio").gauge().value()).isEqualTo(2.0 / 6, within());
        }
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-6);
    }
}
