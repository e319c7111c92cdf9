package vn.kyso.ca.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** PKCS#10 requests made in code. */
public final class Csrs {

    private Csrs() {
    }

    public static KeyPair ecP256() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] csr(KeyPair pair) {
        return csr(pair, pair);
    }

    /** A request signed with RSASSA-PSS (SHA-256, MGF1), which not every provider verifies. */
    public static byte[] csrPss(KeyPair subjectKey, KeyPair signingKey) {
        try {
            return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=ignored"), subjectKey.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSAandMGF1").setProvider(new BouncyCastleProvider())
                            .build(signingKey.getPrivate())).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request for {@code subjectKey} signed with {@code signingKey}: a mismatch fails proof of possession. */
    public static byte[] csr(KeyPair subjectKey, KeyPair signingKey) {
        try {
            String alg = signingKey.getPublic().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=ignored"), subjectKey.getPublic())
                    .build(new JcaContentSignerBuilder(alg).build(signingKey.getPrivate())).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
