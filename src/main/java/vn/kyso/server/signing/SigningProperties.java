package vn.kyso.server.signing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.kyso.signing.PadesLevel;

/**
 * Settings of signing in the service ({@code kyso.signing.*}).
 *
 * @param defaultLevel     the PAdES level when a request names none: B, T, LT or LTA
 * @param preparedLifetime how long a two-step signing handle waits for its signature value
 * @param maxBatchFiles    most documents one batch request may carry
 * @param previewDpi       resolution of the page images the console shows
 * @param activation       limits of key activations (one PIN entry for many signatures)
 */
@ConfigurationProperties("kyso.signing")
public record SigningProperties(
        @DefaultValue("LT") String defaultLevel,
        @DefaultValue("15m") Duration preparedLifetime,
        @DefaultValue("20") int maxBatchFiles,
        @DefaultValue("72") int previewDpi,
        @DefaultValue Activation activation) {

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

    public PadesLevel level() {
        return PadesLevel.parse(defaultLevel);
    }
}
