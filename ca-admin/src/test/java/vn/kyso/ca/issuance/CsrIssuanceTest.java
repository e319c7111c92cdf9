package vn.kyso.ca.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateIssued;
import vn.kyso.ca.CertificateKind;
import vn.kyso.ca.CertificateQuery;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CsrIssueRequest;
import static vn.kyso.ca.testing.CaAssertions.assertCode;

import vn.kyso.ca.testing.Csrs;
import vn.kyso.ca.testing.DatabaseTest;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.Openssl;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;

class CsrIssuanceTest {

    @TempDir
    Path dir;

    @DatabaseTest
    void personalCertificateFromCsrFollowsTheVietnameseProfileAndOpensslAcceptsIt(TestDatabase db) throws Exception {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079123456789");
        KeyPair key = Csrs.ecP256();

        CertificateRecord issued = t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal", Csrs.csr(key)));

        X509Certificate cert = issued.certificate();
        assertThat(cert.getPublicKey()).isEqualTo(key.getPublic());
        String subject = cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
        assertThat(subject).contains("C=VN", "ST=Cà Mau", "L=Cà Mau", "O=Ủy ban nhân dân tỉnh Cà Mau", "OU=Sở Tư pháp",
                "CN=Nguyễn Văn Ất", "UID=CCCD:079123456789");
        assertEmail(cert, "nva6789@camau.gov.vn");
        assertThat(cert.getKeyUsage()).containsExactly(true, true, false, false, false, false, false, false, false);
        assertThat(cert.getCriticalExtensionOIDs()).contains(Extension.keyUsage.getId());
        assertThat(cert.getExtendedKeyUsage()).containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.36", "1.3.6.1.5.5.7.3.4");
        assertThat(cert.getSerialNumber().signum()).isPositive();
        assertThat(cert.getSerialNumber().bitLength()).isBetween(64, 159);
        JcaX509CertificateHolder holder = new JcaX509CertificateHolder(cert);
        assertThat(holder.getExtension(Extension.authorityKeyIdentifier)).isNotNull();
        assertThat(holder.getExtension(Extension.subjectKeyIdentifier)).isNotNull();
        CertificatePolicies policies = CertificatePolicies.fromExtensions(holder.getExtensions());
        assertThat(policies.getPolicyInformation()[0].getPolicyIdentifier().getId())
                .isEqualTo(t.settings.profiles().policyOid());
        assertThat(cert.getNotAfter().toInstant()).isAfter(cert.getNotBefore().toInstant().plusSeconds(3L * 364 * 86400));
        assertThat(cert.getNotAfter().toInstant()).isBefore(cert.getNotBefore().toInstant().plusSeconds(3L * 367 * 86400));

        Path root = Openssl.pem(dir, "root.pem", t.ca.rootCertificate());
        Path issuing = Openssl.pem(dir, "issuing.pem", t.ca.issuingCertificate());
        Path leaf = Openssl.pem(dir, "leaf.pem", cert);
        Openssl.Result verify = Openssl.run(dir, "openssl", "verify", "-CAfile", root.toString(), "-untrusted",
                issuing.toString(), leaf.toString());
        assertThat(verify.output()).contains("leaf.pem: OK");
        Openssl.Result text = Openssl.run(dir, "openssl", "x509", "-in", leaf.toString(), "-noout", "-text");
        assertThat(text.output()).contains("http://127.0.0.1:8080/crl/issuing.crl", "OCSP - URI:http://127.0.0.1:8080/ocsp",
                "CA Issuers - URI:http://127.0.0.1:8080/ca/issuing.crt", "Digital Signature, Non Repudiation",
                "email:nva6789@camau.gov.vn");

        assertThat(t.events(CertificateIssued.class)).singleElement()
                .satisfies(e -> assertThat(e.serial()).isEqualTo(cert.getSerialNumber()));
    }

