package vn.kyso.server.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every kyso setting of the service, bound from {@code kyso.*} (also as environment variables,
 * e.g. {@code KYSO_DATA_DIR}). Secrets such as {@code KYSO_ADMIN_PASSWORD} are deliberately not
 * part of this record, so that printing the settings can never reveal them.
 *
 * @param dataDir   where the embedded database, keystores and generated secrets live
 * @param publicUrl base URL that certificates (AIA, CDP) and links point at; when absent it is
 *                  {@code http://127.0.0.1:<port>} of the running server, see {@link PublicUrl}
 * @param limits    bounds on what one request may ask of the service
 */
@ConfigurationProperties("kyso")
public record KysoProperties(
        @DefaultValue("./kyso-data") Path dataDir,
        URI publicUrl,
        @DefaultValue Limits limits) {

    public KysoProperties {
        if (publicUrl != null && (publicUrl.getScheme() == null || publicUrl.getHost() == null)) {
            throw new IllegalArgumentException("kyso.public-url must be an absolute http(s) URL");
        }
    }

    /**
     * @param maxUploadSize  largest file one request may upload (also the multipart limit)
     * @param maxPages       most pages a document to sign or verify may have
     * @param requestTimeout longest a request may work before it is abandoned
     */
    public record Limits(
            @DefaultValue("50MB") DataSize maxUploadSize,
            @DefaultValue("2000") int maxPages,
            @DefaultValue("60s") Duration requestTimeout) {

        public Limits {
            if (maxUploadSize.toBytes() <= 0) {
                throw new IllegalArgumentException("kyso.limits.max-upload-size must be positive");
            }
            if (maxPages <= 0) {
                throw new IllegalArgumentException("kyso.limits.max-pages must be positive");
            }
            if (requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("kyso.limits.request-timeout must be positive");
            }
        }
    }
}
