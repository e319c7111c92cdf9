package vn.kyso.server.verification;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the verification portal ({@code kyso.verification.*}).
 *
 * @param trustAnchors     PEM files of roots trusted besides kyso's own (e.g. the government root CA G2);
 *                         a file may hold several certificates
 * @param onlineRevocation whether to fetch OCSP/CRL data that a document lacks for certificates of
 *                         other CAs from the URLs they name (kyso's own are always answered in-process)
 * @param anchorRefresh    how often an instance checks whether the trust anchors in the database
 *                         changed (one row read); a change made on another instance applies within it
 * @param pageComparison   the bounds of the second opinion from the pages (rendering the signed
 *                         version and the file when changes after signing go beyond validation data)
 * @param signedVersionMaxSize the largest document the portal keeps in the visitor's session (in
 *                         memory, until their next check) so that its signed versions can be
 *                         downloaded; 0 keeps none (the API and the CLI still give them)
 */
@ConfigurationProperties("kyso.verification")
public record VerificationProperties(
        @DefaultValue List<Path> trustAnchors,
        @DefaultValue("false") boolean onlineRevocation,
        @DefaultValue("2s") Duration anchorRefresh,
        @DefaultValue PageComparison pageComparison,
        @DefaultValue("20MB") org.springframework.util.unit.DataSize signedVersionMaxSize) {

    public VerificationProperties {
        trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
        if (anchorRefresh == null || anchorRefresh.isNegative() || anchorRefresh.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("kyso.verification.anchor-refresh must be between 0s and 10m: "
                    + anchorRefresh);
        }
        if (pageComparison == null) {
            pageComparison = new PageComparison(10, 72, java.time.Duration.ofSeconds(10));
        }
        if (signedVersionMaxSize == null) {
            signedVersionMaxSize = org.springframework.util.unit.DataSize.ofMegabytes(20);
        }
    }

    /**
     * {@code kyso.verification.page-comparison.*}: at most {@code maxPages} pages per signature at
     * {@code dpi}, within {@code timeLimit}; {@code max-pages: 0} turns the comparison off.
     */
    public record PageComparison(@DefaultValue("10") int maxPages, @DefaultValue("72") int dpi,
            @DefaultValue("10s") java.time.Duration timeLimit) {

        vn.kyso.signing.verify.PageComparisonLimits limits() {
            return new vn.kyso.signing.verify.PageComparisonLimits(maxPages, dpi, timeLimit);
        }
    }
}
