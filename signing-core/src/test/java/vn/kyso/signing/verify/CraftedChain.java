package vn.kyso.signing.verify;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import vn.kyso.signing.testpki.TestPki;

/**
 * Certificate paths with the constraints an attacker would break: a CA's path length, name
 * constraints, unknown critical extensions. Built top-down: {@link #ca} and {@link #signer}
 * each issue under the last CA added.
 */
final class CraftedChain {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** A private OID no verifier knows. */
    static final ASN1ObjectIdentifier UNKNOWN = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1");

    private final Instant now;
    private final List<X509Certificate> cas = new ArrayList<>(); // root first
    private final List<KeyPair> caKeys = new ArrayList<>();

    CraftedChain(Instant now) {
        this.now = now;
        ca("C=VN,O=kyso crafted,CN=Crafted Root", -1, null, false);
    }

    X509Certificate root() {
        return cas.get(0);
    }

    /** A CA under the last one; {@code pathLen} < 0 means none; {@code permittedDn} null means no name constraints. */
    CraftedChain ca(String subject, int pathLen, String permittedDn, boolean unknownCritical) {
        KeyPair keys = TestPki.generateKeyPair(TestPki.KeyType.EC_P256);
        X509Certificate cert = build(subject, keys, true, pathLen, permittedDn, unknownCritical);
        cas.add(cert);
        caKeys.add(keys);
        return this;
    }

    /** A signer under the last CA. */
    TestPki.Credential signer(String subject, boolean unknownCritical) {
        KeyPair keys = TestPki.generateKeyPair(TestPki.KeyType.EC_P256);
        X509Certificate cert = build(subject, keys, false, -1, null, unknownCritical);
        List<X509Certificate> issuers = new ArrayList<>(cas);
        java.util.Collections.reverse(issuers);
        return new TestPki.Credential(keys.getPrivate(), cert, issuers);
    }

    private X509Certificate build(String subject, KeyPair keys, boolean ca, int pathLen, String permittedDn,
            boolean unknownCritical) {
        try {
            boolean self = cas.isEmpty();
            X500Name issuer = self ? new X500Name(subject)
                    : X500Name.getInstance(cas.get(cas.size() - 1).getSubjectX500Principal().getEncoded());
            KeyPair issuerKeys = self ? keys : caKeys.get(caKeys.size() - 1);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).setBit(63),
                    Date.from(now.minus(Duration.ofDays(60))), Date.from(now.plus(Duration.ofDays(365))),
                    new X500Name(subject), keys.getPublic());
            if (ca) {
                b.addExtension(Extension.basicConstraints, true,
                        pathLen >= 0 ? new BasicConstraints(pathLen) : new BasicConstraints(true));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            }
            if (permittedDn != null) {
                b.addExtension(Extension.nameConstraints, true, new NameConstraints(new GeneralSubtree[] {
                        new GeneralSubtree(new GeneralName(new X500Name(permittedDn))) }, null));
            }
            if (unknownCritical) {
                b.addExtension(UNKNOWN, true, new DERUTF8String("must be understood"));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
