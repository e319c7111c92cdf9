package vn.kyso.signing.verify;

import java.security.MessageDigest;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;

import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SubIndication;

/**
 * What the CMS signs. A detached CMS signs the byte range; adbe.pkcs7.sha1 encapsulates the
 * SHA-1 digest of the byte range, and the CMS signs that. Some signers also declare a detached
 * /SubFilter yet encode the sha1 form, or encapsulate the signed bytes themselves: both still
 * sign this document and are accepted (with a note). A CMS whose message digest covers only
 * other encapsulated content does not sign the document: HASH_FAILURE.
 */
final class EncapsulatedContent {

    private static final int SHA1_LENGTH = 20;

    private EncapsulatedContent() {
    }

    /** Runs the integrity and signature-value checks for {@code s}; false when they failed. */
    static boolean check(CmsSignature s, byte[] pdf, long[] range, Verdict verdict) {
        byte[] content = content(s);
        if (s.format == SignatureFormat.PKCS7_SHA1) {
            return sha1Form(s, content, pdf, range, verdict);
        }
        if (content == null) {
            return s.checkDetached(pdf, range, verdict);
        }
        if (content.length == SHA1_LENGTH && MessageDigest.isEqual(content,
                ByteRangeCheck.digest(pdf, range, VerifierDigest.SHA1))) {
            verdict.note("the signature declares /SubFilter /" + s.format.subFilter()
                    + " but is encoded as adbe.pkcs7.sha1 (it signs the SHA-1 digest of the document)");
            s.format = SignatureFormat.PKCS7_SHA1;
            return sha1Form(s, content, pdf, range, verdict);
        }
        verdict.note("the CMS also encapsulates " + content.length + " bytes of content, which PAdES does not allow;"
                + " only the document's signed byte range is judged");
        return s.checkDetached(pdf, range, verdict);
    }

    /** Whether {@code claimed} (the signed message digest) is the digest of the encapsulated content. */
    static boolean signsOtherContent(CmsSignature s, byte[] claimed) {
        byte[] content = content(s);
        return content != null && MessageDigest.isEqual(claimed, s.digestAlgorithm.newDigest().digest(content));
    }

    private static boolean sha1Form(CmsSignature s, byte[] content, byte[] pdf, long[] range, Verdict verdict) {
        if (content == null) {
            verdict.invalid(SubIndication.FORMAT_FAILURE,
                    "an adbe.pkcs7.sha1 signature must encapsulate the SHA-1 digest of the document; this CMS holds none");
            return false;
        }
        s.documentDigest = VerifierDigest.SHA1;
        if (!MessageDigest.isEqual(content, ByteRangeCheck.digest(pdf, range, VerifierDigest.SHA1))) {
            verdict.invalid(SubIndication.HASH_FAILURE,
                    "the signed bytes were changed: their SHA-1 digest is not the one the signature encapsulates");
            return false;
        }
        return s.verifyOver(s.cms, verdict);
    }

    /** The encapsulated content's octets, or null when the CMS is detached. */
    private static byte[] content(CmsSignature s) {
        ContentInfo info = SignedData.getInstance(s.cms.toASN1Structure().getContent()).getEncapContentInfo();
        return info.getContent() instanceof ASN1OctetString octets ? octets.getOctets() : null;
    }
}
