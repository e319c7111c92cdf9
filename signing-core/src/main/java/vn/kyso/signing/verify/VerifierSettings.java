package vn.kyso.signing.verify;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import vn.kyso.signing.RevocationSource;

/**
 * What {@link DocumentVerifier} needs, as collected by {@code PdfVerifier.Builder}.
 *
 * @param trustAnchors     certificates trusted as path ends
 * @param clock            "now" when no timestamp proves an earlier time
 * @param revocationSource OCSP/CRL data the file lacks ({@code RevocationSource.none()} when offline)
 * @param onlineTimeout    the limit for one online revocation request
 * @param maxFileSize      the largest accepted file in bytes
 * @param timestampOnly    anchors (among {@code trustAnchors}) trusted for timestamps only
 * @param signatureOnly    anchors (among {@code trustAnchors}) trusted for signatures only
 * @param pageComparison   the bounds of rendering pages to compare a signed revision with the final file
 */
public record VerifierSettings(List<X509Certificate> trustAnchors, Clock clock, RevocationSource revocationSource,
        Duration onlineTimeout, long maxFileSize, List<X509Certificate> timestampOnly,
        List<X509Certificate> signatureOnly, PageComparisonLimits pageComparison) {

    /** Every anchor trusted for signatures and timestamps alike, with the default page-comparison limits. */
    public VerifierSettings(List<X509Certificate> trustAnchors, Clock clock, RevocationSource revocationSource,
            Duration onlineTimeout, long maxFileSize) {
        this(trustAnchors, clock, revocationSource, onlineTimeout, maxFileSize, List.of(), List.of(),
                PageComparisonLimits.DEFAULT);
    }

    public VerifierSettings {
        trustAnchors = List.copyOf(trustAnchors);
        timestampOnly = List.copyOf(timestampOnly);
        signatureOnly = List.copyOf(signatureOnly);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(revocationSource, "revocationSource");
        Objects.requireNonNull(onlineTimeout, "onlineTimeout");
        Objects.requireNonNull(pageComparison, "pageComparison");
        if (onlineTimeout.isNegative() || onlineTimeout.isZero()) {
            throw new IllegalArgumentException("onlineTimeout must be positive");
        }
        if (maxFileSize <= 0) {
            throw new IllegalArgumentException("maxFileSize must be positive");
        }
    }
}
