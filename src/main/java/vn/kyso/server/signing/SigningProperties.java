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
 */
@ConfigurationProperties("kyso.signing")
public record SigningProperties(
        @DefaultValue("LT") String defaultLevel,
        @DefaultValue("15m") Duration preparedLifetime,
        @DefaultValue("20") int maxBatchFiles,
        @DefaultValue("72") int previewDpi) {

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

    public PadesLevel level() {
        return PadesLevel.parse(defaultLevel);
    }
}
