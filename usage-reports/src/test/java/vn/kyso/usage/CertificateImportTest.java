package vn.kyso.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.kyso.signing.testpki.TestPki;
import vn.kyso.signing.testpki.TestPki.KeyType;

/** Certificates of other CAs come in as PEM, DER, PKCS#7 or CSV; their kind is inferred from the subject. */
class CertificateImportTest {

    static TestPki otherCa;
    static X509Certificate agency;
    static X509Certificate citizen;
    static X509Certificate oldIdCard;
    static X509Certificate passport;
    static X509Certificate plain;

    @BeforeAll
    static void pki() {
        otherCa = TestPki.create(Instant.now(), null, KeyType.EC_P256, "Government");
        // TestPki puts the common name last: the UID rides along in it as one more RDN
        agency = otherCa.signer("Sở Tư pháp,UID=MST:2000000001", KeyType.EC_P256).certificate();
        citizen = otherCa.signer("Nguyễn Văn An,E=an@camau.gov.vn,UID=CCCD:096000000123", KeyType.EC_P256).certificate();
        oldIdCard = otherCa.signer("Trần Thị Bình,UID=CMND:381234567", KeyType.EC_P256).certificate();
        passport = otherCa.signer("Lê Hoàng Cường,UID=HC:B1234567", KeyType.EC_P256).certificate();
        plain = otherCa.signer("Phạm Minh Dũng", KeyType.EC_P256).certificate();
    }

