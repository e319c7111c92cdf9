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
 * @param pageComparison   the bounds of rendering pages to compare a signed revision with the final file
 */
public record VerifierSettings(List<X509Certificate> trustAnchors, Clock clock, RevocationSource revocationSource,
        Duration onlineTimeout, long maxFileSize, PageComparisonLimits pageComparison) {

    /** Settings with the default page-comparison limits. */
    public VerifierSettings(List<X509Certificate> trustAnchors, Clock clock, RevocationSource revocationSource,
            Duration onlineTimeout, long maxFileSize) {
        this(trustAnchors, clock, revocationSource, onlineTimeout, maxFileSize, PageComparisonLimits.DEFAULT);
    }

    public VerifierSettings {
        trustAnchors = List.copyOf(trustAnchors);
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
