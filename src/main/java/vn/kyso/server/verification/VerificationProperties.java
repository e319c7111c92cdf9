package vn.kyso.server.verification;

import java.nio.file.Path;
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
 */
@ConfigurationProperties("kyso.verification")
public record VerificationProperties(
        @DefaultValue List<Path> trustAnchors,
        @DefaultValue("false") boolean onlineRevocation) {

    public VerificationProperties {
        trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
    }
}
