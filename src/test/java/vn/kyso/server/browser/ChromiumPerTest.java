package vn.kyso.server.browser;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh headless Chromium for each test of a class, against the server {@code baseUrl} names
 * when the test starts; a screenshot named "failure" when the test fails; the browser closed
 * after. Register it as a field: {@code @RegisterExtension final ChromiumPerTest chromium = new
 * ChromiumPerTest(() -> http().url(""));}. Public for browser tests in other packages.
 */
public final class ChromiumPerTest implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    private final Supplier<String> baseUrl;
    private Chromium browser;

    public ChromiumPerTest(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The test's browser (started before the test). */
    public Chromium browser() {
        if (browser == null) {
            throw new IllegalStateException("the browser starts before each test");
        }
        return browser;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Chromium.requireInstalled();
        browser = Chromium.start(context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName(), baseUrl.get());
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && browser != null) {
            browser.screenshot("failure");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (browser != null) {
            try {
                browser.close();
            } finally {
                browser = null;
            }
        }
    }
}