    @DatabaseTest
    void agencyCertificateCarriesTheTaxCodeAndTheSigningUsagesAndLastsFiveYears(TestDatabase db) throws Exception {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long agency = t.agency("2000123456");

        X509Certificate cert = t.ca.issueFromCsr("admin",
                new CsrIssueRequest(agency, "agency", Csrs.csr(Csrs.rsa(2048)))).certificate();

        assertThat(cert.getSubjectX500Principal().getName(X500Principal.RFC2253))
                .contains("CN=Sở Tư pháp tỉnh Cà Mau", "UID=MST:2000123456", "O=Ủy ban nhân dân tỉnh Cà Mau");
        assertEmail(cert, "stp@camau.gov.vn");
        // A seal signs documents: digitalSignature and nonRepudiation only, critical; documentSigning and emailProtection.
        assertThat(cert.getKeyUsage()).containsExactly(true, true, false, false, false, false, false, false, false);
        assertThat(cert.getCriticalExtensionOIDs()).contains(Extension.keyUsage.getId());
        assertThat(cert.getExtendedKeyUsage()).containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.36", "1.3.6.1.5.5.7.3.4");
        assertThat(cert.getNotAfter().toInstant()).isAfter(cert.getNotBefore().toInstant().plusSeconds(5L * 364 * 86400));
        assertThat(t.ca.certificate(cert.getSerialNumber())).get()
                .extracting(CertificateRecord::kind).isEqualTo(CertificateKind.AGENCY);
    }

    @DatabaseTest
    void badRequestsAreRefusedAndWriteNothing(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079123456780");
        long agency = t.agency("2000123457");
        int certificates = t.ca.certificates(CertificateQuery.all()).size();
        long auditEntries = t.ca.auditLog(0, 10_000).size();
        KeyPair key = Csrs.ecP256();

        assertCode(() -> t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal", new byte[] {1, 2, 3})),
                CaException.ErrorCode.MALFORMED_CSR);
        assertCode(() -> t.ca.issueFromCsr("admin",
                new CsrIssueRequest(officer, "personal", Csrs.csr(key, Csrs.ecP256()))),
                CaException.ErrorCode.CSR_SIGNATURE_INVALID);
        assertCode(() -> t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal",
                Csrs.csr(Csrs.rsa(1024)))), CaException.ErrorCode.UNSUPPORTED_KEY);
        assertCode(() -> t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "server-tls", Csrs.csr(key))),
                CaException.ErrorCode.UNKNOWN_PROFILE);
        assertCode(() -> t.ca.issueFromCsr("admin", new CsrIssueRequest(agency, "personal", Csrs.csr(key))),
                CaException.ErrorCode.PROFILE_MISMATCH);
        assertCode(() -> t.ca.issueFromCsr("admin", new CsrIssueRequest(987654, "personal", Csrs.csr(key))),
                CaException.ErrorCode.UNKNOWN_SUBSCRIBER);
        assertCode(() -> new CsrIssueRequest(officer, "personal", new byte[0]), CaException.ErrorCode.MALFORMED_CSR);

        assertThat(t.ca.certificates(CertificateQuery.all())).hasSize(certificates);
        assertThat(t.ca.auditLog(0, 10_000)).hasSize((int) auditEntries);
        assertThat(t.events(CertificateIssued.class)).isEmpty();
    }

    @DatabaseTest
    void csrInPemIsAcceptedToo(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079123456781");
        String pem = "-----BEGIN CERTIFICATE REQUEST-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(Csrs.csr(Csrs.ecP256()))
                + "\n-----END CERTIFICATE REQUEST-----\n";
        CertificateRecord r = t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal",
                pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertThat(t.ca.certificates(new CertificateQuery(officer, null, null, 10, 0)))
                .extracting(CertificateRecord::serial).containsExactly(r.serial());
    }

    @DatabaseTest
    void csrSignedWithRsaPssIsCheckedAndAccepted(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079123456782");
        KeyPair key = Csrs.rsa(2048);

        CertificateRecord issued = t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal",
                Csrs.csrPss(key, key)));

        assertThat(issued.certificate().getPublicKey().getEncoded()).isEqualTo(key.getPublic().getEncoded());
        assertCode(() -> t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal",
                Csrs.csrPss(key, Csrs.rsa(2048)))), CaException.ErrorCode.CSR_SIGNATURE_INVALID);
    }

    /** The address in subjectAltName only: by default the subject does not repeat it as E= (emailAddress). */
    private static void assertEmail(X509Certificate cert, String email) throws Exception {
        RDN[] rdns = new JcaX509CertificateHolder(cert).getSubject().getRDNs(BCStyle.EmailAddress);
        assertThat(rdns).isEmpty();
        assertThat(cert.getSubjectAlternativeNames()).containsExactly(List.of(GeneralName.rfc822Name, email));
    }
}
