package vn.kyso.ca.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.kyso.ca.testing.CaAssertions.assertCode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CustodyIssueRequest;
import vn.kyso.ca.KeyActivation;
import vn.kyso.ca.RevocationReason;
import vn.kyso.ca.testing.DatabaseTest;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;

class KeyActivationsTest {

    private static final char[] PIN = "246810".toCharArray();

    @TempDir
    Path dir;

    private record Setup(TestCa t, MutableClock clock, CertificateRecord record) {
    }

    private Setup setup(TestDatabase db, String cccd) {
        MutableClock clock = MutableClock.now();
        TestCa t = TestCa.open(db, dir, clock);
        long officer = t.officer(cccd);
        return new Setup(t, clock, t.custody(officer, "personal", PIN, false));
    }

    @DatabaseTest
    void oneCorrectPinAllowsExactlyTheGrantedSignaturesAndIsAuditedOnce(TestDatabase db) throws Exception {
        Setup s = setup(db, "079000000040");
        int auditBefore = s.t.ca.auditLog(0, 10_000).size();

        KeyActivation activation = s.t.ca.activateCustodyKey("officer", s.record.serial(), PIN, 3, Duration.ofMinutes(5));

        assertThat(activation.token()).startsWith("kysa_");
        assertThat(activation.toString()).doesNotContain(activation.token());
        assertThat(activation.signaturesLeft()).isEqualTo(3);
        assertThat(activation.expiresAt()).isCloseTo(s.clock.instant().plus(Duration.ofMinutes(5)),
                org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS));
        byte[] data = "văn bản".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            byte[] signature = s.t.ca.withActivatedKey("officer", activation.token(), 1, key -> {
                assertThat(key.certificate()).isEqualTo(s.record.certificate());
                assertThat(key.chain()).hasSize(3);
                Signature signer = Signature.getInstance("SHA256withECDSA");
                signer.initSign(key.privateKey());
                signer.update(data);
                return signer.sign();
            });
            Signature verify = Signature.getInstance("SHA256withECDSA");
            verify.initVerify(s.record.certificate().getPublicKey());
            verify.update(data);
            assertThat(verify.verify(signature)).isTrue();
        }
        CaException exhausted = catchThrowableOfType(CaException.class,
                () -> s.t.ca.withActivatedKey("officer", activation.token(), 1, k -> "signed"));
        assertThat(exhausted.code()).isEqualTo(CaException.ErrorCode.ACTIVATION_EXHAUSTED);
        assertThat(exhausted.signaturesLeft()).hasValue(0);

        List<String> actions = s.t.ca.auditLog(0, 10_000).stream().skip(auditBefore).map(e -> e.action()).toList();
        assertThat(actions).containsExactly("KEY_ACTIVATED");
        assertThat(s.t.ca.auditLog(0, 10_000).get(auditBefore + 0).details())
                .contains("activation=" + activation.id()).contains("signatures=3");
    }

    @DatabaseTest
    void aBatchTakesSeveralSignaturesAtOnceOrNoneWhenTooFewAreLeft(TestDatabase db) {
        Setup s = setup(db, "079000000041");
        KeyActivation activation = s.t.ca.activateCustodyKey("officer", s.record.serial(), PIN, 5, Duration.ofMinutes(5));

        s.t.ca.withActivatedKey("officer", activation.token(), 4, k -> "four");
        CaException tooMany = catchThrowableOfType(CaException.class,
                () -> s.t.ca.withActivatedKey("officer", activation.token(), 2, k -> "two"));

        assertThat(tooMany.code()).isEqualTo(CaException.ErrorCode.ACTIVATION_EXHAUSTED);
        assertThat(tooMany.signaturesLeft()).hasValue(1);
        assertThat(s.t.ca.keyActivation("officer", activation.id()).signaturesLeft()).isEqualTo(1);
    }

    @DatabaseTest
    void aWrongPinActivatesNothingCountsTowardTheLockAndSaysHowManyAttemptsAreLeft(TestDatabase db) {
        Setup s = setup(db, "079000000042");

        CaException wrong = catchThrowableOfType(CaException.class, () -> s.t.ca.activateCustodyKey("officer",
                s.record.serial(), "000000".toCharArray(), 10, Duration.ofMinutes(5)));

        assertThat(wrong.code()).isEqualTo(CaException.ErrorCode.WRONG_PIN);
        assertThat(wrong.attemptsLeft()).hasValue(4);
        assertThat(wrong.getMessage()).doesNotContain("000000");
        assertThat(rows(db)).isZero();
        for (int i = 0; i < 4; i++) {
            try {
                s.t.ca.activateCustodyKey("officer", s.record.serial(), "000000".toCharArray(), 10, Duration.ofMinutes(5));
            } catch (CaException expected) {
                // counted
            }
        }
        assertCode(() -> s.t.ca.activateCustodyKey("officer", s.record.serial(), PIN, 10, Duration.ofMinutes(5)),
                CaException.ErrorCode.KEY_LOCKED);
    }

    @DatabaseTest
    void anotherAccountsExpiredEndedOrForgedTokenIsRefused(TestDatabase db) {
        Setup s = setup(db, "079000000043");
        KeyActivation activation = s.t.ca.activateCustodyKey("officer", s.record.serial(), PIN, 10, Duration.ofMinutes(5));

        assertCode(() -> s.t.ca.withActivatedKey("someone-else", activation.token(), 1, k -> "x"),
                CaException.ErrorCode.ACTIVATION_NOT_YOURS);
        assertThat(s.t.ca.auditLog(0, 10_000)).extracting(e -> e.action()).contains("KEY_ACTIVATION_REFUSED");
        byte[] secret = Base64.getUrlDecoder().decode(activation.token().substring(5));
        secret[40] ^= 1; // the lookup half is right, the key half is not
        String forged = "kysa_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        assertCode(() -> s.t.ca.withActivatedKey("officer", forged, 1, k -> "x"), CaException.ErrorCode.ACTIVATION_UNKNOWN);
        assertCode(() -> s.t.ca.withActivatedKey("officer", "kysa_nonsense", 1, k -> "x"),
                CaException.ErrorCode.ACTIVATION_UNKNOWN);
        assertThat(s.t.ca.keyActivation("officer", activation.id()).signaturesLeft()).isEqualTo(10);

        s.clock.advance(Duration.ofMinutes(5));
        assertCode(() -> s.t.ca.withActivatedKey("officer", activation.token(), 1, k -> "x"),
                CaException.ErrorCode.ACTIVATION_EXPIRED);

        KeyActivation second = s.t.ca.activateCustodyKey("officer", s.record.serial(), PIN, 10, Duration.ofMinutes(5));
        s.t.ca.withActivatedKey("officer", second.token(), 1, k -> "x");
        KeyActivation ended = s.t.ca.endKeyActivation("officer", second.id());
        assertThat(ended.ended()).isTrue();
        assertCode(() -> s.t.ca.withActivatedKey("officer", second.token(), 1, k -> "x"),
                CaException.ErrorCode.ACTIVATION_EXPIRED);
        assertThat(wrappedKeyLength(db, second.id())).isZero();
        assertCode(() -> s.t.ca.endKeyActivation("someone-else", second.id()), CaException.ErrorCode.ACTIVATION_NOT_YOURS);
        assertThat(s.t.ca.auditLog(0, 10_000)).extracting(e -> e.action()).contains("KEY_ACTIVATION_ENDED");
    }

    @DatabaseTest
    void revokingOrSuspendingTheCertificateStopsTheActivationAtItsNextUse(TestDatabase db) {
        Setup s = setup(db, "079000000044");
        KeyActivation activation = s.t.ca.activateCustodyKey("officer", s.record.serial(), PIN, 10, Duration.ofMinutes(5));
        s.t.ca.withActivatedKey("officer", activation.token(), 1, k -> "x");

        s.t.ca.suspend("admin", s.record.serial());
        assertCode(() -> s.t.ca.withActivatedKey("officer", activation.token(), 1, k -> "x"),
                CaException.ErrorCode.INVALID_STATUS);
        s.t.ca.release("admin", s.record.serial());
        s.t.ca.withActivatedKey("officer", activation.token(), 1, k -> "x");

        s.t.ca.revoke("admin", s.record.serial(), RevocationReason.KEY_COMPROMISE);
        assertCode(() -> s.t.ca.withActivatedKey("officer", activation.token(), 1, k -> "x"),
                CaException.ErrorCode.INVALID_STATUS);
        assertThat(s.t.ca.keyActivation("officer", activation.id()).signaturesLeft()).isEqualTo(8);
    }

    @DatabaseTest
    void theDatabaseRowAloneHoldsNoUsableKey(TestDatabase db) {
        Setup s = setup(db, "079000000045");
        KeyActivation activation = s.t.ca.activateCustodyKey("officer", s.record.serial(), PIN, 10, Duration.ofMinutes(5));
        byte[] pkcs8 = s.t.ca.withActivatedKey("officer", activation.token(), 1, k -> k.privateKey().getEncoded());
        String stored = JdbcClient.create(db.dataSource())
                .sql("SELECT lookup_hash FROM ca_custody_activation WHERE id = ?").param(activation.id())
                .query(String.class).single();
        byte[] wrapped = JdbcClient.create(db.dataSource())
                .sql("SELECT wrapped_key FROM ca_custody_activation WHERE id = ?").param(activation.id())
                .query(byte[].class).single();

        assertThat(activation.token()).doesNotContain(stored);
        assertThat(indexOf(wrapped, java.util.Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length))).isNegative();
        assertThat(wrapped.length).isGreaterThan(pkcs8.length); // two AES-GCM layers: IVs and tags
    }

    @DatabaseTest
    void concurrentUsesNeverTakeMoreSignaturesThanGranted(TestDatabase db) throws Exception {
        Setup s = setup(db, "079000000046");
        KeyActivation activation = s.t.ca.activateCustodyKey("officer", s.record.serial(), PIN, 40, Duration.ofMinutes(5));
        AtomicInteger used = new AtomicInteger();
        AtomicInteger exhausted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                futures.add(pool.submit(() -> {
                    try {
                        s.t.ca.withActivatedKey("officer", activation.token(), 1, k -> used.incrementAndGet());
                    } catch (CaException e) {
                        assertThat(e.code()).isEqualTo(CaException.ErrorCode.ACTIVATION_EXHAUSTED);
                        exhausted.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(used).hasValue(40);
        assertThat(exhausted).hasValue(60);
        assertThat(wrappedKeyLength(db, activation.id())).isZero();
    }

    @DatabaseTest
    void nonsenseLimitsAreRefused(TestDatabase db) {
        Setup s = setup(db, "079000000047");
        BigInteger serial = s.record.serial();
        assertCode(() -> s.t.ca.activateCustodyKey("officer", serial, PIN, 0, Duration.ofMinutes(5)),
                CaException.ErrorCode.INVALID_REQUEST);
        assertCode(() -> s.t.ca.activateCustodyKey("officer", serial, PIN, 1, Duration.ZERO),
                CaException.ErrorCode.INVALID_REQUEST);
        assertThat(s.t.ca.isKeyLocked(serial)).isFalse();
    }

    private static int rows(TestDatabase db) {
        return JdbcClient.create(db.dataSource()).sql("SELECT COUNT(*) FROM ca_custody_activation")
                .query(Integer.class).single();
    }

    private static int wrappedKeyLength(TestDatabase db, long id) {
        return JdbcClient.create(db.dataSource()).sql("SELECT wrapped_key FROM ca_custody_activation WHERE id = ?")
                .param(id).query(byte[].class).single().length;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
