package vn.kyso.server.signing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.revocation.OnlineRevocationSource;

/**
 * The service's one {@link PdfSigner}: timestamps from kyso's TSA and revocation data from
 * kyso's OCSP responder, both in-process; certificates of other CAs (two-step signing with an
 * outside key) get theirs online from the URLs they name.
 */
@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

    /**
     * How long a "good" OCSP response and a CRL of kyso's own are embedded again in later
     * signatures (never past their nextUpdate): asking the responder for each signature costs a
     * response, and a usage event, for a fact that does not change while the certificate is
     * active, which is checked before every signature.
     */
    static final Duration REVOCATION_REUSE = Duration.ofSeconds(30);

    @Bean
    PdfSigner pdfSigner(CertificateAuthority ca, SigningProperties properties, Clock clock, SecureRandom random) {
        return PdfSigner.builder()
                .clock(clock)
                .timestampSource(new CaTimestampSource(ca, random))
                .revocationSource(new CaRevocationSource(ca, new OnlineRevocationSource(), clock, REVOCATION_REUSE))
                .preparedLifetime(properties.preparedLifetime())
                .build();
    }
}
