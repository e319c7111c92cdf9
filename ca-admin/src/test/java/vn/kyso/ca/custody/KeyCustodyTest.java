package vn.kyso.ca.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.ca.testing.CaAssertions.assertCode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CaSettings;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CustodyIssueRequest;
import vn.kyso.ca.KeyExport;
import vn.kyso.ca.UnlockedKey;
import vn.kyso.ca.testing.DatabaseTest;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.Openssl;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;

class KeyCustodyTest {

    private static final char[] PIN = "246810".toCharArray();
    private static final char[] WRONG = "135790".toCharArray();

    @TempDir
    Path dir;

    private static byte[] sign(UnlockedKey key, byte[] data) throws Exception {
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(key.privateKey());
        s.update(data);
        return s.sign();
    }

    @DatabaseTest
    void theRightPinUnlocksTheKeyForOneSignatureWithItsChain(TestDatabase db) throws Exception {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079000000030");
        CertificateRecord record = t.custody(officer, "personal", PIN, false);
        assertThat(record.custodyKey()).isTrue();
        byte[] data = "văn bản".getBytes(StandardCharsets.UTF_8);

        byte[] signature = t.ca.withCustodyKey("officer", record.serial(), PIN, key -> {
            assertThat(key.chain()).hasSize(3);
            assertThat(key.chain().get(1)).isEqualTo(t.ca.issuingCertificate());
            return sign(key, data);
        });

        X509Certificate cert = record.certificate();
        Signature verify = Signature.getInstance("SHA256withECDSA");
        verify.initVerify(cert.getPublicKey());
        verify.update(data);
        assertThat(verify.verify(signature)).isTrue();
        assertThat(t.ca.auditLog(0, 1000)).extracting(e -> e.action()).contains("KEY_UNLOCKED");
    }

    @DatabaseTest
    void fiveWrongPinsLockTheKeyForGoodAndANewKeyWhosePinTheHolderChoosesIsTheCure(TestDatabase db) throws Exception {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079000000031");
        BigInteger serial = t.custody(officer, "personal", PIN, false).serial();

        for (int i = 1; i <= 4; i++) {
            assertCode(() -> t.ca.withCustodyKey("officer", serial, WRONG, k -> "signed"), CaException.ErrorCode.WRONG_PIN);
        }
        assertThat(t.ca.isKeyLocked(serial)).isFalse();
        assertCode(() -> t.ca.withCustodyKey("officer", serial, WRONG, k -> "signed"), CaException.ErrorCode.KEY_LOCKED);
        assertThat(t.ca.isKeyLocked(serial)).isTrue();
        assertCode(() -> t.ca.withCustodyKey("officer", serial, PIN, k -> "signed"), CaException.ErrorCode.KEY_LOCKED);
        assertCode(() -> t.ca.changePin("officer", serial, PIN, "999999".toCharArray()), CaException.ErrorCode.KEY_LOCKED);

        CertificateRecord fresh = t.ca.rekeyWithCustody("admin", serial, false);
        assertThat(t.ca.certificate(serial).orElseThrow().status()).isEqualTo(vn.kyso.ca.CertificateStatus.REVOKED);
        assertCode(() -> t.ca.withCustodyKey("officer", fresh.serial(), PIN, k -> "signed"),
                CaException.ErrorCode.PIN_NOT_CHOSEN);
        t.ca.choosePin("officer", fresh.serial(), "864213".toCharArray());
        String signed = t.ca.withCustodyKey("officer", fresh.serial(), "864213".toCharArray(), k -> "signed");
        assertThat(signed).isEqualTo("signed");
        assertThat(t.ca.auditLog(0, 1000)).extracting(e -> e.action())
                .contains("KEY_UNLOCK_FAILED", "KEY_LOCKED", "KEY_UNLOCK_REFUSED", "KEY_PIN_CHOSEN", "KEY_UNLOCKED")
                .doesNotContain("KEY_PIN_RESET");
        assertThat(t.ca.verifyAuditChain().intact()).isTrue();
    }

