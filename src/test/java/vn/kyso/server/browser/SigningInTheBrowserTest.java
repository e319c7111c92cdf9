package vn.kyso.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        SigningSteps steps = new SigningSteps(browser);
        browser.login(officer.username(), USER_PASSWORD).open("/account");
        assertThat(browser.await(By.id("no-signature-image")).getText()).contains("chưa lưu ảnh chữ ký");
        steps.storeSignatureImage(pngFile("chu-ky.png", Color.BLUE));

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
        Path signed = steps.signByClick(TestPdfs.decisionToIssue(files.resolve("quyet-dinh.pdf"), officer.name()), PIN);
        assertThat(browser.find(By.id("sign-done")).getText()).startsWith("Đã ký xong: quyet-dinh");
        VerificationReport report = verifier.verify(Files.readAllBytes(signed));
        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertThat(s.indication()).as(s.problems().toString()).isEqualTo(Indication.VALID);
            assertThat(s.certificateSerial()).isEqualTo(officer.serial());
        });
        assertThat(Pdfsig.trusting(files.resolve("pdfsig-1"), ca.rootCertificate()).check(signed))
                .singleElement().satisfies(r -> assertThat(r.signatureValid()).as(r.signatureValidation()).isTrue());
        assertThat(steps.jsErrors()).isEmpty();

        // the clerk of a fresh agency certificate: stores the seal, then issues
        Path approved = Files.move(signed, files.resolve("da-ky.pdf"));
        browser.clearDownloads();
        browser.find(By.cssSelector("form[action$='/logout'] button")).click();
        browser.login(clerk.username(), USER_PASSWORD);
        steps.storeSeal(clerk.name(), pngFile("con-dau.png", Color.RED), 38);

        browser.open("/sign");
        Select step = new Select(browser.await(By.id("step")));
        assertThat(step.getFirstSelectedOption().getAttribute("value")).as("an agency-only account starts at issuing")
                .isEqualTo("ISSUE");
        assertThat(step.getOptions()).extracting(o -> o.getAttribute("value")).doesNotContain("SIGN");
        Path issued = steps.issue(approved, "125/QĐ-UBND", "2026-02-05", PIN);
        List<SignatureReport> signatures = verifier.verify(Files.readAllBytes(issued)).signatures();
        assertThat(signatures).hasSize(2).allSatisfy(s ->
                assertThat(s.indication()).as(s.problems().toString()).isEqualTo(Indication.VALID));
        assertThat(signatures).extracting(SignatureReport::certificateSerial)
                .containsExactly(officer.serial(), clerk.serial());
        assertThat(Pdfsig.trusting(files.resolve("pdfsig-2"), ca.rootCertificate()).check(issued))
                .hasSize(2).allSatisfy(r -> assertThat(r.signatureValid()).as(r.signatureValidation()).isTrue());
        assertThat(SigningSteps.inkInTheNumberBlank(Files.readAllBytes(approved))).as("blank before issuing").isFalse();
        assertThat(SigningSteps.inkInTheNumberBlank(Files.readAllBytes(issued))).as("the number written after 'Số:'")
                .isTrue();
        assertThat(steps.jsErrors()).isEmpty();
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

    /**
     * Issue 15: a key on a remote-signing service (this server's own CSC API, listed as "kyso"):
     * the officer picks it, types the credential, its account and password there and the key's
     * PIN; a wrong PIN shows the service's refusal in place, then two files come back in a zip.
     */
    @Test
    void officerSignsTwoFilesWithAKeyOnARemoteSigningService() throws Exception {
        Signer officer = newOfficer("Trần Thị Mai");

        browser.login(officer.username(), USER_PASSWORD).open("/sign");
        new Select(browser.await(By.id("remoteService"))).selectByValue("kyso");
        assertThat(browser.find(By.id("certificate")).isDisplayed()).isFalse();
        assertThat(browser.find(By.id("credential")).isDisplayed()).isTrue();
        browser.type("credential", officer.serial()).type("remoteUser", officer.username())
                .type("remotePassword", USER_PASSWORD);
        browser.find(By.id("file")).sendKeys(onePagePdf("a.pdf").toAbsolutePath() + "\n"
                + onePagePdf("b.pdf").toAbsolutePath());
        browser.type("pin", "000000");
        browser.find(By.id("sign-submit")).click();

        WebElement error = browser.await(By.id("sign-error"));
        browser.screenshot("remote-wrong-pin");
        assertThat(error.getText()).contains("credentials/authorize").contains("HTTP 400");
        assertThat(value("pin")).isEmpty();
        assertThat(value("remotePassword")).as("the service's password is not kept in the page").isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(USER_PASSWORD);

        browser.type("remotePassword", USER_PASSWORD).type("pin", PIN);
        browser.find(By.id("sign-submit")).click();
        Path zip = browser.awaitDownload(".zip");
        List<byte[]> signed = new java.util.ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                signed.add(in.readAllBytes());
            }
        }
        assertThat(signed).hasSize(2).allSatisfy(pdf -> assertThat(verifier.verify(pdf).signatures()).singleElement()
                .satisfies(s -> {
                    assertThat(s.indication()).as(s.problems().toString()).isEqualTo(Indication.VALID);
                    assertThat(s.certificateSerial()).isEqualTo(officer.serial());
                }));
        assertThat(browser.find(By.id("batch-progress")).isDisplayed()).as("one request, no batch job").isFalse();
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

    private WebElement awaitPreview() {
        return new SigningSteps(browser).awaitPreview();
    }

    private long fileCount(String id) {
        return (Long) ((JavascriptExecutor) browser.driver())
                .executeScript("return document.getElementById(arguments[0]).files.length;", id);
    }

    private String value(String id) {
        return browser.find(By.id(id)).getAttribute("value");
    }

    private List<String> jsErrors() {
        return new SigningSteps(browser).jsErrors();
    }
}
