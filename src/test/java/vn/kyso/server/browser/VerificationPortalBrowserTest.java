package vn.kyso.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.Color;

import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.signing.testpki.TestPki;

/** The public verification portal in a real Chromium, without logging in. */
class VerificationPortalBrowserTest extends BrowserTest {

    @Test
    void anonymousVerifiesASignedDocumentSeesItGreenAndDownloadsThePdfReport() throws Exception {
        Signer officer = newOfficer("Đặng Quốc Khánh");
        Path document = Files.write(files.resolve("cong-van-den.pdf"), signedThroughTheApi(officer));

        WebElement signature = verify(document, "/verify");
        browser.screenshot("green");

        assertThat(signature.getAttribute("class")).contains("verdict-green");
        assertThat(badge(signature)).isEqualTo("GREEN");
        assertThat(signature.getText()).contains("Hợp lệ").contains(officer.name())
                .contains("Văn bản còn nguyên vẹn từ khi ký").contains("Còn hiệu lực");
        assertThat(browser.find(By.id("verify-sha256")).getText()).isEqualTo(sha256(document));

        browser.find(By.id("verify-report-pdf")).click();
        Path report = browser.awaitDownload(".pdf");
        browser.keep(report, "verification-report.pdf");
        String text = text(report);
        assertThat(text).contains("BÁO CÁO XÁC MINH CHỮ KÝ SỐ").contains("cong-van-den.pdf").contains(sha256(document))
                .contains("Chữ ký 1: Hợp lệ · " + officer.name()).contains("Văn bản còn nguyên vẹn từ khi ký")
                .contains("Văn bản hợp lệ: mọi chữ ký đều hợp lệ");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aChangedDocumentIsRedAndAnotherCasSignatureIsAmber() throws Exception {
        Signer officer = newOfficer("Huỳnh Văn Lợi");
        Path changed = Files.write(files.resolve("da-sua.pdf"), changedAfterSigning(signedThroughTheApi(officer)));
        Path foreign = signedByAnotherCa("Nguyễn Thị Ngoài");

        WebElement red = verify(changed, "/verify");
        browser.screenshot("red");
        assertThat(red.getAttribute("class")).contains("verdict-red");
        assertThat(badge(red)).isEqualTo("RED");
        assertThat(red.getText()).contains("Không hợp lệ");

        WebElement amber = verify(foreign, "/verify?lang=en");
        browser.screenshot("amber-english");
        assertThat(amber.getAttribute("class")).contains("verdict-amber");
        assertThat(badge(amber)).isEqualTo("AMBER");
        assertThat(amber.getText()).contains("Cannot be decided").contains("Nguyễn Thị Ngoài")
                .contains("Unknown (another CA's certificate)");
        browser.find(By.id("verify-report-pdf")).click();
        Path report = browser.awaitDownload(".pdf");
        browser.keep(report, "verification-report-en.pdf");
        assertThat(text(report)).contains("SIGNATURE VERIFICATION REPORT").contains("Signature 1: Cannot be decided")
                .contains("Nguyễn Thị Ngoài").contains("no certificate path");
        assertThat(browser.errors()).isEmpty();
    }

    /** Uploads {@code pdf} on the portal page at {@code path}; returns the first signature's card. */
    private WebElement verify(Path pdf, String path) {
        browser.open(path);
        browser.find(By.id("file")).sendKeys(pdf.toAbsolutePath().toString());
        browser.find(By.id("verify-submit")).click();
        return browser.await(By.id("signature-1"));
    }

    /** The colour the badge is painted in, by its dominant channel. */
    private static String badge(WebElement signature) {
        java.awt.Color c = Color.fromString(signature.findElement(By.className("badge")).getCssValue("background-color"))
                .getColor();
        if (c.getGreen() > c.getRed() && c.getGreen() > c.getBlue()) {
            return "GREEN";
        }
        return c.getGreen() > c.getBlue() && c.getGreen() > c.getRed() / 3 ? "AMBER" : "RED";
    }

    /** The signed bytes with one byte of the signed range changed (in the header's binary comment). */
    private static byte[] changedAfterSigning(byte[] pdf) {
        byte[] changed = pdf.clone();
        int secondLine = new String(pdf, 0, 64, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf('\n') + 1;
        assertThat(changed[secondLine]).as("a binary comment on the second line").isEqualTo((byte) '%');
        changed[secondLine + 1] ^= 0x01;
        return changed;
    }

    private Path signedByAnotherCa(String name) throws IOException {
        TestPki pki = TestPki.create();
        TestPki.Credential signer = pki.signer(name, TestPki.KeyType.EC_P256);
        Path out = files.resolve("ngoai.pdf");
        PdfSigner.builder().build().sign(SignRequest.builder(
                InMemorySigningKey.of(signer.privateKey(), signer.chain()), PadesLevel.B_B).build(),
                onePagePdf("ngoai-chua-ky.pdf"), out);
        return out;
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
