package vn.kyso.ca.ocsp;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Tells whether a CertID names the issuing CA. The issuer's name and key hashes are computed
 * once per hash algorithm, not per request.
 */
final class IssuerMatch {

    private final X509CertificateHolder issuer;
    private final DigestCalculatorProvider digests;
    private final Map<ASN1ObjectIdentifier, byte[][]> hashes = new ConcurrentHashMap<>();

    IssuerMatch(X509Certificate issuer) throws Exception {
        this.issuer = new X509CertificateHolder(issuer.getEncoded());
        this.digests = new JcaDigestCalculatorProviderBuilder().build();
    }

    boolean matches(CertificateID id) {
        ASN1ObjectIdentifier oid = id.getHashAlgOID();
        byte[][] expected = hashes.get(oid);
        if (expected == null) {
            expected = compute(oid);
            if (hashes.size() < 16) { // requests choose the OID: do not let them grow the map
                hashes.put(oid, expected);
            }
        }
        return Arrays.equals(expected[0], id.getIssuerNameHash()) && Arrays.equals(expected[1], id.getIssuerKeyHash());
    }

    private byte[][] compute(ASN1ObjectIdentifier oid) {
        try {
            CertificateID probe = new CertificateID(digests.get(new AlgorithmIdentifier(oid)), issuer, BigInteger.ONE);
            return new byte[][] {probe.getIssuerNameHash(), probe.getIssuerKeyHash()};
        } catch (Exception e) {
            return new byte[][] {new byte[0], new byte[0]}; // an unsupported hash never matches
        }
    }
}
