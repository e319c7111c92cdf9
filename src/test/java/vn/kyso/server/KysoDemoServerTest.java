package vn.kyso.server;

import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run on the demo province (Cà Mau 2018: 967 certificates, 969
 * subscribers, a year of signatures) as {@code kyso --demo} starts it: one server with demo mode
 * on a fresh folder, shared by every subclass (same annotations, same property source: one
 * Spring context, loaded once), separate from {@link KysoServerTest}'s so that demo accounts and
 * 967 certificates never mix with the shared test data. Tests here change the demo only where a
 * user would (a certificate issued and revoked, a document signed today), never its 2018 history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "kyso.demo.enabled=true",
        "spring.thymeleaf.cache=false"
})
@ActiveProfiles(resolver = TestDatabase.class)
public abstract class KysoDemoServerTest {

    /** The demo accounts' password (admin, officer, clerk, auditor), as the demo prints it. */
    public static final String DEMO_PASSWORD = "demo";
    /** The signing PIN of the demo's officer and clerk. */
    public static final String DEMO_PIN = "123456";

    /** The demo server's data folder. */
    protected static final Path DATA_DIR = ServerFolders.newDataDir("demo");
    /** Chosen before the context starts: the CA writes its URLs into certificates when created. */
    private static final int PORT = ServerFolders.freePort();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void demoFolder(DynamicPropertyRegistry registry) {
        ServerFolders.register(registry, DATA_DIR, PORT);
    }

    /** An HTTP client for the demo server. */
    protected TestHttp http() {
        return new TestHttp(port);
    }
}
