package vn.kyso.server.signing.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The signing page's batch in a real Chromium (Debian's {@code chromium} and {@code chromedriver},
 * which CI installs): several files start a job, the progress bar follows the event stream, a
 * reload in the middle shows the same job again, the end shows the zip link, and coming back to
 * the page later finds the job in the browser's storage. Screenshots of each step are kept in
 * {@code target/screenshots/batch}.
 */
class BatchBrowserTest extends BatchServerTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots", "batch");
    private static final int DOCUMENTS = 6;

    @TempDir
    Path temp;

    @Test
    void aBatchShowsItsProgressSurvivesAReloadAndEndsWithTheZipLink() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "chromium and chromedriver are needed");
        String officer = newOfficer("trinhduyet");
        List<String> files = new ArrayList<>();
        byte[] pdf = BatchTestSupport.onePagePdf();
        for (int i = 0; i < DOCUMENTS; i++) {
            files.add(Files.write(temp.resolve("cong-van-" + i + ".pdf"), pdf).toString());
        }
        Files.createDirectories(SHOTS);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1800",
                "--lang=vi");
        // the console's language follows Accept-Language: Vietnamese, as for an officer in Cà Mau
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "vi-VN,vi"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
            browser.get(http().url("/login"));
            browser.findElement(By.id("username")).sendKeys(officer);
            browser.findElement(By.id("password")).sendKeys(USER_PASSWORD);
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

            browser.get(http().url("/sign"));
            assertThat(browser.findElement(By.id("batch-progress")).isDisplayed()).isFalse();
            browser.findElement(By.id("file")).sendKeys(String.join("\n", files));
            browser.findElement(By.id("pin")).sendKeys(BatchTestSupport.PIN);
            browser.findElement(By.cssSelector("#sign-form button[type=submit]")).click();

            wait.until(ExpectedConditions.urlMatches("/sign\\?batch=[0-9a-f]{32}$"));
            String url = browser.getCurrentUrl();
            String id = url.substring(url.indexOf("batch=") + 6);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("batch-progress")));
            shot(browser, "1-started");

            browser.navigate().refresh();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("batch-progress")));
            wait.until(ExpectedConditions.textMatches(By.id("batch-summary"), java.util.regex.Pattern.compile("\\d")));
            shot(browser, "2-after-reload");

            WebElement download = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("batch-download")));
            assertThat(download.getAttribute("href")).endsWith("/sign/batches/" + id + "/result");
            assertThat(browser.findElement(By.id("batch-summary")).getText()).contains(DOCUMENTS + "/" + DOCUMENTS);
            assertThat(browser.findElements(By.cssSelector("#batch-documents li.doc-SIGNED"))).hasSize(DOCUMENTS);
            assertThat(browser.findElement(By.id("batch-state")).getText()).isEqualTo("Đã ký xong lượt này.");
            assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return document.getElementById('batch-bar').value")).intValue()).isEqualTo(DOCUMENTS);
            shot(browser, "3-finished");

            // later, on the plain page: the job is found again in the browser's storage
            browser.get(http().url("/sign"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("batch-download")));
            assertThat(browser.getCurrentUrl()).endsWith("batch=" + id);
            shot(browser, "4-found-again");

            browser.findElement(By.id("batch-dismiss")).click();
            browser.get(http().url("/sign"));
            assertThat(browser.findElement(By.id("batch-progress")).isDisplayed()).isFalse();
        } finally {
            browser.quit();
        }
    }

    private static void shot(WebDriver browser, String name) throws IOException {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
