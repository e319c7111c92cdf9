package vn.kyso.server.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import vn.kyso.server.KysoServerTest;
import vn.kyso.server.TestHttp;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.signing.testpki.TestPdfs;
import vn.kyso.signing.testpki.TestPki;

/** The verification report as a PDF from the API: {@code format=pdf} or {@code Accept: application/pdf}. */
class VerificationReportPdfTest extends KysoServerTest {

    private static final String SIGNER = "Phạm Thị Hồng Nhung";

    @TempDir
    static Path temp;

    private static byte[] signed;

    @BeforeAll
    static void signedByAnotherCa() throws IOException {
        TestPki pki = TestPki.create();
        TestPki.Credential signer = pki.signer(SIGNER, TestPki.KeyType.EC_P256);
        Path out = temp.resolve("signed.pdf");
        PdfSigner.builder().build().sign(SignRequest.builder(
                InMemorySigningKey.of(signer.privateKey(), signer.chain()), PadesLevel.B_B).build(),
                TestPdfs.onePage(temp.resolve("in.pdf")), out);
        signed = Files.readAllBytes(out);
    }

    @Test
    void formatPdfAnswersAReportWithTheFileItsHashAndEachSignatureInVietnamese() throws Exception {
        JsonNode json = TestHttp.json(http().postMultipart("/api/v1/verifications", "file", "cong-van-đến.pdf", signed,
                Map.of()));
        String colour = json.get("signatures").get(0).get("colour").asString();

        HttpResponse<byte[]> response = http().postMultipartBytes("/api/v1/verifications", "file", "cong-van-đến.pdf",
                signed, Map.of("format", "pdf"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains(".pdf");
        String text = text(response.body());
        assertThat(text).contains("BÁO CÁO XÁC MINH CHỮ KÝ SỐ").contains("cong-van-đến.pdf").contains(sha256(signed))
                .contains("Chữ ký 1").contains(SIGNER).contains("Tổ chức cấp chứng thư số")
                .contains("Văn bản còn nguyên vẹn từ khi ký")
                .contains(colour.equals("AMBER") ? "Chưa xác định được" : "Không hợp lệ")
                .contains("Không rõ (chứng thư của tổ chức khác)");
        assertThat(json.get("sha256").asString()).isEqualTo(sha256(signed));
    }

    @Test
    void acceptApplicationPdfAnswersThePdfInEnglishWhenAsked() throws Exception {
        HttpResponse<byte[]> response = http().header("Accept", "application/pdf")
                .postMultipartBytes("/api/v1/verifications?lang=en", "file", "incoming.pdf", signed, Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(response.body())).contains("SIGNATURE VERIFICATION REPORT").contains("Signature 1")
                .contains(SIGNER).contains("The document is intact since it was signed")
                .doesNotContain("Người ký");
    }

    @Test
    void jsonStaysTheDefaultAndPreferredWhenTheClientSaysSo() {
        HttpResponse<String> response = http().header("Accept", "application/json, application/pdf;q=0.5")
                .postMultipart("/api/v1/verifications", "file", "a.pdf", signed, Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    }

    @Test
    void anUnknownFormatAndABadFileAreProblemsEvenWhenAPdfWasAsked() {
        HttpResponse<String> format = http().postMultipart("/api/v1/verifications", "file", "a.pdf", signed,
                Map.of("format", "docx"));
        HttpResponse<String> notPdf = http().header("Accept", "application/pdf")
                .postMultipart("/api/v1/verifications", "file", "a.pdf", "hello".getBytes(), Map.of());

        assertThat(format.statusCode()).isEqualTo(400);
        assertThat(format.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(notPdf.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(notPdf).get("code").asString()).isEqualTo("NOT_A_PDF");
    }

    @Test
    void thePortalsDownloadWithoutAVerificationSaysWhatToDoFirst() {
        HttpResponse<String> response = http().get("/verify/report.pdf");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).contains("Chưa có kết quả xác minh để tải về");
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
