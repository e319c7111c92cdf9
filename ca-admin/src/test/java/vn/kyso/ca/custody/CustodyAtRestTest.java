package vn.kyso.ca.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.util.Arrays;
import java.util.Optional;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CaKeyStore;
import vn.kyso.ca.CaSettings;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CustodyIssueRequest;
import vn.kyso.ca.KeyAlgorithm;
import vn.kyso.ca.db.CaDatabase;
import vn.kyso.ca.testing.DatabaseTest;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;

/**
 * What a stolen database holds of a custody key: the row is read as stored and taken apart with
 * Bouncy Castle's own Argon2id and AES-GCM, not with the module's code, so the layers are shown
 * as they are rather than as KeySeal believes them to be.
 */
class CustodyAtRestTest {

    private static final char[] PIN = "246810".toCharArray();
    private static final char[] WRONG = "135790".toCharArray();
    private static final int IV = 12;
    private static final int TAG = 16;

    @TempDir
    Path dir;

    /** The row of ca_custody_key as stored. */
    private record StoredKey(long id, long subscriberId, String algorithm, String kdf, byte[] salt, byte[] sealed) {
    }

    @DatabaseTest
    void theStoredKeyOpensOnlyWithThePinAndThisServersMasterKeyTogether(TestDatabase db) throws Exception {
        // The production Argon2id cost; a P-256 key only because it is generated faster than RSA.
        CaSettings.Custody production = CaSettings.Custody.defaults();
        CaSettings settings = TestCa.fastSettings(dir).withCustody(new CaSettings.Custody(KeyAlgorithm.EC_P256,
                production.argonMemoryKib(), production.argonIterations(), production.argonParallelism(),
                production.maxPinAttempts(), production.exportAllowed()));
        MutableClock clock = MutableClock.now();
        TestCa t = TestCa.open(db, settings, clock);
        CertificateRecord record = t.custody(t.officer("079000000036"), "personal", PIN, false);
        byte[] pkcs8 = t.ca.withCustodyKey("officer", record.serial(), PIN, k -> k.privateKey().getEncoded());
        BigInteger scalar = t.ca.withCustodyKey("officer", record.serial(), PIN,
                k -> ((ECPrivateKey) k.privateKey()).getS());
        StoredKey row = stored(db, record);

        // Nothing of the private key at rest: not its PKCS#8 encoding, not its algorithm's DER, not its scalar.
        for (byte[] column : new byte[][] {row.sealed(), row.salt()}) {
            assertThat(indexOf(column, pkcs8)).isNegative();
            assertThat(indexOf(column, PrivateKeyInfo.getInstance(pkcs8).getPrivateKeyAlgorithm().getEncoded()))
                    .isNegative();
            assertThat(indexOf(column, BigIntegers.asUnsignedByteArray(32, scalar))).isNegative();
        }
        // Two AES-GCM layers, each adding its IV and tag.
        assertThat(row.sealed()).hasSize(pkcs8.length + 2 * (IV + TAG));

        // Memory-hard: Argon2id at the configured cost, stored beside the key; at least OWASP's 19 MiB and 2 passes.
        assertThat(row.kdf()).isEqualTo("argon2id;v=19;m=32768;t=3;p=1");
        assertThat(production.argonMemoryKib()).isGreaterThanOrEqualTo(19 * 1024);
        assertThat(production.argonIterations()).isGreaterThanOrEqualTo(2);

        byte[] aad = KeySeal.aad(row.subscriberId(), row.algorithm());
        byte[] pinKey = argon2id(PIN, row.salt(), 32 * 1024, 3, 1);
        // The PIN alone opens nothing: its key does not open what is stored.
        assertThat(gcmOpen(pinKey, row.sealed(), aad)).isEmpty();
        // The master key takes off the outer layer only: the PIN's Argon2id key, and no other, opens the inner one.
        byte[] master = CaKeyStore.pkcs12(dir.resolve("ca-keys.p12"), TestCa.PASSPHRASE).masterKey().getEncoded();
        byte[] inner = gcmOpen(master, row.sealed(), aad).orElseThrow();
        assertThat(indexOf(inner, pkcs8)).isNegative();
        assertThat(gcmOpen(argon2id(WRONG, row.salt(), 32 * 1024, 3, 1), inner, aad)).isEmpty();
        assertThat(gcmOpen(pinKey, inner, aad)).hasValueSatisfying(opened -> assertThat(opened).isEqualTo(pkcs8));

        // The module's own custody with another server's master key refuses the right PIN; with this one it opens.
        CaDatabase database = CaDatabase.migrate(db.dataSource());
        KeyCustody elsewhere = new KeyCustody(database, settings.custody(),
                CaKeyStore.pkcs12(dir.resolve("elsewhere.p12"), "another-server".toCharArray()), clock,
                new SecureRandom());
        CaException refused = catchThrowableOfType(CaException.class,
                () -> database.inTransaction(() -> elsewhere.open(row.id(), PIN)));
        assertThat(refused.code()).isEqualTo(CaException.ErrorCode.KEY_STORE_ERROR);
        assertThat(refused).hasMessageNotContaining(new String(PIN));
        KeyCustody here = new KeyCustody(database, settings.custody(),
                CaKeyStore.pkcs12(dir.resolve("ca-keys.p12"), TestCa.PASSPHRASE), clock, new SecureRandom());
        assertThat(database.inTransaction(() -> here.open(row.id(), PIN)).key().getEncoded())
                .isEqualTo(pkcs8);
    }

    private static StoredKey stored(TestDatabase db, CertificateRecord record) {
        return JdbcClient.create(db.dataSource())
                .sql("SELECT k.id, k.subscriber_id, k.algorithm, k.kdf_params, k.salt, k.sealed_key "
                        + "FROM ca_custody_key k JOIN ca_certificate c ON c.custody_key_id = k.id WHERE c.serial = ?")
                .param(record.serialHex())
                .query((rs, n) -> new StoredKey(rs.getLong("id"), rs.getLong("subscriber_id"), rs.getString("algorithm"),
                        rs.getString("kdf_params"), rs.getBytes("salt"), rs.getBytes("sealed_key")))
                .single();
    }

    private static byte[] argon2id(char[] pin, byte[] salt, int memoryKib, int iterations, int parallelism) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(memoryKib)
                .withIterations(iterations).withParallelism(parallelism).withSalt(salt).build());
        byte[] key = new byte[32];
        generator.generateBytes(pin, key);
        return key;
    }

    /** AES-GCM over IV (12 bytes) | ciphertext | tag (16 bytes); empty when the key or AAD is not the right one. */
    private static Optional<byte[]> gcmOpen(byte[] key, byte[] sealed, byte[] aad) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(false, new AEADParameters(new KeyParameter(key), TAG * 8, Arrays.copyOf(sealed, IV), aad));
        byte[] out = new byte[gcm.getOutputSize(sealed.length - IV)];
        try {
            int n = gcm.processBytes(sealed, IV, sealed.length - IV, out, 0);
            n += gcm.doFinal(out, n);
            return Optional.of(Arrays.copyOf(out, n));
        } catch (InvalidCipherTextException e) {
            return Optional.empty();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
