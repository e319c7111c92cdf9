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
 */
@ConfigurationProperties("kyso.verification")
public record VerificationProperties(
        @DefaultValue List<Path> trustAnchors,
        @DefaultValue("false") boolean onlineRevocation,
        @DefaultValue("2s") Duration anchorRefresh) {

    public VerificationProperties {
        trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
        if (anchorRefresh == null || anchorRefresh.isNegative() || anchorRefresh.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("kyso.verification.anchor-refresh must be between 0s and 10m: "
                    + anchorRefresh);
        }
    }
}
