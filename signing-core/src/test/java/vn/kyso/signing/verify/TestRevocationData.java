package vn.kyso.signing.verify;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.kyso.signing.RevocationSource;
import vn.kyso.signing.testpki.TestPki;

/** OCSP responses and CRLs made in code, and a {@link RevocationSource} that answers from them. */
public final class TestRevocationData implements RevocationSource {

    private final TestPki pki;
    private final TestPki.Credential responder;
    private final Map<BigInteger, Instant> revoked = new ConcurrentHashMap<>();
    private volatile Instant now;

    public TestRevocationData(TestPki pki, TestPki.Credential responder, Instant now) {
        this.pki = pki;
        this.responder = responder;
        this.now = now;
    }

    public void revoke(X509Certificate certificate, Instant at) {
        revoked.put(certificate.getSerialNumber(), at);
    }

    void setNow(Instant now) {
        this.now = now;
    }

    @Override
    public Optional<byte[]> ocsp(X509Certificate certificate, X509Certificate issuer) {
        TestPki.Credential signer = issuer.equals(pki.issuingCa().certificate()) ? responder : pki.root();
        return Optional.of(ocsp(certificate, issuer, signer));
    }

    @Override
    public Optional<byte[]> crl(X509Certificate certificate) {
        return Optional.empty();
    }

    /** An OCSP response for {@code certificate} signed by {@code signer} (the CA or a delegated responder). */
    public byte[] ocsp(X509Certificate certificate, X509Certificate issuer, TestPki.Credential signer) {
        return ocsp(certificate, issuer, signer, now, now.plus(Duration.ofDays(7)));
    }

    /** As {@link #ocsp(X509Certificate, X509Certificate, TestPki.Credential)} with chosen thisUpdate and nextUpdate (may be null). */
    public byte[] ocsp(X509Certificate certificate, X509Certificate issuer, TestPki.Credential signer, Instant thisUpdate,
            Instant nextUpdate) {
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
            BasicOCSPRespBuilder b = new BasicOCSPRespBuilder(
                    new RespID(X500Name.getInstance(signer.certificate().getSubjectX500Principal().getEncoded())));
            Instant at = revoked.get(certificate.getSerialNumber());
            CertificateStatus status = at == null ? CertificateStatus.GOOD : new RevokedStatus(Date.from(at), CRLReason.keyCompromise);
            b.addResponse(id, status, Date.from(thisUpdate), nextUpdate == null ? null : Date.from(nextUpdate), null);
            X509CertificateHolder[] chain = { new JcaX509CertificateHolder(signer.certificate()) };
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.privateKey()), chain, Date.from(thisUpdate)))
                    .getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CRL from the issuing CA listing the revoked certificates. */
    public byte[] crl() {
        return crl(now, now.plus(Duration.ofDays(7)));
    }

    /** A CRL from the issuing CA with chosen thisUpdate and nextUpdate (may be null). */
    public byte[] crl(Instant thisUpdate, Instant nextUpdate) {
        try {
            TestPki.Credential ca = pki.issuingCa();
            X509v2CRLBuilder b = new X509v2CRLBuilder(
                    X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), Date.from(thisUpdate));
            if (nextUpdate != null) {
                b.setNextUpdate(Date.from(nextUpdate));
            }
            revoked.forEach((serial, at) -> b.addCRLEntry(serial, Date.from(at), CRLReason.keyCompromise));
            return b.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.privateKey())).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
