package vn.kyso.server.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.JsonNode;

import vn.kyso.server.KysoServerTest;
import vn.kyso.server.TestHttp;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.signing.testpki.TestPdfs;
import vn.kyso.signing.testpki.TestPki;
import vn.kyso.usage.CertificateRef;
import vn.kyso.usage.UsageReports;

/** Large ingestions run as jobs whose progress shows; the watched folder, when set, ingests what is dropped. */
class IngestionProgressTest extends KysoServerTest {

    private static TestPki.Credential signer;
    private static byte[] plain;

    @Autowired
    UsageReports usage;

    @Autowired
    UsageFolderWatch configuredWatch;

    @TempDir
    Path temp;

    @BeforeAll
    static void documents(@TempDir Path dir) throws IOException {
        signer = TestPki.create().signer("Phạm Thị Nạp", TestPki.KeyType.EC_P256);
        plain = Files.readAllBytes(TestPdfs.onePage(dir.resolve("plain.pdf")));
    }

    /** A new signature (another revision hash each time) by the other CA's signer. */
    private static byte[] signed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfSigner.builder().build().sign(SignRequest.builder(InMemorySigningKey.of(signer.privateKey(), signer.chain()),
                PadesLevel.B_B).build(), plain, out);
        return out.toByteArray();
    }

    private static byte[] zipOfTenSignedOneUnsignedOneCorrupt() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 1; i <= 10; i++) {
                zip.putNextEntry(new ZipEntry("signed-" + i + ".pdf"));
                zip.write(signed());
            }
            zip.putNextEntry(new ZipEntry("unsigned.pdf"));
            zip.write(plain);
            zip.putNextEntry(new ZipEntry("corrupt.pdf"));
            zip.write("%PDF-1.7 broken".getBytes(StandardCharsets.US_ASCII));
        }
        return bytes.toByteArray();
    }

    /** The other CA's signer counts only once an admin imported its certificate (issue 14). */
    @org.junit.jupiter.api.BeforeEach
    void importTheOtherCasSigner() throws Exception {
        usage.importCertificates(signer.certificate().getEncoded(), null, "admin");
    }

    private TestHttp asAuditor() {
        return http().basic(auditor(), USER_PASSWORD);
    }

    @Test
    void aZipUploadedAsAJobShowsItsProgressThenTheResultWithTheSkippedFiles() throws IOException {
        HttpResponse<String> started = asAuditor().postMultipart("/api/v1/usage/ingestions", "files", "batch.zip",
                zipOfTenSignedOneUnsignedOneCorrupt(), Map.of());

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = TestHttp.json(started).get("id").asText();
        assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/usage/ingestions/" + id);
        JsonNode done = eventually(() -> TestHttp.json(asAuditor().get("/api/v1/usage/ingestions/" + id)),
                s -> s.get("state").asText().equals("DONE") || s.get("state").asText().equals("FAILED"));
        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(done.get("total").asInt()).isEqualTo(12);
        assertThat(done.get("done").asInt()).isEqualTo(12);
        assertThat(done.get("skipped").asInt()).isEqualTo(2);
        assertThat(done.get("result").get("recorded").asInt()).isEqualTo(10);
        assertThat(done.get("result").get("skipped").toString()).contains("batch.zip!/unsigned.pdf", "UNSIGNED",
                "batch.zip!/corrupt.pdf", "NOT_A_PDF");
        assertThat(usage.certificate(CertificateRef.of(signer.certificate()))).isPresent();
    }

    @Test
    void anUnknownJobIsANotFoundProblemAndOfficersMayNotIngest() throws IOException {
        HttpResponse<String> unknown = asAuditor().get("/api/v1/usage/ingestions/0123456789abcdef");
        HttpResponse<String> officer = http().basic(officer(),
                USER_PASSWORD).postMultipart("/api/v1/usage/ingestions", "files", "one.pdf", signed(), Map.of());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("UNKNOWN_INGESTION");
        assertThat(officer.statusCode()).isEqualTo(403);
    }

    @Test
    void theDashboardsUploadFormLeadsToAProgressPageThatEndsWithTheSkippedList() throws IOException {
        TestHttp browser = http();
        browser.login(auditor(), USER_PASSWORD);
        String csrf = browser.csrfToken("/reports");

        HttpResponse<String> upload = browser.postMultipart("/reports/ingestions", "files", "batch.zip",
                zipOfTenSignedOneUnsignedOneCorrupt(), Map.of("_csrf", csrf));

        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(302);
        String page = upload.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(page).startsWith("/reports/ingestions/");
        String finished = eventually(() -> browser.get(page).body(), body -> body.contains("ingestion-recorded"));
        assertThat(finished).contains("<progress id=\"ingestion-progress\" value=\"12\" max=\"12\">")
                .contains("Đã xử lý 12 / 12 tài liệu, bỏ qua 2").contains("batch.zip!/corrupt.pdf")
                .contains("Không phải PDF hoặc tệp bị hỏng").doesNotContain("http-equiv=\"refresh\"");
    }

    @Test
    void theWatchedFolderIsOffByDefaultAndWhenSetIngestsDroppedFilesAndSortsThemOut() throws IOException {
        assertThat(configuredWatch.isRunning()).isFalse();
        Path inbox = temp.resolve("inbox");
        UsageFolderWatch watch = new UsageFolderWatch(usage, new UsageProperties(Duration.ofSeconds(60),
                DataSize.ofMegabytes(100), 200, inbox, Duration.ofMillis(100), Duration.ofDays(10)));
        watch.start();
        try {
            Files.write(inbox.resolve("signed.pdf"), signed());
            Files.write(inbox.resolve("corrupt.pdf"), "not a pdf".getBytes(StandardCharsets.US_ASCII));

            eventually(() -> Files.exists(inbox.resolve("ingested/signed.pdf"))
                    && Files.exists(inbox.resolve("skipped/corrupt.pdf")), Boolean::booleanValue);
        } finally {
            watch.stop();
        }
        assertThat(inbox.resolve("signed.pdf")).doesNotExist();
        assertThat(usage.certificate(CertificateRef.of(signer.certificate()))).isPresent();
    }

    /** Polls until the condition holds; gives up (returning the last value) after a minute. */
    private static <T> T eventually(Supplier<T> probe, Predicate<T> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        T value = probe.get();
        while (!condition.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = probe.get();
        }
        return value;
    }
}
