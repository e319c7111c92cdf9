package vn.kyso.signing.verify;

import java.security.cert.X509Certificate;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

import vn.kyso.signing.SignatureReport;

/**
 * Who claims to have signed, read from the CMS alone: when a check stops before it learns the
 * signer (the signed bytes were changed, the structure is broken), the report still names the
 * certificate the signature carries, so a reader sees whose signature failed. It proves nothing:
 * the report's indication says whether the signature holds.
 */
final class SignerIdentity {

    private SignerIdentity() {
    }

    /** {@code report} with its signer filled in from {@code contents} when it has none and the CMS names one. */
    static SignatureReport complete(SignatureReport report, byte[] contents, CertificateCache cache) {
        if (report.signer() != null || contents == null || contents.length == 0) {
            return report;
        }
        X509Certificate c = claimedSigner(contents, cache);
        if (c == null) {
            return report;
        }
        SignatureReport named = report.withSigner(Names.subject(c), Names.dn(c.getSubjectX500Principal()),
                Names.dn(c.getIssuerX500Principal()), c.getSerialNumber().toString(16));
        // An INVALID report may carry the claimed certificate (never intact(), so it counts for
        // nothing): a reader can still check whose certificate it is, e.g. whether kyso issued it.
        return report.indication() == vn.kyso.signing.Indication.INVALID && report.signerCertificate() == null
                ? named.withClaimedCertificate(c) : named;
    }

    private static X509Certificate claimedSigner(byte[] contents, CertificateCache cache) {
        try {
            CMSSignedData cms = new CMSSignedData(ByteRangeCheck.der(contents));
            for (SignerInformation signer : cms.getSignerInfos().getSigners()) {
                for (X509CertificateHolder h : cms.getCertificates().getMatches(null)) {
                    if (signer.getSID().match(h)) {
                        return cache.certificate(h.getEncoded());
                    }
                }
            }
            return null;
        } catch (Exception | StackOverflowError e) {
            return null; // nothing readable: the report already says why the signature failed
        }
    }
}
