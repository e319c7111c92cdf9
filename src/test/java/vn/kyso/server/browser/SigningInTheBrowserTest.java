package vn.kyso.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kyso.signing.Indication;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.VerificationReport;
import vn.kyso.signing.testpki.Pdfsig;
import vn.kyso.signing.testpki.TestPdfs;

/**
 * The officer's and the clerk's work in a real Chromium, from a fresh account: the officer stores
 * a signature image and signs by clicking where it goes; the clerk stores the agency's seal and
 * issues, the number and date written into the page's blanks and the seal over the signature.
 */
class SigningInTheBrowserTest extends BrowserTest {

    @Autowired
    PdfVerifier verifier;

    @Test
    void officerStoresASignatureImageAndSignsByAClickThenTheClerkStoresTheSealAndIssues() throws Exception {
        Signer officer = newOfficer("Trần Thị Bích Ngọc");
        Signer clerk = newClerkWithoutSeal("Văn phòng UBND huyện Năm Căn " + officer.username());

        // the officer: the account page stores the handwritten signature
        browser.login(officer.username(), USER_PASSWORD).open("/account");
        assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Tài khoản của tôi");
        assertThat(browser.find(By.id("no-signature-image")).getText()).contains("chưa lưu ảnh chữ ký");
        browser.find(By.id("signature-file")).sendKeys(pngFile("chu-ky.png", Color.BLUE).toAbsolutePath().toString());
        assertThat(browser.await(By.id("signature-new")).isDisplayed()).as("preview before saving").isTrue();
        browser.screenshot("officer-image-chosen");
        browser.find(By.id("signature-save")).click();
        assertThat(browser.await(By.cssSelector(".alert.ok")).getText()).isEqualTo("Đã lưu ảnh chữ ký.");
        assertThat(loaded(browser.await(By.id("signature-image")))).isTrue();
        browser.screenshot("officer-image-saved");

        // the signing page: only the officer's step, names not DNs, levels in Vietnamese
        browser.open("/sign");
        assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Ký số văn bản");
        assertThat(new Select(browser.find(By.id("step"))).getOptions()).extracting(o -> o.getAttribute("value"))
                .containsExactly("SIGN");
        WebElement certificate = new Select(browser.find(By.id("certificate"))).getFirstSelectedOption();
        assertThat(certificate.getAttribute("value")).isEqualTo(officer.serial());
        assertThat(certificate.getText()).startsWith("Trần Thị Bích Ngọc (cá nhân, hiệu lực đến ")
                .doesNotContain("=").doesNotContain("1.2.840");
        assertThat(new Select(browser.find(By.id("level"))).getFirstSelectedOption().getText())
                .isEqualTo("Dài hạn (LTV) — PAdES B-LT");
        Path decision = TestPdfs.decisionToIssue(files.resolve("quyet-dinh.pdf"), officer.name());
        browser.find(By.id("file")).sendKeys(decision.toAbsolutePath().toString());
        WebElement page = awaitPreview();
        // a click where the signature goes: between "CHỦ TỊCH" and the name, right half of the page
        int height = page.getSize().getHeight();
        new Actions(browser.driver()).moveToElement(page, (int) (page.getSize().getWidth() * 0.70) - page.getSize().getWidth() / 2,
                (int) (height * (1 - 242 / PDRectangle.A4.getHeight())) - height / 2).click().perform();
        assertThat(browser.find(By.id("placed")).getText()).startsWith("Trang 1: x = ");
        WebElement landing = browser.await(By.cssSelector("#landings img.landing-signature"));
        assertThat(landing.getAttribute("src")).as("the stored image itself").endsWith("/account/signature-image");
        assertThat(loaded(landing)).isTrue();
        browser.screenshot("officer-placed-preview");
        browser.type("pin", PIN);
        browser.find(By.id("sign-submit")).click();

        Path signed = browser.awaitDownload(".pdf");
        assertThat(browser.await(By.id("sign-done")).getText()).startsWith("Đã ký xong: quyet-dinh");
        assertThat(browser.find(By.id("pin")).getAttribute("value")).as("PIN cleared").isEmpty();
        browser.screenshot("officer-signed");
        VerificationReport report = verifier.verify(Files.readAllBytes(signed));
        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertThat(s.indication()).as(s.problems().toString()).isEqualTo(Indication.VALID);
            assertThat(s.certificateSerial()).isEqualTo(officer.serial());
        });
        assertThat(Pdfsig.trusting(files.resolve("pdfsig-1"), ca.rootCertificate()).check(signed))
                .singleElement().satisfies(r -> assertThat(r.signatureValid()).as(r.signatureValidation()).isTrue());
        assertThat(jsErrors()).isEmpty();

        // the clerk of a fresh agency certificate: stores the seal, then issues
        Path approved = Files.move(signed, files.resolve("da-ky.pdf"));
        browser.clearDownloads();
        browser.find(By.cssSelector("form[action$='/logout'] button")).click();
        browser.login(clerk.username(), USER_PASSWORD).open("/account");
        browser.await(By.linkText(clerk.name())).click();
        assertThat(browser.await(By.id("no-seal")).getText()).isEqualTo("Chưa có ảnh con dấu");
        browser.find(By.id("seal-file")).sendKeys(pngFile("con-dau.png", Color.RED).toAbsolutePath().toString());
        browser.type("diameterMm", "38");
        browser.screenshot("clerk-seal-chosen");
        browser.find(By.id("seal-save")).click();
        assertThat(browser.await(By.cssSelector(".alert.ok")).getText()).isEqualTo("Đã lưu con dấu.");
        assertThat(loaded(browser.await(By.id("seal-image")))).isTrue();
        browser.screenshot("clerk-seal-saved");

        browser.open("/sign");
        Select step = new Select(browser.await(By.id("step")));
        assertThat(step.getFirstSelectedOption().getAttribute("value")).as("an agency-only account starts at issuing")
                .isEqualTo("ISSUE");
        assertThat(step.getOptions()).extracting(o -> o.getAttribute("value")).doesNotContain("SIGN");
        browser.find(By.id("file")).sendKeys(approved.toAbsolutePath().toString());
        awaitPreview();
        browser.type("documentNumber", "125/QĐ-UBND");
        ((JavascriptExecutor) browser.driver()).executeScript("var d = document.getElementById('documentDate');"
                + "d.value = '2026-02-05'; d.dispatchEvent(new Event('input'));");
        WebElement seal = browser.await(By.cssSelector("#landings img.landing-seal"));
        assertThat(loaded(seal)).isTrue();
        browser.waiting().until(d -> d.findElements(By.cssSelector("#landings .landing-text")).size() == 3);
        assertThat(browser.driver().findElements(By.cssSelector("#landings .landing-text")))
                .extracting(WebElement::getText).containsExactly("125", "05", "02");
        browser.screenshot("clerk-issue-preview");
        browser.type("pin", PIN);
        browser.find(By.id("sign-submit")).click();

        Path issued = browser.awaitDownload(".pdf");
        browser.await(By.id("sign-done"));
        browser.screenshot("clerk-issued");
        List<SignatureReport> signatures = verifier.verify(Files.readAllBytes(issued)).signatures();
        assertThat(signatures).hasSize(2).allSatisfy(s ->
                assertThat(s.indication()).as(s.problems().toString()).isEqualTo(Indication.VALID));
        assertThat(signatures).extracting(SignatureReport::certificateSerial)
                .containsExactly(officer.serial(), clerk.serial());
        assertThat(Pdfsig.trusting(files.resolve("pdfsig-2"), ca.rootCertificate()).check(issued))
                .hasSize(2).allSatisfy(r -> assertThat(r.signatureValid()).as(r.signatureValidation()).isTrue());
        assertThat(inkInTheNumberBlank(Files.readAllBytes(approved))).as("blank before issuing").isFalse();
        assertThat(inkInTheNumberBlank(Files.readAllBytes(issued))).as("the number written after 'Số:'").isTrue();
        assertThat(jsErrors()).isEmpty();
    }

    @Test
    void aRefusalKeepsTheFileThePlaceAndTheImageAndClearsThePin() throws Exception {
        Signer officer = newOfficer("Lê Văn Tám");

        browser.login(officer.username(), USER_PASSWORD).open("/sign");
        browser.find(By.id("file")).sendKeys(onePagePdf("to-trinh.pdf").toAbsolutePath().toString());
        WebElement page = awaitPreview();
        browser.find(By.id("image")).sendKeys(pngFile("chu-ky.png", Color.BLUE).toAbsolutePath().toString());
        new Actions(browser.driver()).moveToElement(page, page.getSize().getWidth() / 4, page.getSize().getHeight() / 4)
                .click().perform();
        browser.await(By.cssSelector("#landings img.landing-signature"));
        String x = value("x");
        browser.type("pin", "000000");
        browser.find(By.id("sign-submit")).click();

        WebElement error = browser.await(By.id("sign-error"));
        browser.screenshot("wrong-pin");
        assertThat(error.getText()).isEqualTo("Mã PIN không đúng. Còn 4 lần thử; nhập sai hết số lần này thì khóa ký sẽ bị khóa.");
        assertThat(browser.driver().getPageSource()).doesNotContain("000000");
        assertThat(value("pin")).isEmpty();
        assertThat(value("x")).isEqualTo(x);
        assertThat(fileCount("file")).isEqualTo(1);
        assertThat(fileCount("image")).isEqualTo(1);

        // the same form, the right PIN: signed, without choosing anything again
        browser.type("pin", PIN);
        browser.find(By.id("sign-submit")).click();
        Path signed = browser.awaitDownload(".pdf");
        assertThat(browser.await(By.id("sign-done")).isDisplayed()).isTrue();
        assertThat(browser.find(By.id("sign-error")).isDisplayed()).isFalse();
        assertThat(verifier.verify(Files.readAllBytes(signed)).signatures()).singleElement()
                .satisfies(s -> assertThat(s.indication()).isEqualTo(Indication.VALID));
        assertThat(jsErrors()).isEmpty();
    }

    @Test
    void checksBeforeThePinNameWhatIsMissing() {
        Signer officer = newOfficer("Phạm Thị Hoa");

        browser.login(officer.username(), USER_PASSWORD).open("/sign");
        browser.find(By.id("sign-submit")).click();
        assertThat(browser.await(By.id("sign-error")).getText()).isEqualTo("Hãy chọn tệp PDF cần ký.");
        browser.find(By.id("file")).sendKeys(onePagePdf("bao-cao.pdf").toAbsolutePath().toString());
        WebElement page = awaitPreview();
        new Actions(browser.driver()).moveToElement(page, 10, 10).click().perform();
        browser.find(By.id("sign-submit")).click();
        assertThat(browser.await(By.id("sign-error")).getText()).as("no image stored nor chosen")
                .startsWith("Chưa có ảnh chữ ký");
        browser.screenshot("no-image");
        assertThat(jsErrors()).isEmpty();
    }

    /** Waits for the preview of the chosen PDF's page, rendered by the server. */
    private WebElement awaitPreview() {
        WebElement image = browser.find(By.id("page-image"));
        browser.waiting().until(d -> loaded(image));
        assertThat(browser.find(By.id("page-label")).getText()).isEqualTo("Trang 1 / 1");
        return image;
    }

    private boolean loaded(WebElement image) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver())
                .executeScript("var i = arguments[0]; return i.complete && i.naturalWidth > 0;", image));
    }

    private long fileCount(String id) {
        return (Long) ((JavascriptExecutor) browser.driver())
                .executeScript("return document.getElementById(arguments[0]).files.length;", id);
    }

    private String value(String id) {
        return browser.find(By.id(id)).getAttribute("value");
    }

    /** JavaScript errors; a refusal's 422 (the page shows its message) is the page working, not one. */
    private List<String> jsErrors() {
        return browser.errors().stream().filter(e -> !e.contains("status of 422")).toList();
    }

    /** Whether anything is drawn in the blank after "Số:" of {@link TestPdfs#decisionToIssue} (x 80-112 pt). */
    private static boolean inkInTheNumberBlank(byte[] pdf) throws java.io.IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 72);
            int baseline = (int) (PDRectangle.A4.getHeight() - (PDRectangle.A4.getHeight() - 118));
            for (int y = baseline - 10; y <= baseline + 2; y++) {
                for (int x = 82; x <= 110; x++) {
                    int rgb = page.getRGB(x, y);
                    if (((rgb >> 16) & 0xff) < 120 && ((rgb >> 8) & 0xff) < 120 && (rgb & 0xff) < 120) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
