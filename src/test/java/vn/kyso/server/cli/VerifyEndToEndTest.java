package vn.kyso.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.kyso.signing.testpki.TestPki;

/**
 * {@code kyso sign} then {@code kyso verify} over real files, with signing-core on both sides.
 * The signer's certificate points its CRL distribution point at a loopback server that serves a
 * CRL from the test PKI's issuing CA, so online verification finds real revocation data.
 */
class VerifyEndToEndTest {

    private static final Map<String, String> ENV = Map.of("KYSO_P12_PASSWORD", "Mat-khau-42!");

    @TempDir
    static Path dir;

    static Path signed;
    static Path root;
    static HttpServer server;

    @BeforeAll
    static void signOne() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        TestPki pki = TestPki.create(Instant.now(), "http://127.0.0.1:" + server.getAddress().getPort(),
                TestPki.KeyType.RSA_2048, "CLI");
        byte[] crl = crl(pki.issuingCa(), pki.now());
        server.createContext("/", exchange -> {
            boolean isCrl = exchange.getRequestURI().getPath().endsWith(".crl");
            exchange.sendResponseHeaders(isCrl ? 200 : 404, isCrl ? crl.length : -1);
            if (isCrl) {
                exchange.getResponseBody().write(crl);
            }
            exchange.close();
        });
        server.start();
        Path key = pki.signer("Trần Thị Bình", TestPki.KeyType.RSA_2048).writePkcs12(dir.resolve("binh.p12"),
                "Mat-khau-42!".toCharArray());
        // The issuing CA is trusted too: TestPki gives CA certificates no CRL distribution point.
        root = Files.writeString(dir.resolve("trust.pem"), pem(pki.root().certificate()) + pem(pki.issuingCa().certificate()));
        Path in = SignEndToEndTest.pdf(dir.resolve("to-sign.pdf"), "Quyet dinh so 125");
        signed = dir.resolve("signed.pdf");
        CliRun run = CliRun.run(ENV, Backends.library(), "sign", "--key", key.toString(), "--key-password-env",
                "KYSO_P12_PASSWORD", "--level", "B", in.toString(), signed.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static String pem(X509Certificate certificate) throws CertificateEncodingException {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    /** An empty CRL (nothing revoked) issued by {@code ca}, current at {@code now}. */
    private static byte[] crl(TestPki.Credential ca, Instant now) throws Exception {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
                Date.from(now.minus(Duration.ofHours(1))));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
        builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.ONE));
        return builder.build(new JcaContentSignerBuilder(TestPki.signatureAlgorithm(ca.privateKey()))
                .build(ca.privateKey())).getEncoded();
    }

    private static CliRun verify(String... args) {
        return CliRun.run(Map.of(), Backends.library(), args);
    }

    @Test
    void validFileGivesJsonWithIndicationValidAndExitZero() throws IOException {
        CliRun run = verify("verify", "--trust", root.toString(), "--format", "json", signed.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(run.out().strip());
        JsonNode signature = report.get("signatures").get(0);
        assertThat(signature.get("indication").asString()).isEqualTo("VALID");
        assertThat(signature.get("signer").asString()).isEqualTo("Trần Thị Bình");
        assertThat(signature.get("level").asString()).isEqualTo("B-B");
        assertThat(signature.get("modifications").asString()).isEqualTo("NONE");
        assertThat(signature.get("coversWholeDocument").asBoolean()).isTrue();
        assertThat(signature.get("signingTime").asString()).endsWith("+07:00");
    }

    @Test
    void validFileReadsWellForAPerson() {
        CliRun run = verify("verify", "--trust", root.toString(), signed.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Hợp lệ", "Trần Thị Bình", "+07:00", "nguyên vẹn", "tất cả chữ ký hợp lệ");
    }

    @Test
    void withoutTrustTheSignatureIsNotValidAndExitsOne() {
        CliRun run = verify("verify", "--format", "json", signed.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\"indication\":\"INDETERMINATE\"");
    }

    @Test
    void offlineWithoutEmbeddedRevocationDataIsIndeterminate() {
        CliRun run = verify("verify", "--trust", root.toString(), "--offline", "--format", "json", signed.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\"subIndication\":\"TRY_LATER\"");
    }

    @Test
    void tamperedFileExitsOne() throws IOException {
        byte[] bytes = Files.readAllBytes(signed);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("/MediaBox");
        bytes[at + 1] = 'm'; // inside the signed bytes: /mediaBox
        Path tampered = Files.write(dir.resolve("tampered.pdf"), bytes);

        CliRun run = verify("verify", "--trust", root.toString(), "--format", "json", tampered.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("\"indication\":\"INVALID\"");
    }

    @Test
    void signedVersionWritesTheExactBytesTheSignatureSignedAndTheReportNamesTheChange() throws IOException {
        byte[] original = Files.readAllBytes(signed);
        byte[] later;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(original)) {
            doc.getDocumentInformation().setTitle("Quyết định khác");
            doc.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            doc.getDocument().getTrailer().setNeedToBeUpdated(true);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            doc.saveIncremental(out);
            later = out.toByteArray();
        }
        Path changed = Files.write(dir.resolve("changed-later.pdf"), later);
        Path out = dir.resolve("signed-version-1.pdf");

        CliRun extract = verify("verify", "--signed-version", "1", "--out", out.toString(), changed.toString());
        CliRun missing = verify("verify", "--signed-version", "2", "--out", out.toString(), changed.toString());
        CliRun report = verify("verify", "--trust", root.toString(), changed.toString());

        assertThat(extract.exitCode()).as(extract.out() + extract.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(original);
        assertThat(extract.out()).contains("chữ ký 1");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip().lines()).hasSize(1).allMatch(l -> l.contains("không có chữ ký số thứ 2"));
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.out()).contains("Thay đổi sau khi ký: thay đổi nội dung hoặc cấu trúc (KHÔNG được phép)")
                .contains("Sửa thông tin văn bản ('Info/Title')").contains("--signed-version 1").doesNotContain("nguyên vẹn");
    }

    @Test
    void notAPdfExitsTwoWithOneLine() throws IOException {
        Path text = Files.writeString(dir.resolve("readme.pdf"), "Đây không phải PDF");
        CliRun run = verify("verify", "--offline", text.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void brokenCrossReferenceTableOrTruncationNeverShowsAStackTrace() throws IOException {
        byte[] bytes = Files.readAllBytes(signed);
        Path truncated = Files.write(dir.resolve("truncated.pdf"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("xref", "xxxx").replace("startxref",
                "startxxxx");
        Path brokenXref = Files.write(dir.resolve("broken-xref.pdf"), text.getBytes(StandardCharsets.ISO_8859_1));

        for (Path file : new Path[] { truncated, brokenXref }) {
            CliRun run = verify("verify", "--offline", file.toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isPositive();
            assertThat(run.err() + run.out()).doesNotContain("Exception", "\tat ");
        }
    }
}
