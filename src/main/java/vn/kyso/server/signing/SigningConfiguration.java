package vn.kyso.server.signing;

import java.security.SecureRandom;
import java.time.Clock;

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

    @Bean
    PdfSigner pdfSigner(CertificateAuthority ca, SigningProperties properties, Clock clock, SecureRandom random) {
        return PdfSigner.builder()
                .clock(clock)
                .timestampSource(new CaTimestampSource(ca, random))
                .revocationSource(new CaRevocationSource(ca, new OnlineRevocationSource()))
                .preparedLifetime(properties.preparedLifetime())
                .build();
    }
}
