package vn.kyso.signing.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

class NativeCryptoTest {

    private static final byte[] DATA = "Công văn số 123/UBND-VP".getBytes(StandardCharsets.UTF_8);
    private static final Provider BC = new BouncyCastleProvider();

    @Test
    void nativeCryptoIsFoundOnThisPlatformButNeverRegisteredJvmWide() {
        NativeCrypto crypto = NativeCrypto.wanted(true);

        assertThat(crypto.active()).as(crypto.describe()).isTrue();
        assertThat(crypto.describe()).startsWith("native (AmazonCorrettoCryptoProvider");
        assertThat(Arrays.stream(Security.getProviders()).map(Provider::getName))
                .doesNotContain(crypto.provider().orElseThrow().getName());
    }

    @Test
    void anRsaKeyIsConvertedOnceAndItsNativeSignaturesVerifyWithBouncyCastle() throws Exception {
        KeyPair pair = rsa();

        PreparedKey prepared = NativeCrypto.wanted(true).prepare(pair.getPrivate(), null);

        assertThat(prepared.kind()).isEqualTo(PreparedKey.Kind.NATIVE);
        assertThat(prepared.key()).isNotSameAs(pair.getPrivate());
        assertThat(prepared.key().getClass().getName()).startsWith("com.amazon.corretto");
        assertThat(verifiesWithBc("SHA256withRSA", pair, sign("SHA256withRSA", prepared))).isTrue();
    }

    @Test
    void ecKeysOfEveryCaCurveSignNativelyAndVerifyWithBouncyCastle() throws Exception {
        for (String[] curve : new String[][] {{"secp256r1", "SHA256withECDSA"}, {"secp384r1", "SHA384withECDSA"}}) {
            KeyPair pair = ec(curve[0]);

            PreparedKey prepared = NativeCrypto.wanted(true).prepare(pair.getPrivate(), null);

            assertThat(prepared.kind()).isEqualTo(PreparedKey.Kind.NATIVE);
            assertThat(verifiesWithBc(curve[1], pair, sign(curve[1], prepared))).as(curve[0]).isTrue();
        }
    }

    @Test
    void switchedOffRsaStaysWithTheJdkAndEcGoesToBouncyCastle() throws Exception {
        KeyPair rsa = rsa();
        KeyPair ec = ec("secp384r1");

        PreparedKey rsaKey = NativeCrypto.wanted(false).prepare(rsa.getPrivate(), null);
        PreparedKey ecKey = NativeCrypto.off().prepare(ec.getPrivate(), null);

        assertThat(NativeCrypto.off().active()).isFalse();
        assertThat(NativeCrypto.off().describe()).contains("switched off");
        assertThat(rsaKey.kind()).isEqualTo(PreparedKey.Kind.JDK);
        assertThat(rsaKey.key()).isSameAs(rsa.getPrivate());
        assertThat(rsaKey.provider()).isNull();
        assertThat(ecKey.kind()).isEqualTo(PreparedKey.Kind.BOUNCY_CASTLE);
        assertThat(verifiesWithBc("SHA256withRSA", rsa, sign("SHA256withRSA", rsaKey))).isTrue();
        assertThat(verifiesWithBc("SHA384withECDSA", ec, sign("SHA384withECDSA", ecKey))).isTrue();
    }

    @Test
    void theSystemPropertySwitchesNativeCryptoOffForTheWholeJvm() {
        String before = System.getProperty(NativeCrypto.SWITCH);
        System.setProperty(NativeCrypto.SWITCH, "false");
        try {
            assertThat(NativeCrypto.system().active()).isFalse();
            assertThat(NativeCrypto.wanted(true).active()).isFalse();
        } finally {
            if (before == null) {
                System.clearProperty(NativeCrypto.SWITCH);
            } else {
                System.setProperty(NativeCrypto.SWITCH, before);
            }
        }
        assertThat(NativeCrypto.system().active()).isTrue();
    }

    @Test
    void aTokenKeyStaysWithItsOwnProvider() throws Exception {
        KeyPair pair = rsa();
        Provider token = new BouncyCastleProvider(); // stands for a PKCS#11 provider

        PreparedKey prepared = NativeCrypto.wanted(true).prepare(pair.getPrivate(), token);

        assertThat(prepared.kind()).isEqualTo(PreparedKey.Kind.KEY_PROVIDER);
        assertThat(prepared.key()).isSameAs(pair.getPrivate());
        assertThat(prepared.provider()).isSameAs(token);
    }

    @Test
    void aKeyThatCannotBeExportedFallsBackToTheDefaultProviders() {
        PrivateKey opaque = new PrivateKey() {
            @Override
            public String getAlgorithm() {
                return "RSA";
            }

            @Override
            public String getFormat() {
                return null;
            }

            @Override
            public byte[] getEncoded() {
                return null;
            }
        };

        PreparedKey prepared = NativeCrypto.wanted(true).prepare(opaque, null);

        assertThat(prepared.kind()).isEqualTo(PreparedKey.Kind.JDK);
        assertThat(prepared.key()).isSameAs(opaque);
    }

    private static byte[] sign(String algorithm, PreparedKey key) throws Exception {
        Signature signer = key.signer(algorithm);
        signer.update(DATA);
        return signer.sign();
    }

    private static boolean verifiesWithBc(String algorithm, KeyPair pair, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance(algorithm, BC);
        verifier.initVerify(pair.getPublic());
        verifier.update(DATA);
        return verifier.verify(signature);
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static KeyPair ec(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }
}
