package vn.kyso.signing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The verdict on one signature of a PDF. {@code subIndication} is null when VALID.
 *
 * @param field               the signature field's fully qualified name
 * @param indication          VALID, INVALID or INDETERMINATE
 * @param subIndication       why, when not VALID
 * @param level               the PAdES level the signature reaches (null when not PAdES-conformant)
 * @param signer              the signer's subject common name (or full subject when it has none)
 * @param signerSubject       the signer certificate's full subject DN (RFC 4514)
 * @param issuer              the signer certificate's issuer DN (RFC 4514)
 * @param certificateSerial   the signer certificate's serial number in lower-case hex
 * @param signingTime         the claimed signing time (/M), may be null
 * @param timestampTime       the signature timestamp's time, null when there is none
 * @param coversWholeDocument whether the signed byte range ends at the end of the file
 * @param modifications       what later incremental updates did
 * @param problems            human-readable reasons (English); for a VALID signature only notes
 *                            (e.g. revoked after a timestamp proved the signing time)
 * @param format              the signature's encoding (PAdES, PKCS#7 detached, legacy PKCS#7 SHA-1);
 *                            null when the /SubFilter is unknown or the signature was not read
 */
public record SignatureReport(
        String field,
        Indication indication,
        SubIndication subIndication,
        PadesLevel level,
        String signer,
        String signerSubject,
        String issuer,
        String certificateSerial,
        Instant signingTime,
        Instant timestampTime,
        boolean coversWholeDocument,
        Modifications modifications,
        List<String> problems,
        SignatureFormat format) {

    public SignatureReport {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(indication, "indication");
        Objects.requireNonNull(modifications, "modifications");
        problems = List.copyOf(problems);
        if (indication == Indication.VALID && subIndication != null) {
            throw new IllegalArgumentException("a VALID signature has no sub-indication");
        }
    }

    /** A report that does not name the signature's format. */
    public SignatureReport(String field, Indication indication, SubIndication subIndication, PadesLevel level,
            String signer, String signerSubject, String issuer, String certificateSerial, Instant signingTime,
            Instant timestampTime, boolean coversWholeDocument, Modifications modifications, List<String> problems) {
        this(field, indication, subIndication, level, signer, signerSubject, issuer, certificateSerial, signingTime,
                timestampTime, coversWholeDocument, modifications, problems, null);
    }
}
