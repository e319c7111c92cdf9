package vn.kyso.server.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by Selenium
 * for one test: a fresh profile and download folder, a fixed window, the browser's console log
 * kept, and screenshots of each step under {@code target/browser-screenshots/<test>/<step>.png}.
 * The driver's path is given explicitly, so Selenium Manager never downloads anything. Public for
 * browser tests in other packages.
 */
public final class Chromium implements AutoCloseable {

    /** {@code KYSO_TEST_BROWSER=skip} skips the browser tests where no Chromium is installed. */
    static final String SKIP_VARIABLE = "KYSO_TEST_BROWSER";
    static final Path DRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    static final Path BINARY = Path.of(System.getProperty("kyso.test.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;
    private final Path downloads;
    private final Path screenshots;
    private int step;

    private Chromium(ChromeDriver driver, String baseUrl, Path profile, Path downloads, Path screenshots) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
        this.downloads = downloads;
        this.screenshots = screenshots;
    }

    /**
     * Aborts (skips) the test when {@code KYSO_TEST_BROWSER=skip}; otherwise fails it with one
     * message naming what to install when Chromium or its driver is missing.
     */
    public static void requireInstalled() {
        Assumptions.assumeFalse("skip".equalsIgnoreCase(System.getenv(SKIP_VARIABLE)),
                SKIP_VARIABLE + "=skip: browser tests skipped");
        if (!Files.isExecutable(DRIVER) || !Files.isExecutable(BINARY)) {
            Assertions.fail("The browser tests need Chromium and ChromeDriver (" + BINARY + ", " + DRIVER
                    + "): apt-get install chromium chromium-driver, or set " + SKIP_VARIABLE + "=skip to skip them");
        }
    }

    /** A new browser for the test {@code test}, against the server at {@code baseUrl}. */
    public static Chromium start(String test, String baseUrl) {
        try {
            Path profile = Files.createTempDirectory("kyso-chromium-");
            Path downloads = Files.createDirectories(profile.resolve("downloads"));
            Path screenshots = SCREENSHOTS.resolve(test);
            clear(screenshots);
            Files.createDirectories(screenshots);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BINARY.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,1400",
                    "--user-data-dir=" + profile.resolve("profile").toAbsolutePath(), "--lang=vi");
            options.setExperimentalOption("prefs", Map.of(
                    "download.default_directory", downloads.toAbsolutePath().toString(),
                    "download.prompt_for_download", false,
                    "intl.accept_languages", "vi"));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(1280, 1400));
            return new Chromium(driver, baseUrl, profile, downloads, screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the server (e.g. {@code /sign}). */
    public Chromium open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    /** Waits until an element is visible, and returns it. */
    public WebElement await(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    /** Fills a text field. */
    public Chromium type(String id, String text) {
        WebElement field = find(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Resizes the window (1,366×768: an office laptop; 390×844: a phone). */
    public Chromium window(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    /** How many CSS pixels the page is wider than the window (0: no sideways scrolling). */
    public long overflowWidth() {
        Object overflow = driver.executeScript(
                "return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth);");
        return ((Number) overflow).longValue();
    }

    /** Logs in through the console's form. */
    public Chromium login(String username, String password) {
        open("/login");
        type("username", username).type("password", password);
        screenshot("login");
        find(By.cssSelector("form button[type=submit]")).click();
        waiting().until(d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    /** Saves a screenshot of the page as {@code NN-step.png} (numbered in the order taken). */
    public Path screenshot(String name) {
        try {
            Path file = screenshots.resolve(String.format("%02d-%s.png", ++step, name));
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps a copy of {@code file} beside the screenshots, as test output (a downloaded report). */
    public void keep(Path file, String name) {
        try {
            Files.copy(file, screenshots.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until a download ending in {@code suffix} is complete, and returns it. */
    public Path awaitDownload(String suffix) {
        return waiting().until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> done = files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
                try (Stream<Path> all = Files.list(downloads)) {
                    boolean pending = all.anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
                    return done.isEmpty() || pending ? null : done.get(0);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Empties the download folder (between two downloads of the same test). */
    public void clearDownloads() {
        try (Stream<Path> files = Files.list(downloads)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browser console's entries at level SEVERE (JavaScript errors, failed loads) since the last call. */
    public List<String> errors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            clear(profile);
        }
    }

    private static void clear(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
