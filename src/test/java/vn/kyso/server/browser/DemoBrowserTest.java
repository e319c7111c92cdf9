package vn.kyso.server.browser;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.server.KysoDemoServerTest;

/**
 * Base of the browser tests that walk a role's work on the demo province in Vietnamese, with
 * the demo's own accounts ({@code admin}, {@code officer}, {@code clerk}, {@code auditor};
 * password {@value KysoDemoServerTest#DEMO_PASSWORD}); screenshots of each step go to
 * {@code target/browser-screenshots/<class>.<test>/}.
 */
abstract class DemoBrowserTest extends KysoDemoServerTest {

    @RegisterExtension
    final ChromiumPerTest chromium = new ChromiumPerTest(() -> http().url(""));

    @Autowired
    protected CertificateAuthority ca;

    Chromium browser() {
        return chromium.browser();
    }
}
