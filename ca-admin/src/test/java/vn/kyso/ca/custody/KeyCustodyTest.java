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
        CertificateRecord record = t.ca.issueWithCustody("admin", new CustodyIssueRequest(officer, "personal", PIN, false));
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
    void fiveWrongPinsLockTheKeyUntilAnAdminResetsIt(TestDatabase db) throws Exception {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079000000031");
        BigInteger serial = t.ca.issueWithCustody("admin",
                new CustodyIssueRequest(officer, "personal", PIN, false)).serial();

        for (int i = 1; i <= 4; i++) {
            assertCode(() -> t.ca.withCustodyKey("officer", serial, WRONG, k -> "signed"), CaException.ErrorCode.WRONG_PIN);
        }
        assertThat(t.ca.isKeyLocked(serial)).isFalse();
        assertCode(() -> t.ca.withCustodyKey("officer", serial, WRONG, k -> "signed"), CaException.ErrorCode.KEY_LOCKED);
        assertThat(t.ca.isKeyLocked(serial)).isTrue();
        assertCode(() -> t.ca.withCustodyKey("officer", serial, PIN, k -> "signed"), CaException.ErrorCode.KEY_LOCKED);

        t.ca.resetPinLock("admin", serial);
        String result = t.ca.withCustodyKey("officer", serial, PIN, k -> "signed");
        assertThat(result).isEqualTo("signed");
        assertThat(t.ca.auditLog(0, 1000)).extracting(e -> e.action())
                .contains("KEY_UNLOCK_FAILED", "KEY_LOCKED", "KEY_UNLOCK_REFUSED", "KEY_PIN_RESET", "KEY_UNLOCKED");
        assertThat(t.ca.verifyAuditChain().intact()).isTrue();
    }

    @DatabaseTest
    void aCorrectPinResetsTheCountOfWrongOnes(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079000000032");
        BigInteger serial = t.ca.issueWithCustody("admin",
                new CustodyIssueRequest(officer, "personal", PIN, false)).serial();
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
        BigInteger serial = t.ca.issueWithCustody("admin",
                new CustodyIssueRequest(officer, "personal", PIN, false)).serial();
        t.ca.suspend("admin", serial);
        assertCode(() -> t.ca.withCustodyKey("o", serial, PIN, k -> 1), CaException.ErrorCode.INVALID_STATUS);
    }

    @DatabaseTest
    void thePkcs12ExportOpensInOpensslAndPk12utilAndHappensOnce(TestDatabase db) throws Exception {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079000000034");
        BigInteger allowed = t.ca.issueWithCustody("admin",
                new CustodyIssueRequest(officer, "personal", PIN, true)).serial();
        BigInteger forbidden = t.ca.issueWithCustody("admin",
                new CustodyIssueRequest(officer, "personal", PIN, false)).serial();
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
        BigInteger serial = t.ca.issueWithCustody("admin",
                new CustodyIssueRequest(officer, "personal", PIN, true)).serial();
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
        BigInteger serial = issuer.ca.issueWithCustody("admin",
                new CustodyIssueRequest(officer, "personal", PIN, true)).serial();
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
        assertCode(() -> new CustodyIssueRequest(officer, "personal", "123".toCharArray(), false),
                CaException.ErrorCode.INVALID_REQUEST);
    }
}
