package vn.kyso.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kyso.signing.Indication;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.VerificationReport;
import vn.kyso.signing.testpki.Pdfsig;

/** The officer's and the clerk's signing page in a real Chromium. */
class SigningInTheBrowserTest extends BrowserTest {

    @Autowired
    PdfVerifier verifier;

    @Test
    void officerSignsByClickingThePageThenTheClerkIssuesWithTheAgencySeal() throws Exception {
        Signer officer = newOfficer("Trần Thị Bích Ngọc");
        Signer clerk = newClerk("Văn phòng UBND huyện Năm Căn " + officer.username());

        // the officer: log in, upload, see the page, click where the signature goes, PIN, download
        browser.login(officer.username(), USER_PASSWORD).open("/sign");
        assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Ký số văn bản");
        browser.find(By.id("file")).sendKeys(onePagePdf("cong-van.pdf").toAbsolutePath().toString());
        WebElement page = awaitPreview();
        browser.screenshot("officer-uploaded");
        browser.find(By.id("image")).sendKeys(pngFile("chu-ky.png", Color.BLUE).toAbsolutePath().toString());
        new Actions(browser.driver()).moveToElement(page, page.getSize().getWidth() / 4, page.getSize().getHeight() / 4)
                .click().perform();
        assertThat(browser.await(By.id("marker")).isDisplayed()).isTrue();
        assertThat(browser.find(By.id("placed")).getText()).startsWith("Trang 1: x = ");
        assertThat(value("page")).isEqualTo("1");
        assertThat(Double.parseDouble(value("x"))).isGreaterThan(100);
        assertThat(Double.parseDouble(value("y"))).isLessThan(150);
        assertThat(new Select(browser.find(By.id("certificate"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(officer.serial());
        browser.type("pin", PIN);
        browser.screenshot("officer-placed");
        browser.find(By.id("sign-submit")).click();

        Path signed = browser.awaitDownload(".pdf");
        browser.screenshot("officer-downloaded");
        VerificationReport report = verifier.verify(Files.readAllBytes(signed));
        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertThat(s.indication()).as(s.problems().toString()).isEqualTo(Indication.VALID);
            assertThat(s.certificateSerial()).isEqualTo(officer.serial());
            assertThat(s.signer()).isEqualTo(officer.name());
        });
        assertThat(Pdfsig.trusting(files.resolve("pdfsig-1"), ca.rootCertificate()).check(signed))
                .singleElement().satisfies(r -> {
                    assertThat(r.signatureValid()).as(r.signatureValidation()).isTrue();
                    assertThat(r.certificateTrusted()).as(r.certificateValidation()).isTrue();
                });

        // the clerk: log in, upload the signed document, step "issue" with the document number
        Path approved = Files.move(signed, files.resolve("da-ky.pdf"));
        browser.clearDownloads();
        browser.find(By.cssSelector("form[action$='/logout'] button")).click();
        browser.login(clerk.username(), USER_PASSWORD).open("/sign");
        browser.find(By.id("file")).sendKeys(approved.toAbsolutePath().toString());
        awaitPreview();
        new Select(browser.find(By.id("step"))).selectByValue("ISSUE");
        assertThat(new Select(browser.find(By.id("certificate"))).getOptions()).singleElement()
                .satisfies(o -> assertThat(o.getAttribute("value")).isEqualTo(clerk.serial()));
        browser.type("documentNumber", "125/QĐ-UBND").type("pin", PIN);
        browser.screenshot("clerk-issue");
        browser.find(By.id("sign-submit")).click();

        Path issued = browser.awaitDownload(".pdf");
        browser.screenshot("clerk-downloaded");
        List<SignatureReport> signatures = verifier.verify(Files.readAllBytes(issued)).signatures();
        assertThat(signatures).hasSize(2).allSatisfy(s ->
                assertThat(s.indication()).as(s.problems().toString()).isEqualTo(Indication.VALID));
        assertThat(signatures).extracting(SignatureReport::certificateSerial)
                .containsExactly(officer.serial(), clerk.serial());
        assertThat(Pdfsig.trusting(files.resolve("pdfsig-2"), ca.rootCertificate()).check(issued))
                .hasSize(2).allSatisfy(r -> {
                    assertThat(r.signatureValid()).as(r.signatureValidation()).isTrue();
                    assertThat(r.certificateTrusted()).as(r.certificateValidation()).isTrue();
                });
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aWrongPinShowsAClearMessageInVietnamese() {
        Signer officer = newOfficer("Lê Văn Tám");

        browser.login(officer.username(), USER_PASSWORD).open("/sign");
        browser.find(By.id("file")).sendKeys(onePagePdf("to-trinh.pdf").toAbsolutePath().toString());
        awaitPreview();
        browser.type("pin", "000000");
        browser.find(By.id("sign-submit")).click();

        WebElement error = browser.await(By.id("sign-error"));
        browser.screenshot("wrong-pin");
        assertThat(error.getText()).isEqualTo("Mã PIN không đúng. Còn 4 lần thử trước khi khóa bị khóa.");
        assertThat(browser.driver().getPageSource()).doesNotContain("000000");
        assertThat(browser.errors()).isEmpty();
    }

    /** Waits for the preview of the chosen PDF's page, rendered by the server. */
    private WebElement awaitPreview() {
        WebElement image = browser.find(By.id("page-image"));
        browser.waiting().until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("var i = arguments[0]; return i.complete && i.naturalWidth > 0;", image)));
        assertThat(browser.find(By.id("page-label")).getText()).isEqualTo("Trang 1 / 1");
        return image;
    }

    private String value(String id) {
        return browser.find(By.id(id)).getAttribute("value");
    }
}
