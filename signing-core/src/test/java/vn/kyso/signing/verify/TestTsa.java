package vn.kyso.signing.verify;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import vn.kyso.signing.testpki.TestPki;

/** An in-process RFC 3161 TSA for tests: stamps SHA-256 digests at a settable time. */
final class TestTsa {

    private final TestPki.Credential credential;
    private final AtomicLong serial = new AtomicLong(1);
    private volatile Instant time;

    TestTsa(TestPki.Credential credential, Instant time) {
        this.credential = credential;
        this.time = time;
    }

    void setTime(Instant time) {
        this.time = time;
    }

    /** A DER TimeStampToken over SHA-256 of {@code data}. */
    byte[] stamp(byte[] data) {
        try {
            return stampDigest(TSPAlgorithms.SHA256, MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A DER TimeStampToken over a {@code digest} (of algorithm {@code algorithm}) computed by the caller, as EU DSS asks. */
    byte[] stampDigest(ASN1ObjectIdentifier algorithm, byte[] digest) {
        try {
            TimeStampTokenGenerator generator = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", credential.privateKey(),
                            credential.certificate()),
                    new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1)),
                    new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
            generator.addCertificates(new JcaCertStore(List.of(credential.certificate())));
            TimeStampRequestGenerator request = new TimeStampRequestGenerator();
            request.setCertReq(true); // a TSA includes its certificate only when asked to
            return generator.generate(request.generate(algorithm, digest),
                    BigInteger.valueOf(serial.getAndIncrement()), Date.from(time)).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
