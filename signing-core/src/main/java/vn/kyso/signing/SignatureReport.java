package vn.kyso.signing;

import java.security.cert.X509Certificate;
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
 * @param anchorSha256        SHA-256 (lower-case hex) of the trust anchor the signer's path ends at;
 *                            null when it ends at none
 * @param changes             what later revisions changed, each change classified (see {@link ChangeSummary})
 * @param reason              the signature dictionary's /Reason as the signer wrote it, null when absent
 * @param signerCertificate   the certificate whose key verified the signature value; in an INVALID
 *                            report, the certificate the CMS claims (or null): then nothing is
 *                            proven about who signed ({@link #intact()} is false)
 * @param signatureId         the signature's stable identity ({@link SignatureId}); null when the
 *                            CMS could not be read
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
        String anchorSha256,
        ChangeSummary changes,
        String reason,
        X509Certificate signerCertificate,
        String signatureId,
        SignatureFormat format) {

    /**
     * Whether the signed bytes and the signature value verified with {@link #signerCertificate}'s
     * key: the signature is intact whatever the trust in its chain.
     */
    public boolean intact() {
        return signerCertificate != null && indication != Indication.INVALID;
    }

    public SignatureReport {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(indication, "indication");
        Objects.requireNonNull(modifications, "modifications");
        problems = List.copyOf(problems);
        if (changes == null) {
            changes = ChangeSummary.fromModifications(modifications);
        }
        if (indication == Indication.VALID && subIndication != null) {
            throw new IllegalArgumentException("a VALID signature has no sub-indication");
        }
    }

    /** A report that names no trust anchor, without the classified changes (derived from {@code modifications}). */
    public SignatureReport(String field, Indication indication, SubIndication subIndication, PadesLevel level,
            String signer, String signerSubject, String issuer, String certificateSerial, Instant signingTime,
            Instant timestampTime, boolean coversWholeDocument, Modifications modifications, List<String> problems) {
        this(field, indication, subIndication, level, signer, signerSubject, issuer, certificateSerial, signingTime,
                timestampTime, coversWholeDocument, modifications, problems, null, null, null, null, null, null);
    }

    /** A report naming the trust anchor its chain ends at (SHA-256 hex, null for none). */
    public SignatureReport(String field, Indication indication, SubIndication subIndication, PadesLevel level,
            String signer, String signerSubject, String issuer, String certificateSerial, Instant signingTime,
            Instant timestampTime, boolean coversWholeDocument, Modifications modifications, List<String> problems,
            String anchorSha256) {
        this(field, indication, subIndication, level, signer, signerSubject, issuer, certificateSerial, signingTime,
                timestampTime, coversWholeDocument, modifications, problems, anchorSha256, null, null, null, null, null);
    }

    /** This report with the change analysis that decided its {@code modifications}. */
    public SignatureReport withChanges(ChangeSummary summary) {
        return new SignatureReport(field, indication, subIndication, level, signer, signerSubject, issuer,
                certificateSerial, signingTime, timestampTime, coversWholeDocument, summary.modifications(), problems,
                anchorSha256, summary, reason, signerCertificate, signatureId, format);
    }

    /** This report naming the signer's certificate (taken from the signature when the checks could not). */
    public SignatureReport withSigner(String signer, String signerSubject, String issuer, String certificateSerial) {
        return new SignatureReport(field, indication, subIndication, level, signer, signerSubject, issuer,
                certificateSerial, signingTime, timestampTime, coversWholeDocument, modifications, problems, anchorSha256,
                changes, reason, signerCertificate, signatureId, format);
    }

    /**
     * This INVALID report with the certificate its CMS claims as the signer's (read from the
     * signature alone: it proves who claims to have signed, not that they did).
     */
    public SignatureReport withClaimedCertificate(X509Certificate claimed) {
        if (indication != Indication.INVALID) {
            throw new IllegalStateException("only an INVALID report carries a certificate that did not verify it");
        }
        return new SignatureReport(field, indication, subIndication, level, signer, signerSubject, issuer,
                certificateSerial, signingTime, timestampTime, coversWholeDocument, modifications, problems, anchorSha256,
                changes, reason, claimed, signatureId, format);
    }

    /** This report with the signer's stated /Reason. */
    public SignatureReport withReason(String statedReason) {
        return new SignatureReport(field, indication, subIndication, level, signer, signerSubject, issuer,
                certificateSerial, signingTime, timestampTime, coversWholeDocument, modifications, problems, anchorSha256,
                changes, statedReason, signerCertificate, signatureId, format);
    }
}
