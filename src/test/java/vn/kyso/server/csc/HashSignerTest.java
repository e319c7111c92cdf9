package vn.kyso.server.csc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

import org.junit.jupiter.api.Test;

import vn.kyso.server.csc.HashSigner.Algorithm;
import vn.kyso.server.csc.HashSigner.PrivateKeyFamily;

/** Raw signatures over given hashes verify with the JDK's ordinary signature algorithms. */
class HashSignerTest {

    private static final byte[] DATA = "Quyết định 15/QĐ-UBND".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @Test
    void ecdsaOverASha384HashVerifiesAsSha384WithEcdsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair pair = generator.generateKeyPair();
        Algorithm algorithm = HashSigner.algorithm("1.2.840.10045.4.3.3", null, null,
                PrivateKeyFamily.of(pair.getPublic()));

        byte[] signature = HashSigner.sign(pair.getPrivate(), algorithm,
                MessageDigest.getInstance("SHA-384").digest(DATA));

        Signature verifier = Signature.getInstance("SHA384withECDSA");
        verifier.initVerify(pair.getPublic());
        verifier.update(DATA);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void rsaEncryptionWithAHashOidIsPkcs1WithThatHash() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Algorithm algorithm = HashSigner.algorithm(HashSigner.RSA, HashSigner.SHA512, null,
                PrivateKeyFamily.of(pair.getPublic()));

        byte[] signature = HashSigner.sign(pair.getPrivate(), algorithm,
                MessageDigest.getInstance("SHA-512").digest(DATA));

        Signature verifier = Signature.getInstance("SHA512withRSA");
        verifier.initVerify(pair.getPublic());
        verifier.update(DATA);
        assertThat(verifier.verify(signature)).isTrue();
        assertThat(HashSigner.hashLength(algorithm)).isEqualTo(64);
    }

    @Test
    void anAlgorithmThatDoesNotFitTheKeyOrContradictsItsHashIsRefused() {
        assertThatThrownBy(() -> HashSigner.algorithm("1.2.840.10045.4.3.2", null, null, PrivateKeyFamily.RSA))
                .isInstanceOf(CscException.class).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> HashSigner.algorithm("1.2.840.113549.1.1.11", HashSigner.SHA384, null,
                PrivateKeyFamily.RSA)).isInstanceOf(CscException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> HashSigner.algorithm(HashSigner.RSA, null, null, PrivateKeyFamily.RSA))
                .isInstanceOf(CscException.class).hasMessageContaining("hashAlgorithmOID");
        // SHA-1 (the default of empty RSASSA-PSS parameters) is not signed
        assertThatThrownBy(() -> HashSigner.algorithm(HashSigner.RSA, "1.3.14.3.2.26", null, PrivateKeyFamily.RSA))
                .isInstanceOf(CscException.class);
        assertThatThrownBy(() -> HashSigner.algorithm(HashSigner.RSA_PSS, null, new byte[] {0x30, 0x00},
                PrivateKeyFamily.RSA)).isInstanceOf(CscException.class);
        assertThatThrownBy(() -> HashSigner.algorithm(HashSigner.RSA_PSS, null, new byte[] {1, 2, 3},
                PrivateKeyFamily.RSA)).isInstanceOf(CscException.class).hasMessageContaining("signAlgoParams");
    }
}
