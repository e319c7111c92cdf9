package vn.kyso.ca.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.CaKeyStore;
import vn.kyso.ca.KeyAlgorithm;

/**
 * Two instances of the service sharing one data folder each hold the CA keystore file open: what
 * one writes must not be lost or contradicted by what the other writes later.
 */
class SharedPkcs12CaKeyStoreTest {

    private static final char[] PASSPHRASE = "chung-kho-khoa-2026".toCharArray();

    @TempDir
    Path dir;

    @Test
    void bothInstancesUseTheMasterKeyTheFirstOneCreated() {
        CaKeyStore first = CaKeyStore.pkcs12(dir.resolve("ca-keys.p12"), PASSPHRASE);
        store(first, "kyso-root");
        CaKeyStore second = CaKeyStore.pkcs12(dir.resolve("ca-keys.p12"), PASSPHRASE);

        byte[] fromFirst = first.masterKey().getEncoded();
        byte[] fromSecond = second.masterKey().getEncoded();

        assertThat(fromSecond).isEqualTo(fromFirst);
        assertThat(CaKeyStore.pkcs12(dir.resolve("ca-keys.p12"), PASSPHRASE).masterKey().getEncoded())
                .isEqualTo(fromFirst);
    }

    @Test
    void anEntryWrittenByOneInstanceSurvivesTheOthersLaterWrite() {
        CaKeyStore first = CaKeyStore.pkcs12(dir.resolve("ca-keys.p12"), PASSPHRASE);
        CaKeyStore second = CaKeyStore.pkcs12(dir.resolve("ca-keys.p12"), PASSPHRASE);
        first.masterKey();
        store(first, "kyso-ocsp");

        store(second, "kyso-tsa");

        CaKeyStore reopened = CaKeyStore.pkcs12(dir.resolve("ca-keys.p12"), PASSPHRASE);
        assertThat(reopened.contains("kyso-ocsp")).isTrue();
        assertThat(reopened.contains("kyso-tsa")).isTrue();
        assertThat(reopened.masterKey().getEncoded()).isEqualTo(first.masterKey().getEncoded());
    }

    /** Stores a fresh key under the alias with a self-signed certificate of it. */
    private static void store(CaKeyStore store, String alias) {
        KeyPair pair = store.generate(KeyAlgorithm.EC_P256);
        try {
            X500Name name = new X500Name("CN=" + alias);
            Instant now = Instant.now();
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                    BigInteger.ONE, Date.from(now), Date.from(now.plusSeconds(3600)), name, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            store.store(alias, pair.getPrivate(), List.of(cert));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
