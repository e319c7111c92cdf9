package vn.kyso.ca.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.CaKeyStore;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CsrIssueRequest;
import vn.kyso.ca.CustodyIssueRequest;
import vn.kyso.ca.testing.Csrs;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.Openssl;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;
import vn.kyso.signing.testpki.SoftHsm;

/** The CA's keys on a SoftHSM2 token through SunPKCS11, as a province with an HSM would run it. */
class Pkcs11CaKeyStoreTest {

    private static final Path LIBRARY = SoftHsm.LIBRARY;
    private static final char[] PIN = "87654321".toCharArray();

    @TempDir
    Path dir;

    @Test
    void theHierarchyLivesOnTheTokenAndSignsCertificatesAndCustodyKeys() throws Exception {
        long slot = SoftHsm.freshToken("kyso-test", new String(PIN), "12345678");
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
            CertificateAuthority ca = open(db, slot);
            long officer = ca.registerOfficer("admin", new vn.kyso.ca.NewOfficer("Phạm Thị Hằng", "Chuyên viên",
                    "079000000070", "pth@camau.gov.vn", "AG-STP")).id();
            X509Certificate leaf = ca.issueFromCsr("admin",
                    new CsrIssueRequest(officer, "personal", Csrs.csr(Csrs.ecP256()))).certificate();
            Path root = Openssl.pem(dir, "root.pem", ca.rootCertificate());
            Path issuing = Openssl.pem(dir, "issuing.pem", ca.issuingCertificate());
            assertThat(Openssl.run(dir, "openssl", "verify", "-CAfile", root.toString(), "-untrusted",
                    issuing.toString(), Openssl.pem(dir, "leaf.pem", leaf).toString()).output()).contains("leaf.pem: OK");

            char[] pin = "112233".toCharArray();
            var custody = ca.issueWithCustody("admin", new CustodyIssueRequest(officer, "personal", false));
            ca.choosePin("officer", custody.serial(), pin);
            byte[] signature = ca.withCustodyKey("officer", custody.serial(), pin, key -> {
                Signature s = Signature.getInstance("SHA256withECDSA");
                s.initSign(key.privateKey());
                s.update(new byte[] {1, 2, 3});
                return s.sign();
            });
            Signature v = Signature.getInstance("SHA256withECDSA");
            v.initVerify(custody.certificate().getPublicKey());
            v.update(new byte[] {1, 2, 3});
            assertThat(v.verify(signature)).isTrue();

            CertificateAuthority again = open(db, slot);
            assertThat(again.issuingCertificate()).isEqualTo(ca.issuingCertificate());
            assertThat(Files.exists(dir.resolve("ca-keys.p12"))).isFalse();
            Openssl.Result objects = Openssl.run(dir, "pkcs11-tool", "--module", LIBRARY.toString(), "--slot",
                    Long.toString(slot), "--login", "--pin", new String(PIN), "--list-objects");
            assertThat(objects.output()).contains("kyso-root", "kyso-issuing", "kyso-ocsp", "kyso-tsa", "custody-master");
        }
    }

    private CertificateAuthority open(TestDatabase db, long slot) {
        return CertificateAuthority.builder().dataSource(db.dataSource()).settings(TestCa.fastSettings(dir))
                .keyStore(CaKeyStore.pkcs11(LIBRARY, slot, PIN)).clock(MutableClock.now())
                .random(new SecureRandom()).open();
    }
}
