package vn.kyso.server.verification;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.server.config.KysoProperties;
import vn.kyso.server.trust.TrustAnchors;
import vn.kyso.signing.PdfVerifier;

/**
 * The verifier of the portal and the API, over the trust anchors in the database: kyso's root
 * always, plus every anchor admins trust now. Every {@code kyso.verification.anchor-refresh} it
 * reads the anchors' version row and, when another instance (or this one) changed them, builds a
 * new verifier, so a change applies on every instance within that time. At start it seeds the
 * anchors of {@code kyso.verification.trust-anchors}.
 */
@Component
public class TrustedVerifier {

    private static final Logger log = LoggerFactory.getLogger(TrustedVerifier.class);

    /** A verifier and the labels of the anchors it trusts (by SHA-256), as of one version. */
    record Snapshot(long version, PdfVerifier verifier, Map<String, String> labels) {
    }

    private final CertificateAuthority ca;
    private final TrustAnchors anchors;
    private final VerificationProperties verification;
    private final KysoProperties kyso;
    private final Clock clock;
    private final long refreshNanos;
    private volatile Snapshot snapshot;
    /** System.nanoTime of the last version check: an interval, not a time of day, so not the Clock. */
    private volatile long checkedAt;

    @Autowired
    TrustedVerifier(CertificateAuthority ca, TrustAnchors anchors, VerificationProperties verification,
            KysoProperties kyso, Clock clock) {
        this.ca = ca;
        this.anchors = anchors;
        this.verification = verification;
        this.kyso = kyso;
        this.clock = clock;
        this.refreshNanos = verification.anchorRefresh().toNanos();
        List<X509Certificate> seeds = new ArrayList<>();
        for (Path file : verification.trustAnchors()) {
            seeds.addAll(VerificationConfiguration.readPem(file));
        }
        anchors.seed(seeds);
        this.snapshot = build(anchors.version());
        this.checkedAt = System.nanoTime();
    }

    /** A verifier that never changes, over no database (tests of what surrounds verification). */
    private TrustedVerifier(PdfVerifier fixed) {
        this.ca = null;
        this.anchors = null;
        this.verification = null;
        this.kyso = null;
        this.clock = null;
        this.refreshNanos = Long.MAX_VALUE;
        this.snapshot = new Snapshot(0, fixed, Map.of());
        this.checkedAt = System.nanoTime();
    }

    static TrustedVerifier fixed(PdfVerifier verifier) {
        return new TrustedVerifier(verifier);
    }

    /** The verifier for the anchors trusted now (checked at most every anchor-refresh). */
    public Snapshot current() {
        long now = System.nanoTime();
        if (now - checkedAt >= refreshNanos) {
            refresh(now);
        }
        return snapshot;
    }

    private synchronized void refresh(long now) {
        if (now - checkedAt < refreshNanos) {
            return; // another thread checked meanwhile
        }
        long version = anchors.version();
        if (version != snapshot.version()) {
            snapshot = build(version);
            log.info("Trust anchors changed (version {}): {} trusted besides kyso's root", version,
                    snapshot.labels().size() - 1);
        }
        checkedAt = now;
    }

    private Snapshot build(long version) {
        Map<String, String> labels = new HashMap<>();
        X509Certificate root = ca.rootCertificate();
        labels.put(TrustAnchors.sha256(root), TrustAnchors.commonName(root));
        PdfVerifier.Builder builder = VerificationConfiguration.builder(ca, verification, kyso, clock)
                .trustAnchor(root, true, true);
        for (TrustAnchors.Trusted t : anchors.trusted()) {
            builder.trustAnchor(t.certificate(), t.forSignatures(), t.forTimestamps());
            labels.put(t.sha256(), t.label());
        }
        return new Snapshot(version, builder.build(), Map.copyOf(labels));
    }
}
