package vn.kyso.signing;

import java.net.URI;
import java.util.Objects;

/**
 * What to sign with and how.
 *
 * @param key           the signing key (for {@link PdfSigner#prepare} only its certificate chain is used)
 * @param level         the PAdES baseline level to reach
 * @param digest        the digest algorithm (SHA-256 when null)
 * @param visible       how the signature looks on the page; null for an invisible signature
 * @param reason        the /Reason, may be null
 * @param location      the /Location, may be null
 * @param contactInfo   the /ContactInfo, may be null
 * @param certification null for an approval signature, or the DocMDP permission of a certification signature
 * @param fieldName     the signature field's name; null to generate one
 * @param tsaUrl        the TSA to ask when the {@link PdfSigner} was built without a TimestampSource; may be null
 */
public record SignRequest(SigningKey key, PadesLevel level, DigestAlgorithm digest, VisibleSignature visible,
        String reason, String location, String contactInfo, Certification certification, String fieldName,
        URI tsaUrl) {

    public SignRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(level, "level");
        digest = digest == null ? DigestAlgorithm.SHA256 : digest;
        if (fieldName != null && (fieldName.isBlank() || fieldName.contains("."))) {
            throw new SigningException(SigningException.ErrorCode.INVALID_REQUEST,
                    "the signature field name must be non-blank and contain no '.'");
        }
    }

    /** A builder starting from the two required values. */
    public static Builder builder(SigningKey key, PadesLevel level) {
        return new Builder(key, level);
    }

    /** Small builder so callers name only what they set. */
    public static final class Builder {
        private final SigningKey key;
        private final PadesLevel level;
        private DigestAlgorithm digest = DigestAlgorithm.SHA256;
        private VisibleSignature visible;
        private String reason;
        private String location;
        private String contactInfo;
        private Certification certification;
        private String fieldName;
        private URI tsaUrl;

        private Builder(SigningKey key, PadesLevel level) {
            this.key = key;
            this.level = level;
        }

        public Builder digest(DigestAlgorithm value) {
            this.digest = value;
            return this;
        }

        public Builder visible(VisibleSignature value) {
            this.visible = value;
            return this;
        }

        public Builder reason(String value) {
            this.reason = value;
            return this;
        }

        public Builder location(String value) {
            this.location = value;
            return this;
        }

        public Builder contactInfo(String value) {
            this.contactInfo = value;
            return this;
        }

        public Builder certification(Certification value) {
            this.certification = value;
            return this;
        }

        public Builder fieldName(String value) {
            this.fieldName = value;
            return this;
        }

        public Builder tsaUrl(URI value) {
            this.tsaUrl = value;
            return this;
        }

        public SignRequest build() {
            return new SignRequest(key, level, digest, visible, reason, location, contactInfo, certification,
                    fieldName, tsaUrl);
        }
    }
}
