package vn.kyso.ca.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.ca.testing.CaAssertions.assertCode;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CaKeyStore;
import vn.kyso.ca.CaSettings;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CsrIssueRequest;
import vn.kyso.ca.ImportedCa;
import vn.kyso.ca.testing.Csrs;
import vn.kyso.ca.testing.DatabaseTest;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.Openssl;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;

class HierarchyTest {

    @TempDir
    Path dir;

    @DatabaseTest
    void firstStartCreatesTheDefaultHierarchyAndTheNextStartLoadsIt(TestDatabase db) throws Exception {
        CaSettings settings = CaSettings.defaults(dir, "http://127.0.0.1:8080")
                .withCustody(TestCa.fastSettings(dir).custody());
        TestCa first = TestCa.open(db, settings, MutableClock.now());
        X509Certificate root = first.ca.rootCertificate();
        X509Certificate issuing = first.ca.issuingCertificate();

        assertThat(((ECPublicKey) root.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(384);
        assertThat(root.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(issuing.getBasicConstraints()).isZero();
        assertThat(issuing.getKeyUsage()[5]).isTrue();
        long years = java.time.Duration.between(root.getNotBefore().toInstant(), root.getNotAfter().toInstant())
                .toDays() / 365;
        assertThat(years).isEqualTo(20);
        assertThat(java.time.Duration.between(issuing.getNotBefore().toInstant(), issuing.getNotAfter().toInstant())
                .toDays() / 365).isEqualTo(10);
        X509Certificate tsa = first.ca.tsaCertificate();
        assertThat(tsa.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
        assertThat(tsa.getCriticalExtensionOIDs()).contains("2.5.29.37");
        assertThat(first.ca.ocspResponderCertificate().getPublicKey().getAlgorithm()).isEqualTo("RSA");
        Path rootPem = Openssl.pem(dir, "root.pem", root);
        assertThat(Openssl.run(dir, "openssl", "verify", "-CAfile", rootPem.toString(),
                Openssl.pem(dir, "issuing.pem", issuing).toString()).output()).contains("issuing.pem: OK");
        assertThat(Openssl.run(dir, "openssl", "verify", "-CAfile", rootPem.toString(), "-untrusted",
                dir.resolve("issuing.pem").toString(), "-purpose", "timestampsign",
                Openssl.pem(dir, "tsa.pem", tsa).toString()).output()).contains("tsa.pem: OK");

        TestCa second = TestCa.open(db, settings, MutableClock.now());

        assertThat(second.ca.rootCertificate()).isEqualTo(root);
        assertThat(second.ca.issuingCertificate()).isEqualTo(issuing);
        assertThat(second.ca.tsaCertificate()).isEqualTo(tsa);
        assertThat(second.ca.ocspResponderCertificate()).isEqualTo(first.ca.ocspResponderCertificate());
        assertThat(second.ca.auditLog(0, 100)).filteredOn(e -> e.action().startsWith("HIERARCHY")).hasSize(1);
    }

    @DatabaseTest
    void aWrongKeystorePassphraseIsAClearErrorWithoutThePassphrase(TestDatabase db) {
        TestCa.open(db, dir, MutableClock.now());
        assertCode(() -> CaKeyStore.pkcs12(dir.resolve("ca-keys.p12"), "wrong-passphrase".toCharArray()),
                CaException.ErrorCode.KEY_STORE_ERROR);
        try {
            CaKeyStore.pkcs12(dir.resolve("ca-keys.p12"), "wrong-passphrase".toCharArray());
        } catch (CaException e) {
            assertThat(e.getMessage()).doesNotContain("wrong-passphrase");
        }
    }

    @DatabaseTest
    void anExistingIssuingCaCanBeImportedInsteadOfGenerated(TestDatabase db, @TempDir Path other) throws Exception {
        // An "existing" CA, made by another kyso instance, then imported into a fresh one.
        TestCa donor = TestCa.open(TestDatabase.create(TestDatabase.Kind.H2), other, MutableClock.now());
        CaKeyStore donorKeys = CaKeyStore.pkcs12(other.resolve("ca-keys.p12"), TestCa.PASSPHRASE);
        ImportedCa imported = new ImportedCa(donorKeys.privateKey("kyso-issuing"), donorKeys.chain("kyso-issuing"));

        CertificateAuthority ca = CertificateAuthority.builder().dataSource(db.dataSource())
                .settings(TestCa.fastSettings(dir)).keyStore(CaKeyStore.pkcs12(dir.resolve("ca-keys.p12"),
                        TestCa.PASSPHRASE)).clock(MutableClock.now()).importCa(imported).open();

        assertThat(ca.issuingCertificate()).isEqualTo(donor.ca.issuingCertificate());
        assertThat(ca.rootCertificate()).isEqualTo(donor.ca.rootCertificate());
        long officer = ca.registerOfficer("admin", new vn.kyso.ca.NewOfficer("Trần Thị Bé", "Chuyên viên",
                "079000000060", "ttb@camau.gov.vn", "AG-STP")).id();
        X509Certificate leaf = ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal",
                Csrs.csr(Csrs.ecP256()))).certificate();
        leaf.verify(donor.ca.issuingCertificate().getPublicKey());
    }

    @DatabaseTest
    void anImportedKeyThatDoesNotMatchItsCertificateIsRefused(TestDatabase db, @TempDir Path other) {
        TestCa.open(TestDatabase.create(TestDatabase.Kind.H2), other, MutableClock.now());
        CaKeyStore donorKeys = CaKeyStore.pkcs12(other.resolve("ca-keys.p12"), TestCa.PASSPHRASE);
        KeyPair stranger = Csrs.ecP256();
        ImportedCa wrong = new ImportedCa(stranger.getPrivate(), donorKeys.chain("kyso-issuing"));

        assertCode(() -> CertificateAuthority.builder().dataSource(db.dataSource()).settings(TestCa.fastSettings(dir))
                .keyStore(CaKeyStore.pkcs12(dir.resolve("ca-keys.p12"), TestCa.PASSPHRASE))
                .clock(MutableClock.now()).importCa(wrong).open(), CaException.ErrorCode.HIERARCHY_ERROR);
        assertThat(List.of(dir.toFile().list())).doesNotContain("ca-keys.p12");
    }
}
