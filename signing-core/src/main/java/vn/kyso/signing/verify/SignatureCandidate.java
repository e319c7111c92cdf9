package vn.kyso.signing.verify;

import java.time.Instant;
import java.util.Arrays;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSObjectKey;

/**
 * One signature (or document timestamp) dictionary found in the document, with its raw values
 * read leniently: a malformed entry is kept as null plus a reason, so the check can report it.
 *
 * @param field             the field's fully qualified name
 * @param dictionary        the signature dictionary (the field's /V)
 * @param objectKey         the indirect object holding the dictionary, null when unknown
 * @param byteRange         the four /ByteRange numbers, null when absent or malformed
 * @param byteRangeProblem  why /ByteRange is unusable, null when it is usable
 * @param contents          the /Contents string's bytes, null when absent or not a string
 * @param subFilter         the /SubFilter name, null when absent
 * @param claimedTime       /M, null when absent or unreadable
 * @param removedLater      true when a later revision no longer references this signature
 * @param sharesSignatureWith the field that holds the same signature (dictionary or value) before this one, or null
 */
record SignatureCandidate(String field, COSDictionary dictionary, COSObjectKey objectKey, long[] byteRange,
        String byteRangeProblem, byte[] contents, String subFilter, Instant claimedTime, boolean removedLater,
        String sharesSignatureWith) {

    static final String DOC_TIMESTAMP = "ETSI.RFC3161";
    static final String CADES = "ETSI.CAdES.detached";
    static final String PKCS7 = "adbe.pkcs7.detached";

    boolean isDocumentTimestamp() {
        return DOC_TIMESTAMP.equals(subFilter);
    }

    /** The end of the signed range (offset just after it), or -1 when the range is unusable. */
    long rangeEnd() {
        return byteRange == null ? -1 : byteRange[2] + byteRange[3];
    }

    /** Whether {@code other} describes the same signature (same range and same value). */
    boolean sameSignatureAs(SignatureCandidate other) {
        return Arrays.equals(byteRange, other.byteRange) && Arrays.equals(contents, other.contents);
    }

    SignatureCandidate markRemoved() {
        return new SignatureCandidate(field, dictionary, objectKey, byteRange, byteRangeProblem, contents, subFilter,
                claimedTime, true, sharesSignatureWith);
    }

    /** This candidate as a second field showing the signature of field {@code first}. */
    SignatureCandidate markSharedWith(String first) {
        return new SignatureCandidate(field, dictionary, objectKey, byteRange, byteRangeProblem, contents, subFilter,
                claimedTime, removedLater, first);
    }
}
