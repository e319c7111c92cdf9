package vn.kyso.usage.snapshot;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Verifies a snapshot's detached CMS signature: one signer whose signature over the content
 * verifies with the certificate the CMS carries, and whose chain (certificates the CMS carries)
 * reaches one of the trust anchors (kyso's root) by signatures, not by names alone.
 */
final class SnapshotCheck {

    private static final int MAX_CHAIN = 5;

    private final List<X509Certificate> anchors;

    SnapshotCheck(List<X509Certificate> anchors) {
        this.anchors = List.copyOf(anchors);
    }

    Optional<String> signer(byte[] content, byte[] signature) {
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(content), signature);
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return Optional.empty();
            }
            List<X509Certificate> carried = new ArrayList<>();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
                carried.add(converter.getCertificate(holder));
            }
            SignerInformation info = signers.iterator().next();
            for (X509Certificate certificate : carried) {
                if (info.getSID().match(new X509CertificateHolder(certificate.getEncoded()))
                        && info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))
                        && chainsToAnAnchor(certificate, carried)) {
                    return Optional.of(certificate.getSubjectX500Principal().getName());
                }
            }
            return Optional.empty();
        } catch (CMSException | GeneralSecurityException | OperatorCreationException | java.io.IOException
                | RuntimeException e) {
            return Optional.empty();
        }
    }

    private boolean chainsToAnAnchor(X509Certificate certificate, List<X509Certificate> carried) {
        X509Certificate current = certificate;
        for (int depth = 0; depth < MAX_CHAIN; depth++) {
            for (X509Certificate anchor : anchors) {
                if (signedBy(current, anchor)) {
                    return true;
                }
            }
            X509Certificate next = null;
            for (X509Certificate c : carried) {
                if (c != current && signedBy(current, c)) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                return false;
            }
            current = next;
        }
        return false;
    }

    private static boolean signedBy(X509Certificate child, X509Certificate issuer) {
        if (!child.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            child.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
