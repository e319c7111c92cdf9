package vn.kyso.server.ca;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import vn.kyso.ca.CertificateAuthority;

/** {@code /actuator/health} component {@code ca}: the CA keys load and their certificates are in their validity. */
@Component("ca")
class CaHealth extends AbstractHealthIndicator {

    private final CertificateAuthority ca;
    private final Clock clock;

    CaHealth(CertificateAuthority ca, Clock clock) {
        this.ca = ca;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        Date now = Date.from(clock.instant());
        X509Certificate issuing = ca.issuingCertificate();
        X509Certificate ocsp = ca.ocspResponderCertificate();
        X509Certificate tsa = ca.tsaCertificate();
        for (X509Certificate c : new X509Certificate[] {ca.rootCertificate(), issuing, ocsp, tsa}) {
            c.checkValidity(now);
        }
        builder.up()
                .withDetail("issuingCaNotAfter", issuing.getNotAfter().toInstant().toString())
                .withDetail("ocspResponderNotAfter", ocsp.getNotAfter().toInstant().toString())
                .withDetail("crlNumber", ca.latestCrl().map(c -> c.crlNumber()).orElse(0L));
    }
}