    @DatabaseTest
    void aNewCustodyKeyOpensForNobodyUntilItsHolderChoosesThePinOnce(TestDatabase db) throws Exception {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079000000038");
        // issue 13: custody issuance takes no PIN, so whoever issues never knows one that opens the key
        assertThat(java.util.Arrays.stream(CustodyIssueRequest.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName)).doesNotContain("pin");
        BigInteger serial = t.ca.issueWithCustody("admin", new CustodyIssueRequest(officer, "personal", false)).serial();

        assertThat(t.ca.pinChosen(serial)).isFalse();
        for (char[] guess : new char[][] {PIN, "123456".toCharArray(), "000000".toCharArray()}) {
            assertCode(() -> t.ca.withCustodyKey("admin", serial, guess, k -> "signed"),
                    CaException.ErrorCode.PIN_NOT_CHOSEN);
            assertCode(() -> t.ca.activateCustodyKey("admin", serial, guess, 1, java.time.Duration.ofMinutes(1)),
                    CaException.ErrorCode.PIN_NOT_CHOSEN);
        }
        assertCode(() -> t.ca.choosePin("officer", serial, "12345".toCharArray()), CaException.ErrorCode.INVALID_REQUEST);

        t.ca.choosePin("officer", serial, PIN);
        assertThat(t.ca.pinChosen(serial)).isTrue();
        assertCode(() -> t.ca.choosePin("admin", serial, WRONG), CaException.ErrorCode.PIN_ALREADY_CHOSEN);
        assertCode(() -> t.ca.withCustodyKey("admin", serial, WRONG, k -> "signed"), CaException.ErrorCode.WRONG_PIN);
        String signed = t.ca.withCustodyKey("officer", serial, PIN, k -> "signed");
        assertThat(signed).isEqualTo("signed");
        assertThat(t.ca.isKeyLocked(serial)).isFalse();
        assertThat(t.ca.auditLog(0, 1000)).extracting(e -> e.action() + " " + e.details())
                .contains("KEY_PIN_CHOSEN ", "KEY_PIN_CHOICE_REFUSED a PIN was chosen already",
                        "KEY_UNLOCK_REFUSED no PIN chosen yet");
    }

    @DatabaseTest
    void theHolderChangesThePinWithTheCurrentOneAndAWrongCurrentPinCountsTowardTheLock(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079000000039");
        BigInteger serial = t.custody(officer, "personal", PIN, false).serial();
        char[] next = "97531864".toCharArray();

        assertCode(() -> t.ca.changePin("officer", serial, WRONG, next), CaException.ErrorCode.WRONG_PIN);
        assertCode(() -> t.ca.changePin("officer", serial, null, next), CaException.ErrorCode.WRONG_PIN);
        assertCode(() -> t.ca.changePin("officer", serial, PIN, "1".toCharArray()), CaException.ErrorCode.INVALID_REQUEST);
        t.ca.changePin("officer", serial, PIN, next);

        assertCode(() -> t.ca.withCustodyKey("officer", serial, PIN, k -> 1), CaException.ErrorCode.WRONG_PIN);
        Integer used = t.ca.withCustodyKey("officer", serial, next, k -> 1);
        assertThat(used).isEqualTo(1);
        assertThat(t.ca.auditLog(0, 1000)).extracting(e -> e.action()).contains("KEY_PIN_CHANGED");
    }

