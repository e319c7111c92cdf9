package vn.kyso.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import vn.kyso.signing.testpki.TestPdfs;

/**
 * The officer's and the clerk's steps in the console as a user takes them, for the browser tests
 * on the test server and on the demo: store the handwritten signature, sign by a click where it
 * goes, store the agency's seal, issue with the number and date. Each step checks what the user
 * sees and takes a screenshot; the tests check the rest.
 */
final class SigningSteps {

    private final Chromium browser;

    SigningSteps(Chromium browser) {
        this.browser = browser;
    }

    /** On the account page: chooses the PNG, sees its preview, saves it, sees it stored. */
    void storeSignatureImage(Path png) {
        browser.open("/account");
        assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Tài khoản của tôi");
        browser.find(By.id("signature-file")).sendKeys(png.toAbsolutePath().toString());
        assertThat(browser.await(By.id("signature-new")).isDisplayed()).as("preview before saving").isTrue();
        browser.screenshot("officer-image-chosen");
        browser.find(By.id("signature-save")).click();
        assertThat(browser.await(By.cssSelector(".alert.ok")).getText()).isEqualTo("Đã lưu ảnh chữ ký.");
        assertThat(loaded(browser.await(By.id("signature-image")))).isTrue();
        browser.screenshot("officer-image-saved");
    }

    /**
     * On the signing page already open: chooses the decision, clicks between "CHỦ TỊCH" and the
     * signer's name, sees the stored image there, types the PIN, signs; returns the download.
     */
    Path signByClick(Path decision, String pin) {
        browser.find(By.id("file")).sendKeys(decision.toAbsolutePath().toString());
        WebElement page = awaitPreview();
        // the page is taller than a 768 px window: bring the spot into view before clicking it
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", page);
        int height = page.getSize().getHeight();
        new Actions(browser.driver()).moveToElement(page, (int) (page.getSize().getWidth() * 0.70)
                - page.getSize().getWidth() / 2, (int) (height * (1 - 242 / PDRectangle.A4.getHeight())) - height / 2)
                .click().perform();
        assertThat(browser.find(By.id("placed")).getText()).startsWith("Trang 1: x = ");
        double centre = Double.parseDouble(browser.find(By.id("y")).getAttribute("value"))
                + Double.parseDouble(browser.find(By.id("height")).getAttribute("value")) / 2;
        assertThat(centre).as("the signature's centre, mm above the page's foot: where the click was")
                .isCloseTo(242 * 25.4 / 72, org.assertj.core.data.Offset.offset(4.0));
        WebElement landing = browser.await(By.cssSelector("#landings img.landing-signature"));
        assertThat(landing.getAttribute("src")).as("the stored image itself").endsWith("/account/signature-image");
        assertThat(loaded(landing)).isTrue();
        browser.screenshot("officer-placed-preview");
        browser.type("pin", pin);
        browser.find(By.id("sign-submit")).click();
        Path signed = browser.awaitDownload(".pdf");
        assertThat(browser.await(By.id("sign-done")).getText()).startsWith("Đã ký xong: ");
        assertThat(browser.find(By.id("pin")).getAttribute("value")).as("PIN cleared").isEmpty();
        browser.screenshot("officer-signed");
        return signed;
    }

    /** From the account page: opens the agency's seal ({@code agency}: its link, or null for the first), stores it. */
    void storeSeal(String agency, Path png, int diameterMm) {
        browser.open("/account");
        browser.await(agency == null ? By.cssSelector(".seal-list a") : By.linkText(agency)).click();
        assertThat(browser.await(By.id("no-seal")).getText()).isEqualTo("Chưa có ảnh con dấu");
        browser.find(By.id("seal-file")).sendKeys(png.toAbsolutePath().toString());
        browser.type("diameterMm", String.valueOf(diameterMm));
        browser.screenshot("clerk-seal-chosen");
        browser.find(By.id("seal-save")).click();
        assertThat(browser.await(By.cssSelector(".alert.ok")).getText()).isEqualTo("Đã lưu con dấu.");
        assertThat(loaded(browser.await(By.id("seal-image")))).isTrue();
        browser.screenshot("clerk-seal-saved");
    }

    /**
     * On the signing page already open at the issuing step: chooses the approved document, types
     * the number and date, sees the seal and the number's and date's texts where they will land,
     * types the PIN, issues; returns the download.
     */
    Path issue(Path approved, String number, String isoDate, String pin) {
        browser.find(By.id("file")).sendKeys(approved.toAbsolutePath().toString());
        awaitPreview();
        browser.type("documentNumber", number);
        ((JavascriptExecutor) browser.driver()).executeScript("var d = document.getElementById('documentDate');"
                + "d.value = arguments[0]; d.dispatchEvent(new Event('input'));", isoDate);
        WebElement seal = browser.await(By.cssSelector("#landings img.landing-seal"));
        assertThat(loaded(seal)).isTrue();
        browser.waiting().until(d -> d.findElements(By.cssSelector("#landings .landing-text")).size() == 3);
        assertThat(browser.driver().findElements(By.cssSelector("#landings .landing-text")))
                .extracting(WebElement::getText)
                .containsExactly(number.substring(0, number.indexOf('/')), isoDate.substring(8), decree30Month(isoDate));
        browser.screenshot("clerk-issue-preview");
        browser.type("pin", pin);
        browser.find(By.id("sign-submit")).click();
        Path issued = browser.awaitDownload(".pdf");
        browser.await(By.id("sign-done"));
        browser.screenshot("clerk-issued");
        return issued;
    }

    /** Decree 30 writes months 1 and 2 as 01 and 02 (a day under 10 too), other months without a 0. */
    private static String decree30Month(String isoDate) {
        int month = Integer.parseInt(isoDate.substring(5, 7));
        return month <= 2 ? "0" + month : String.valueOf(month);
    }

    /** Waits for the preview of the chosen PDF's page, rendered by the server. */
    WebElement awaitPreview() {
        WebElement image = browser.find(By.id("page-image"));
        browser.waiting().until(d -> loaded(image));
        assertThat(browser.find(By.id("page-label")).getText()).isEqualTo("Trang 1 / 1");
        return image;
    }

    boolean loaded(WebElement image) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver())
                .executeScript("var i = arguments[0]; return i.complete && i.naturalWidth > 0;", image));
    }

    /** JavaScript errors; a refusal's 422 (the page shows its message) is the page working, not one. */
    List<String> jsErrors() {
        return browser.errors().stream().filter(e -> !e.contains("status of 422")).toList();
    }

    /** Whether anything is drawn in the blank after "Số:" of {@link TestPdfs#decisionToIssue} (x 80-112 pt). */
    static boolean inkInTheNumberBlank(byte[] pdf) throws java.io.IOException {
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
