package vn.kyso.ca.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.junit.jupiter.api.Test;

import vn.kyso.ca.hierarchy.SigningCredential;
import vn.kyso.signing.crypto.NativeCrypto;

class SignaturePoolTest {

    @Test
    void oneEngineServesSuccessiveSignaturesAndEachVerifies() throws Exception {
        for (NativeCrypto crypto : List.of(NativeCrypto.system(), NativeCrypto.off())) {
            for (String type : List.of("RSA", "EC")) {
                SigningCredential credential = credential(type, crypto);
                SignaturePool pool = SignaturePool.forCredential(credential);
                for (int i = 0; i < 5; i++) {
                    byte[] data = ("answer " + i).getBytes(StandardCharsets.US_ASCII);
                    assertThat(verifies(credential, data, pool.sign(data))).as(type + " " + crypto.describe()).isTrue();
                    assertThat(pool.idleCount()).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void manyThreadsAtOnceEachGetAWholeSignature() throws Exception {
        SigningCredential credential = credential("RSA", NativeCrypto.system());
        SignaturePool pool = new SignaturePool(credential, 4); // fewer slots than threads: some engines are dropped
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                byte[] data = ("request " + i).getBytes(StandardCharsets.US_ASCII);
                results.add(threads.submit(() -> verifies(credential, data, pool.sign(data))));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(pool.idleCount()).isBetween(1, 4);
    }

    private static boolean verifies(SigningCredential credential, byte[] data, byte[] signature) throws Exception {
        X509Certificate cert = credential.certificate();
        Signature verifier = Signature.getInstance(SigningCredential.signatureAlgorithmFor(cert.getPublicKey()));
        verifier.initVerify(cert.getPublicKey());
        verifier.update(data);
        return verifier.verify(signature);
    }

    private static SigningCredential credential(String type, NativeCrypto crypto) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
        generator.initialize(type.equals("RSA") ? 2048 : 256);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=pool test");
        Instant now = Instant.now();
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.ONE, Date.from(now), Date.from(now.plus(Duration.ofDays(1))), name, pair.getPublic())
                .build(SigningCredential.contentSigner(pair.getPrivate(), pair.getPublic(), null)));
        return SigningCredential.prepared(pair.getPrivate(), cert, null, crypto);
    }
}
