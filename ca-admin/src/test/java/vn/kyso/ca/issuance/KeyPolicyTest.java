package vn.kyso.ca.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.ca.testing.CaAssertions.assertCode;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.CertificationRequestInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CsrIssueRequest;
import vn.kyso.ca.testing.Csrs;
import vn.kyso.ca.testing.DatabaseTest;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.Openssl;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;

/**
 * Issue 13, key policy: an RSA key over the bound (16,384 bits), a weak RSA exponent (1, or 3 as
 * openssl makes it on request), a curve off the allow-list, are refused as UNSUPPORTED_KEY
 * before the request's signature is even checked; the same public key is never certified for
 * two subscribers.
 */
class KeyPolicyTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    /** A PKCS#10 request around any RSA public key; its signature is junk (the policy refuses first). */
    private static byte[] rsaCsr(BigInteger modulus, BigInteger exponent) throws Exception {
        SubjectPublicKeyInfo spki = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                new RSAPublicKey(modulus, exponent));
        CertificationRequestInfo info = new CertificationRequestInfo(new X500Name("CN=attacker"), spki, null);
        return new CertificationRequest(info, new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption,
                DERNull.INSTANCE), new DERBitString(new byte[256])).getEncoded();
    }

    @DatabaseTest
    void rsaKeysOverTheBoundAndWeakExponentsAreRefused(TestDatabase db) throws Exception {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079000013001");
        BigInteger huge = new BigInteger(16384, RANDOM).setBit(16383).setBit(0);
        assertCode(() -> t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal",
                rsaCsr(huge, BigInteger.valueOf(65537)))), CaException.ErrorCode.UNSUPPORTED_KEY);
        BigInteger modulus = ((java.security.interfaces.RSAPublicKey) Csrs.rsa(2048).getPublic()).getModulus();
        for (long e : new long[] {1, 2, 3, 65536}) {
            assertCode(() -> t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal",
                    rsaCsr(modulus, BigInteger.valueOf(e)))), CaException.ErrorCode.UNSUPPORTED_KEY);
        }

        // a well-formed, correctly self-signed CSR with exponent 3, made by openssl
        Openssl.Result key = Openssl.run(dir, "openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt",
                "rsa_keygen_bits:2048", "-pkeyopt", "rsa_keygen_pubexp:3", "-out", dir.resolve("e3.key").toString());
        assertThat(key.exit()).as(key.output()).isZero();
        Openssl.Result csr = Openssl.run(dir, "openssl", "req", "-new", "-key", dir.resolve("e3.key").toString(),
                "-subj", "/CN=e3", "-outform", "DER", "-out", dir.resolve("e3.csr").toString());
        assertThat(csr.exit()).as(csr.output()).isZero();
        byte[] e3 = Files.readAllBytes(dir.resolve("e3.csr"));
        assertCode(() -> t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal", e3)),
                CaException.ErrorCode.UNSUPPORTED_KEY);
        assertThat(t.ca.verifyAuditChain().intact()).isTrue();
    }

    @DatabaseTest
    void aCurveOffTheAllowListIsRefused(TestDatabase db) throws Exception {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079000013002");
        BouncyCastleProvider bc = new BouncyCastleProvider();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", bc);
        generator.initialize(new ECGenParameterSpec("secp256k1"), RANDOM);
        KeyPair pair = generator.generateKeyPair();
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=k1"), pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(bc).build(pair.getPrivate()))
                .getEncoded();
        assertCode(() -> t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal", csr)),
                CaException.ErrorCode.UNSUPPORTED_KEY);
        // P-384 is on the list
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"), RANDOM);
        assertThat(t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal",
                Csrs.csr(p384.generateKeyPair()))).serial()).isNotNull();
    }

    @DatabaseTest
    void theSamePublicKeyIsNeverCertifiedForTwoSubscribers(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long first = t.officer("079000013003");
        long second = t.officer("079000013004");
        KeyPair pair = Csrs.ecP256();
        byte[] csr = Csrs.csr(pair);
        BigInteger serial = t.ca.issueFromCsr("admin", new CsrIssueRequest(first, "personal", csr)).serial();

        assertCode(() -> t.ca.issueFromCsr("admin", new CsrIssueRequest(second, "personal", csr)),
                CaException.ErrorCode.DUPLICATE);
        // the same person may have the key certified again (renewal, a second profile)
        assertThat(t.ca.renew("admin", serial).serial()).isNotEqualTo(serial);
        assertThat(t.ca.issueFromCsr("admin", new CsrIssueRequest(first, "personal", csr))).isNotNull();
    }
}
