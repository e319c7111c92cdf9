package vn.kyso.server.verification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.server.config.KysoProperties;
import vn.kyso.server.signing.CaRevocationSource;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.RevocationSource;
import vn.kyso.signing.revocation.OnlineRevocationSource;

/**
 * The service's one {@link PdfVerifier}: trusts kyso's root and the configured anchors, asks
 * kyso's own OCSP in-process, and refuses files over the upload limit.
 */
@Configuration(proxyBeanMethods = false)
class VerificationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VerificationConfiguration.class);

    /**
     * The verifier of signing's own checks (kyso's chains), over kyso's root and the setting's
     * files; the portal and the API verify with {@link TrustedVerifier}, over the anchors in the database.
     */
    @Bean
    PdfVerifier pdfVerifier(CertificateAuthority ca, VerificationProperties verification, KysoProperties kyso,
            Clock clock) {
        List<X509Certificate> anchors = new ArrayList<>();
        // Only the root: the root's CRL (answered in-process by CaRevocationSource) covers the
        // issuing CA, so a path ending at the root has revocation data for every link.
        anchors.add(ca.rootCertificate());
        for (Path file : verification.trustAnchors()) {
            anchors.addAll(readPem(file));
        }
        return builder(ca, verification, kyso, clock).trustAnchors(anchors).build();
    }

    /** Everything but the anchors: clock, revocation (kyso's in-process, others' online if set), size limit. */
    static PdfVerifier.Builder builder(CertificateAuthority ca, VerificationProperties verification,
            KysoProperties kyso, Clock clock) {
        RevocationSource others = verification.onlineRevocation() ? new OnlineRevocationSource() : RevocationSource.none();
        return PdfVerifier.builder()
                .clock(clock)
                .revocationSource(new CaRevocationSource(ca, others))
                .maxFileSize(kyso.limits().maxUploadSize().toBytes())
                .pageComparison(verification.pageComparison().limits());
    }

    /** Every certificate in a PEM (or DER) file; a file that cannot be read stops the start. */
    static List<X509Certificate> readPem(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) c);
            }
            if (certificates.isEmpty()) {
                throw new IllegalStateException("kyso.verification.trust-anchors: no certificate in " + file);
            }
            log.info("Trust anchors from {}: {}", file, certificates.stream()
                    .map(c -> c.getSubjectX500Principal().getName()).toList());
            return certificates;
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("kyso.verification.trust-anchors: cannot read " + file, e);
        }
    }
}