    @Test
    void kindIsInferredFromTheSubjectUid() {
        assertThat(CertificateKind.inferFromSubject("C=VN,CN=Sở Y tế,UID=MST:2000000002")).isEqualTo(CertificateKind.AGENCY);
        assertThat(CertificateKind.inferFromSubject("C=VN,CN=Sở Y tế,UID=MNS:1234567")).isEqualTo(CertificateKind.AGENCY);
        assertThat(CertificateKind.inferFromSubject("uid=mst:2000000002,cn=x")).isEqualTo(CertificateKind.AGENCY);
        assertThat(CertificateKind.inferFromSubject("CN=A,UID=CCCD:096000000001")).isEqualTo(CertificateKind.PERSONAL);
        assertThat(CertificateKind.inferFromSubject("CN=A,UID=CMND:381234567")).isEqualTo(CertificateKind.PERSONAL);
        assertThat(CertificateKind.inferFromSubject("CN=A,UID=HC:B1234567")).isEqualTo(CertificateKind.PERSONAL);
        assertThat(CertificateKind.inferFromSubject("CN=A,O=MST:123")).isEqualTo(CertificateKind.UNKNOWN);
        assertThat(CertificateKind.inferFromSubject("not a dn")).isEqualTo(CertificateKind.UNKNOWN);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void pemBundleImportsHoldersNotTheChain(TestDatabase database) throws Exception {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            String pem = pem("CERTIFICATE", agency.getEncoded()) + pem("CERTIFICATE", citizen.getEncoded())
                    + pem("CERTIFICATE", otherCa.issuingCa().certificate().getEncoded());

            ImportResult result = usage.importCertificates(pem.getBytes(StandardCharsets.US_ASCII), "AG-STP");

            assertThat(result.format()).isEqualTo(ImportResult.Format.PEM);
            assertThat(result.added()).isEqualTo(2);
            assertThat(result.certificates()).containsExactly(CertificateRef.of(agency), CertificateRef.of(citizen));
            InventoryEntry a = usage.certificate(CertificateRef.of(agency)).orElseThrow();
            assertThat(a.kind()).isEqualTo(CertificateKind.AGENCY);
            assertThat(a.kindSource()).isEqualTo(InventoryEntry.KindSource.INFERRED);
            assertThat(a.origin()).isEqualTo(InventoryEntry.Origin.IMPORT);
            assertThat(a.unitCode()).isEqualTo("AG-STP");
            assertThat(a.ownerName()).isEqualTo("Sở Tư pháp");
            assertThat(a.notAfter()).isEqualTo(agency.getNotAfter().toInstant());
            InventoryEntry c = usage.certificate(CertificateRef.of(citizen)).orElseThrow();
            assertThat(c.kind()).isEqualTo(CertificateKind.PERSONAL);
            assertThat(c.ownerContact()).isEqualTo("an@camau.gov.vn");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void derAndPkcs7BundlesImport(TestDatabase database) throws Exception {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);

            ImportResult der = usage.importCertificates(oldIdCard.getEncoded(), "964");
            byte[] p7 = pkcs7(passport, plain, otherCa.issuingCa().certificate());
            ImportResult pkcs7 = usage.importCertificates(p7, "966");
            ImportResult pkcs7Pem = usage.importCertificates(pem("PKCS7", p7).getBytes(StandardCharsets.US_ASCII), "966");

            assertThat(der.format()).isEqualTo(ImportResult.Format.DER);
            assertThat(der.added()).isEqualTo(1);
            assertThat(usage.certificate(CertificateRef.of(oldIdCard)).orElseThrow().kind())
                    .isEqualTo(CertificateKind.PERSONAL);
            assertThat(pkcs7.format()).isEqualTo(ImportResult.Format.PKCS7);
            assertThat(pkcs7.added()).isEqualTo(2);
            assertThat(pkcs7Pem.format()).isEqualTo(ImportResult.Format.PKCS7);
            assertThat(pkcs7Pem.added()).isZero();
            assertThat(pkcs7Pem.updated()).isEqualTo(2);
            assertThat(usage.certificate(CertificateRef.of(passport)).orElseThrow().kind())
                    .isEqualTo(CertificateKind.PERSONAL);
            assertThat(usage.certificate(CertificateRef.of(plain)).orElseThrow().kind())
                    .isEqualTo(CertificateKind.UNKNOWN);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void csvImportsRowsReportsBadOnesAndMatchesIssuersHoweverSpelt(TestDatabase database) throws Exception {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            usage.importCertificates(citizen.getEncoded(), null);
            // the same issuer, written in the reverse (RFC 4514) order and another case
            X500Name issuer = X500Name.getInstance(BCStyle.INSTANCE, citizen.getIssuerX500Principal().getEncoded());
            String reversed = citizen.getIssuerX500Principal().getName().toUpperCase();
            String csv = """
                    serial,subject,issuer,kind,unit
                    %s,"C=VN,CN=Nguyễn Văn An,UID=CCCD:096000000123","%s",,967
                    0A1B,"C=VN,CN=Sở Tài chính,UID=MST:2000000009","%s",,AG-STC
                    0a1c,"C=VN,CN=Xã Khánh An",%s,agency,32059
                    zz,"C=VN,CN=Bad serial","%s",,AG-STC
                    0a1d,"C=VN,CN=Nowhere","%s",,NO-SUCH-UNIT
                    """.formatted(citizen.getSerialNumber().toString(16).toUpperCase(), reversed, issuer,
                    "\"C=VN,CN=Other CA\"", issuer, issuer);

            ImportResult result = usage.importCertificates(csv.getBytes(StandardCharsets.UTF_8), null);

            assertThat(result.format()).isEqualTo(ImportResult.Format.CSV);
            assertThat(result.problems()).as("problems").hasSize(2);
            assertThat(result.updated()).isEqualTo(1);
            assertThat(result.added()).isEqualTo(2);
            assertThat(result.problems()).hasSize(2);
            assertThat(result.problems().get(0)).startsWith("line 4");
            assertThat(result.problems().get(1)).startsWith("line 5").contains("NO-SUCH-UNIT");
            assertThat(usage.certificate(CertificateRef.of(citizen)).orElseThrow().unitCode()).isEqualTo("967");
            InventoryEntry stc = usage.certificate(new CertificateRef(issuer.toString(), "a1b")).orElseThrow();
            assertThat(stc.kind()).isEqualTo(CertificateKind.AGENCY);
            assertThat(stc.kindSource()).isEqualTo(InventoryEntry.KindSource.INFERRED);
            InventoryEntry commune = usage.certificate(new CertificateRef("CN=Other CA,C=VN", "a1c")).orElseThrow();
            assertThat(commune.kind()).isEqualTo(CertificateKind.AGENCY);
            assertThat(commune.kindSource()).isEqualTo(InventoryEntry.KindSource.IMPORT_FILE);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aKindCorrectedByHandSurvivesReimport(TestDatabase database) throws Exception {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            usage.importCertificates(plain.getEncoded(), "AG-SYT");
            CertificateRef ref = CertificateRef.of(plain);

            usage.correctKind(ref, CertificateKind.AGENCY);
            usage.importCertificates(plain.getEncoded(), null);

            InventoryEntry e = usage.certificate(ref).orElseThrow();
            assertThat(e.kind()).isEqualTo(CertificateKind.AGENCY);
            assertThat(e.kindSource()).isEqualTo(InventoryEntry.KindSource.MANUAL);
            assertThat(e.unitCode()).isEqualTo("AG-SYT");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unreadableFilesAreRefused(TestDatabase database) {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            assertThatThrownBy(() -> usage.importCertificates("hello".getBytes(StandardCharsets.US_ASCII), null))
                    .isInstanceOfSatisfying(UsageException.class,
                            e -> assertThat(e.code()).isEqualTo(UsageException.ErrorCode.UNREADABLE_IMPORT));
            assertThatThrownBy(() -> usage.importCertificates(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x01 }, null))
                    .isInstanceOfSatisfying(UsageException.class,
                            e -> assertThat(e.code()).isEqualTo(UsageException.ErrorCode.UNREADABLE_IMPORT));
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static byte[] pkcs7(X509Certificate... certificates) throws Exception {
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addCertificates(new JcaCertStore(List.of(certificates)));
        return gen.generate(new CMSAbsentContent()).getEncoded();
    }
}
