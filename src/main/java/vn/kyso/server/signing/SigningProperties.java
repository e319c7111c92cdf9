package vn.kyso.server.signing;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.kyso.server.csc.client.CscConnection;
import vn.kyso.signing.PadesLevel;

/**
 * Settings of signing in the service ({@code kyso.signing.*}).
 *
 * @param defaultLevel     the PAdES level when a request names none: B, T, LT or LTA
 * @param preparedLifetime how long a two-step signing handle waits for its signature value
 * @param maxBatchFiles    most documents one batch request may carry
 * @param previewDpi       resolution of the page images the console shows
 * @param activation       limits of key activations (one PIN entry for many signatures)
 * @param remoteServices   CSC API v2 services whose keys officers may sign with from the console
 *                         and the API ({@code kyso.signing.remote-services.<id>.name/url}); only
 *                         these are ever called, so a request cannot make kyso call an address
 * @param remoteTimeout    time limit of each call to a remote CSC service
 */
@ConfigurationProperties("kyso.signing")
public record SigningProperties(
        @DefaultValue("LT") String defaultLevel,
        @DefaultValue("15m") Duration preparedLifetime,
        @DefaultValue("20") int maxBatchFiles,
        @DefaultValue("72") int previewDpi,
        @DefaultValue Activation activation,
        Map<String, RemoteService> remoteServices,
        @DefaultValue("30s") Duration remoteTimeout) {

    public SigningProperties {
        PadesLevel.parse(defaultLevel);
        if (preparedLifetime.isNegative() || preparedLifetime.isZero()) {
            throw new IllegalArgumentException("kyso.signing.prepared-lifetime must be positive");
        }
        if (maxBatchFiles < 1) {
            throw new IllegalArgumentException("kyso.signing.max-batch-files must be at least 1");
        }
        if (previewDpi < 20 || previewDpi > 300) {
            throw new IllegalArgumentException("kyso.signing.preview-dpi must be between 20 and 300");
        }
        remoteServices = remoteServices == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(remoteServices));
        remoteServices.forEach((id, service) -> {
            if (!id.matches("[a-z0-9][a-z0-9-]{0,39}")) {
                throw new IllegalArgumentException("kyso.signing.remote-services: the id '" + id
                        + "' must be 1-40 lower-case letters, digits or '-'");
            }
            if (service == null || service.url() == null) {
                throw new IllegalArgumentException("kyso.signing.remote-services." + id + ".url is required");
            }
            CscConnection.baseUrl(service.url()); // an http(s) base URL, or the service does not start
        });
        if (remoteTimeout.isNegative() || remoteTimeout.isZero()) {
            throw new IllegalArgumentException("kyso.signing.remote-timeout must be positive");
        }
    }

    /**
     * Key activations ({@code kyso.signing.activation.*}): the most one PIN entry may allow.
     *
     * @param maxSignatures most signatures one activation may allow
     * @param maxLifetime   longest an activation may last
     */
    public record Activation(@DefaultValue("1000") int maxSignatures, @DefaultValue("15m") Duration maxLifetime) {
        public Activation {
            if (maxSignatures < 1) {
                throw new IllegalArgumentException("kyso.signing.activation.max-signatures must be at least 1");
            }
            if (maxLifetime.isNegative() || maxLifetime.isZero()) {
                throw new IllegalArgumentException("kyso.signing.activation.max-lifetime must be positive");
            }
        }
    }

    /**
     * A remote-signing service (CSC API v2) that officers may use.
     *
     * @param name what the console shows (the id when none)
     * @param url  its base URL, before {@code /credentials/...}, e.g. {@code https://rs.example.vn/csc/v2}
     */
    public record RemoteService(String name, String url) {
    }

    public PadesLevel level() {
        return PadesLevel.parse(defaultLevel);
    }
}
