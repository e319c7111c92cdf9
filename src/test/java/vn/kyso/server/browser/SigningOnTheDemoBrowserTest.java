package vn.kyso.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kyso.server.security.Accounts;
import vn.kyso.signing.Indication;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.testpki.TestPdfs;

/**
 * The officer's and the clerk's main tasks on the demo, in Vietnamese on a 1,366×768 screen, with
 * the demo's own accounts as a fresh demo gives them (no signature image, no seal yet): the
 * officer stores a handwritten signature and signs a decision by clicking where it goes; the
 * clerk stores the agency's seal and issues it with its number and date written on the page.
 */
class SigningOnTheDemoBrowserTest extends DemoBrowserTest {

    @Autowired
    PdfVerifier verifier;

    @Autowired
    Accounts accounts;

    @TempDir
    Path files;

    @Test
    void officerSignsWithAStoredImagePlacedByAClickAndTheClerkIssuesWithNumberDateAndSeal() throws IOException {
        Chromium browser = browser().window(1366, 768);
        SigningSteps steps = new SigningSteps(browser);
        String officer = accounts.find("officer").orElseThrow().displayName();

        browser.login("officer", DEMO_PASSWORD);
        steps.storeSignatureImage(png("chu-ky.png", Color.BLUE));
        browser.open("/sign");
        assertThat(new Select(browser.await(By.id("certificate"))).getFirstSelectedOption().getText())
                .startsWith(officer + " (cá nhân").doesNotContain("=");
        Path signed = steps.signByClick(TestPdfs.decisionToIssue(files.resolve("quyet-dinh.pdf"), officer), DEMO_PIN);
        assertThat(verifier.verify(Files.readAllBytes(signed)).signatures()).singleElement()
                .satisfies(s -> assertThat(s.indication()).as(s.problems().toString()).isEqualTo(Indication.VALID));
        assertThat(steps.jsErrors()).isEmpty();

        Path approved = Files.move(signed, files.resolve("da-ky.pdf"));
        browser.clearDownloads();
        browser.find(By.cssSelector("form[action$='/logout'] button")).click();
        browser.login("clerk", DEMO_PASSWORD);
        steps.storeSeal(null, png("con-dau.png", Color.RED), 38);
        browser.open("/sign");
        assertThat(new Select(browser.await(By.id("step"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("ISSUE");
        Path issued = steps.issue(approved, "47/QĐ-UBND", "2026-03-12", DEMO_PIN);

        List<SignatureReport> signatures = verifier.verify(Files.readAllBytes(issued)).signatures();
        assertThat(signatures).hasSize(2).allSatisfy(s ->
                assertThat(s.indication()).as(s.problems().toString()).isEqualTo(Indication.VALID));
        assertThat(SigningSteps.inkInTheNumberBlank(Files.readAllBytes(approved))).as("blank before issuing").isFalse();
        assertThat(SigningSteps.inkInTheNumberBlank(Files.readAllBytes(issued))).as("the number on the page").isTrue();
        assertThat(steps.jsErrors()).isEmpty();
    }

    @Test
    void theSignatureIsPlacedAndMovedFromTheKeyboard() throws IOException {
        Chromium browser = browser().window(1366, 768);
        SigningSteps steps = new SigningSteps(browser);
        browser.login("officer", DEMO_PASSWORD).open("/sign");
        browser.find(By.id("file")).sendKeys(TestPdfs.onePage(files.resolve("to-trinh.pdf")).toAbsolutePath().toString());
        WebElement page = steps.awaitPreview();

        page.sendKeys(Keys.ENTER);
        String placed = browser.find(By.id("placed")).getText();
        assertThat(placed).startsWith("Trang 1: x = ");
        double x = Double.parseDouble(browser.find(By.id("x")).getAttribute("value"));
        page.sendKeys(Keys.ARROW_LEFT);
        page.sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_LEFT));
        assertThat(Double.parseDouble(browser.find(By.id("x")).getAttribute("value"))).isEqualTo(x - 6.0);
        browser.screenshot("placed-by-keyboard");
        assertThat(steps.jsErrors()).isEmpty();
    }

    private Path png(String name, Color colour) throws IOException {
        return Files.write(files.resolve(name), BrowserTest.png(colour));
    }
}
