package vn.kyso.server.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import vn.kyso.ca.AuditEntry;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CsrIssueRequest;
import vn.kyso.ca.NewOfficer;
import vn.kyso.server.KysoServerTest;
import vn.kyso.server.TestHttp;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.signing.testpki.TestPki;
import vn.kyso.usage.CertificateRef;
import vn.kyso.usage.UsageReports;

/**
 * Over HTTP, a forgery by a lookalike CA (kyso's issuing CA's name, a real certificate's serial)
 * is neither "issued by kyso" on the verification portal nor counted by ingestion: it is listed
 * as a rejected observation, and the ingestion is in the audit log; a stranger's self-signed
 * certificate does not join the inventory.
 */
class ProvenUsageApiTest extends KysoServerTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    CertificateAuthority ca;

    @Autowired
    UsageReports usage;

    @Autowired
    InventoryFeed feed;

    private record Signer(KeyPair keys, X509Certificate certificate) {
    }

    /** A real certificate of kyso's CA, for a key this test holds. */
    private Signer realOfficer() throws Exception {
        KeyPair keys = TestPki.generateKeyPair(TestPki.KeyType.EC_P256);
        String cccd = String.format("0960%08d", RANDOM.nextInt(100_000_000));
        long subscriber = ca.registerOfficer("admin", new NewOfficer("Lê Thị Thật", "Chuyên viên", cccd,
                "that" + cccd + "@camau.gov.vn", "CM")).id();
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=ignored"), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())).getEncoded();
        CertificateRecord record = ca.issueFromCsr("admin", new CsrIssueRequest(subscriber, "personal", csr));
        feed.drain(); // the CA's notices reach the inventory in batches, off the issuing thread
        return new Signer(keys, record.certificate());
    }

    /** A self-made CA with kyso's issuing CA's name, and its leaf copying {@code victim}'s names and serial. */
    private static Signer lookalike(X509Certificate victim) throws Exception {
        KeyPair caKeys = TestPki.generateKeyPair(TestPki.KeyType.EC_P256);
        KeyPair leafKeys = TestPki.generateKeyPair(TestPki.KeyType.EC_P256);
        X500Name issuer = X500Name.getInstance(victim.getIssuerX500Principal().getEncoded());
        X509Certificate leaf = certificate(X500Name.getInstance(victim.getSubjectX500Principal().getEncoded()),
                leafKeys, issuer, caKeys, victim.getSerialNumber(), false);
        assertThat(leaf.getIssuerX500Principal()).isEqualTo(victim.getIssuerX500Principal());
        return new Signer(leafKeys, leaf);
    }

    private static X509Certificate certificate(X500Name subject, KeyPair subjectKeys, X500Name issuer,
            KeyPair issuerKeys, BigInteger serial, boolean ca) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial,
                Date.from(now.minus(Duration.ofDays(30))), Date.from(now.plus(Duration.ofDays(365))), subject,
                subjectKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }

    private static byte[] signed(Signer signer) throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(plain);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfSigner.builder().build().sign(SignRequest.builder(InMemorySigningKey.of(signer.keys().getPrivate(),
                List.of(signer.certificate())), PadesLevel.B_B).build(), plain.toByteArray(), out);
        return out.toByteArray();
    }

    @Test
    void theVerificationPortalSaysIssuedByKysoForTheRealCertificateOnlyNotForALookalike() throws Exception {
        Signer real = realOfficer();
        Signer forged = lookalike(real.certificate());

        JsonNode genuine = TestHttp.json(http().postMultipart("/api/v1/verifications", "file", "that.pdf",
                signed(real), Map.of())).get("signatures").get(0);
        JsonNode fake = TestHttp.json(http().postMultipart("/api/v1/verifications", "file", "gia.pdf",
                signed(forged), Map.of())).get("signatures").get(0);

        assertThat(genuine.get("issuedByKyso").asBoolean()).isTrue();
        assertThat(fake.get("certificateSerial").asString()).isEqualTo(genuine.get("certificateSerial").asString());
        assertThat(fake.get("issuedByKyso").asBoolean()).isFalse();
        assertThat(fake.get("statusNow").asString()).isEqualTo("UNKNOWN");
    }

    @Test
    void aForgedSignatureIsRejectedListedAndAuditedAndTheRealOneCounts() throws Exception {
        Signer real = realOfficer();
        Signer forged = lookalike(real.certificate());
        long auditBefore = lastAuditSeq();
        TestHttp auditor = http().basic(auditor(), USER_PASSWORD);

        HttpResponse<String> response = auditor.postMultipart("/api/v1/usage/documents", "files", "gia.pdf",
                signed(forged), Map.of());
        HttpResponse<String> genuine = auditor.postMultipart("/api/v1/usage/documents", "files", "that.pdf",
                signed(real), Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = TestHttp.json(response);
        assertThat(result.get("recorded").asInt()).isZero();
        assertThat(TestHttp.json(genuine).get("recorded").asInt()).isEqualTo(1);
        assertThat(result.get("rejected")).hasSize(1);
        assertThat(result.get("rejected").get(0).get("file").asString()).isEqualTo("gia.pdf");
        assertThat(result.get("rejected").get(0).get("code").asString()).isEqualTo("NOT_IN_INVENTORY");
        JsonNode listed = TestHttp.json(auditor.get("/api/v1/usage/rejections"));
        assertThat(listed.toString()).contains("gia.pdf", "NOT_IN_INVENTORY", auditor());
        TestHttp console = http();
        console.login(auditor(), USER_PASSWORD);
        java.time.LocalDate today = java.time.LocalDate.now(vn.kyso.usage.UsageReports.VIETNAM);
        String dashboard = console.get("/reports?from=" + today.minusDays(1) + "&to=" + today).body();
        String table = dashboard.substring(dashboard.indexOf("id=\"rejected-observations\""));
        assertThat(table).contains("gia.pdf") // when, as the province reads a clock, not an ISO instant in UTC
                .containsPattern("<td>\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}</td>")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:");
        List<AuditEntry> audit = ca.auditLog(auditBefore, 100);
        assertThat(audit).filteredOn(e -> e.action().equals("USAGE_DOCUMENT_INGESTED")).hasSize(2)
                .allSatisfy(e -> assertThat(e.actor()).isEqualTo(auditor()));
        assertThat(audit).filteredOn(e -> e.action().equals("USAGE_INGESTED")).extracting(AuditEntry::details)
                .satisfiesExactly(d -> assertThat(d).contains("counted 0", "rejected 1"),
                        d -> assertThat(d).contains("counted 1", "rejected 0"));
        assertAuditChainIntact();
    }

    @Test
    void aStrangersSelfSignedCertificateDoesNotJoinTheInventory() throws Exception {
        KeyPair keys = TestPki.generateKeyPair(TestPki.KeyType.EC_P256);
        X500Name name = new X500Name("C=VN,CN=Người lạ tự ký");
        Signer stranger = new Signer(keys, certificate(name, keys, name, keys, BigInteger.valueOf(77), false));

        HttpResponse<String> response = http().basic(auditor(), USER_PASSWORD).postMultipart(
                "/api/v1/usage/documents", "files", "la.pdf", signed(stranger), Map.of());
        http().postMultipart("/api/v1/verifications", "file", "la.pdf", signed(stranger), Map.of());

        assertThat(TestHttp.json(response).get("rejected").get(0).get("code").asString()).isEqualTo("NOT_IN_INVENTORY");
        assertThat(usage.certificate(CertificateRef.of(stranger.certificate()))).isEmpty();
    }
}