    @DatabaseTest
    void aCorrectPinResetsTheCountOfWrongOnes(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079000000032");
        BigInteger serial = t.custody(officer, "personal", PIN, false).serial();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                assertCode(() -> t.ca.withCustodyKey("o", serial, WRONG, k -> 1), CaException.ErrorCode.WRONG_PIN);
            }
            Integer result = t.ca.withCustodyKey("o", serial, PIN, k -> 1);
            assertThat(result).isEqualTo(1);
        }
        assertThat(t.ca.isKeyLocked(serial)).isFalse();
    }

    @DatabaseTest
    void aSuspendedCertificatesKeyCannotBeUsed(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079000000033");
        BigInteger serial = t.custody(officer, "personal", PIN, false).serial();
        t.ca.suspend("admin", serial);
        assertCode(() -> t.ca.withCustodyKey("o", serial, PIN, k -> 1), CaException.ErrorCode.INVALID_STATUS);
    }

    @DatabaseTest
    void thePkcs12ExportOpensInOpensslAndPk12utilAndHappensOnce(TestDatabase db) throws Exception {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079000000034");
        BigInteger allowed = t.custody(officer, "personal", PIN, true).serial();
        BigInteger forbidden = t.custody(officer, "personal", PIN, false).serial();
        char[] password = "export-password-1".toCharArray();

        byte[] p12 = t.ca.exportPkcs12("officer", allowed, PIN, password);

        Path file = Openssl.write(dir, "export.p12", p12);
        Openssl.Result info = Openssl.run(dir, "openssl", "pkcs12", "-info", "-in", file.toString(),
                "-passin", "pass:export-password-1", "-nodes");
        assertThat(info.exit()).as(info.output()).isZero();
        assertThat(info.output()).contains("BEGIN PRIVATE KEY", "BEGIN CERTIFICATE", "CCCD:079000000034");
        Path nss = dir.resolve("nss");
        java.nio.file.Files.createDirectories(nss);
        Openssl.run(dir, "certutil", "-N", "-d", "sql:" + nss, "--empty-password");
        Openssl.Result pk12util = Openssl.run(dir, "pk12util", "-i", file.toString(), "-d", "sql:" + nss,
                "-W", "export-password-1");
        assertThat(pk12util.output()).contains("PKCS12 IMPORT SUCCESSFUL");

        assertThat(t.ca.keyExport(allowed)).isEqualTo(KeyExport.DONE);
        assertCode(() -> t.ca.exportPkcs12("officer", allowed, PIN, password), CaException.ErrorCode.ALREADY_EXPORTED);
        assertThat(t.ca.keyExport(forbidden)).isEqualTo(KeyExport.NOT_ALLOWED);
        assertCode(() -> t.ca.exportPkcs12("officer", forbidden, PIN, password), CaException.ErrorCode.EXPORT_NOT_ALLOWED);
        assertThat(t.ca.auditLog(0, 1000)).extracting(e -> e.action() + " " + e.details())
                .containsOnlyOnce("KEY_EXPORTED ").contains("KEY_EXPORT_REFUSED exported already",
                        "KEY_EXPORT_REFUSED not allowed by policy");
    }

    @DatabaseTest
    void aWrongPinForAnExportCountsTowardTheLockLikeASignature(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079000000036");
        BigInteger serial = t.custody(officer, "personal", PIN, true).serial();
        char[] password = "export-password-1".toCharArray();

        for (int i = 1; i <= 4; i++) {
            assertCode(() -> t.ca.exportPkcs12("officer", serial, WRONG, password), CaException.ErrorCode.WRONG_PIN);
        }
        assertCode(() -> t.ca.withCustodyKey("officer", serial, WRONG, k -> 1), CaException.ErrorCode.KEY_LOCKED);
        assertCode(() -> t.ca.exportPkcs12("officer", serial, PIN, password), CaException.ErrorCode.KEY_LOCKED);
        assertThat(t.ca.keyExport(serial)).isEqualTo(KeyExport.AVAILABLE);
    }

    @DatabaseTest
    void turningTheExportSettingOffRefusesKeysIssuedWhileItWasOnWithoutTouchingThem(TestDatabase db) throws Exception {
        CaSettings on = TestCa.fastSettings(dir);
        TestCa issuer = TestCa.open(db, on, MutableClock.now());
        long officer = issuer.officer("079000000037");
        BigInteger serial = issuer.custody(officer, "personal", PIN, true).serial();
        CaSettings.Custody c = on.custody();
        TestCa off = TestCa.open(db, on.withCustody(new CaSettings.Custody(c.keyAlgorithm(), c.argonMemoryKib(),
                c.argonIterations(), c.argonParallelism(), c.maxPinAttempts(), false)), MutableClock.now());
        char[] password = "export-password-1".toCharArray();

        assertThat(off.ca.keyExport(serial)).isEqualTo(KeyExport.NOT_ALLOWED);
        // refused before the PIN is tried: five wrong PINs are not counted, the right one opens nothing
        for (char[] pin : new char[][] {WRONG, PIN, WRONG, WRONG, WRONG, WRONG}) {
            assertCode(() -> off.ca.exportPkcs12("officer", serial, pin, password),
                    CaException.ErrorCode.EXPORT_NOT_ALLOWED);
        }

        assertThat(off.ca.isKeyLocked(serial)).isFalse();
        assertThat(off.ca.auditLog(0, 1000)).extracting(e -> e.action())
                .doesNotContain("KEY_EXPORTED", "KEY_UNLOCK_FAILED").contains("KEY_EXPORT_REFUSED");
        assertThat(issuer.ca.keyExport(serial)).as("the key was not marked exported").isEqualTo(KeyExport.AVAILABLE);
        assertThat(issuer.ca.exportPkcs12("officer", serial, PIN, password)).isNotEmpty();
    }

    @DatabaseTest
    void aCertificateFromACsrHasNoCustodyKey(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079000000035");
        BigInteger serial = t.ca.issueFromCsr("admin", new vn.kyso.ca.CsrIssueRequest(officer, "personal",
                vn.kyso.ca.testing.Csrs.csr(vn.kyso.ca.testing.Csrs.ecP256()))).serial();
        assertCode(() -> t.ca.withCustodyKey("o", serial, PIN, k -> 1), CaException.ErrorCode.NO_CUSTODY_KEY);
    }
}
