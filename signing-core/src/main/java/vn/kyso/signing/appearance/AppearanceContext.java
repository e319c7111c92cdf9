package vn.kyso.signing.appearance;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * What an appearance may show about the signing: who and when.
 *
 * @param signerName         the signer's common name
 * @param signerOrganization the signer's organization (O), may be null
 * @param signingTime        the claimed signing time, in the zone it is shown in (Vietnam: +07:00)
 */
public record AppearanceContext(String signerName, String signerOrganization, ZonedDateTime signingTime) {
    public AppearanceContext {
        Objects.requireNonNull(signerName, "signerName");
        Objects.requireNonNull(signingTime, "signingTime");
    }
}
