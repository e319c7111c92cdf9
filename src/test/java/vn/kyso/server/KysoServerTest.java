package vn.kyso.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import vn.kyso.ca.AuditEntry;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.server.security.Accounts;
import vn.kyso.server.security.NewAccount;
import vn.kyso.server.security.Role;

/**
 * Base of the service's integration tests: one real server on a random port with a fresh data
 * folder. Every subclass shares the same Spring context (same annotations, same property source
 * method), because each distinct context costs seconds on a small machine: do not add
 * per-class properties or {@code @MockitoBean}s here without need. The database is H2 in the data
 * folder, or a fresh PostgreSQL database with {@code KYSO_TEST_DATABASE=postgres} (see {@link TestDatabase}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "kyso.admin-password=" + KysoServerTest.ADMIN_PASSWORD,
        "kyso.limits.max-upload-size=1MB",
        "spring.thymeleaf.cache=false",
        // every test calls from 127.0.0.1: the per-address limit is tested on its own (LoginThrottleTest)
        "kyso.security.login.address-free-failures=1000000",
        // one person does most tests' admin work; DualControlTest switches it on (the production default)
        "kyso.security.dual-control.enabled=false"
})
@ActiveProfiles(resolver = TestDatabase.class)
public abstract class KysoServerTest {

    public static final String ADMIN_PASSWORD = "Quan-tri-Thu-nghiem-2026";
    /** Password of the test accounts {@code officer} and {@code auditor} (after their first change). */
    public static final String USER_PASSWORD = "Can-bo-Thu-nghiem-2026";

    private static final Path DATA_DIR = ServerFolders.newDataDir("kyso");
    /**
     * Chosen before the context starts (not a random port), because the CA writes its URLs
     * (OCSP, CRL) into certificates when it is created, before the server listens.
     */
    private static final int PORT = ServerFolders.freePort();

    @LocalServerPort
    protected int port;

    @Autowired
    protected Accounts accounts;

    @Autowired
    private CertificateAuthority authority;

    /**
     * A real SMTP server for the whole suite's context (issue 13: subscribers are e-mailed of every
     * certificate issued in their name); tests read what reached it.
     */
    protected static final GreenMail MAIL = startMail();

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) {
        ServerFolders.register(registry, DATA_DIR, PORT);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        // issue 15: this server's own CSC API as a remote-signing service (RemoteSigningTest)
        registry.add("kyso.signing.remote-services.kyso.name", () -> "kyso");
        registry.add("kyso.signing.remote-services.kyso.url", () -> "http://127.0.0.1:" + PORT + "/csc/v2");
    }

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(new ServerSetup(ServerFolders.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        return mail;
    }

    /** An HTTP client for this server. */
    protected TestHttp http() {
        return new TestHttp(port);
    }

    /** Makes sure a test account with this role exists and has {@link #USER_PASSWORD}. */
    protected String account(String username, Role role) {
        if (accounts.find(username).isEmpty()) {
            var created = accounts.create("test", new NewAccount(username, "Người dùng " + username,
                    "Mot-lan-" + username
                    + "-2026", java.util.Set.of(role), null));
            accounts.changePassword(created.id(), "Mot-lan-" + username + "-2026", USER_PASSWORD);
        }
        return username;
    }

    protected String officer() {
        return account("officer", Role.OFFICER);
    }

    protected String auditor() {
        return account("auditor", Role.AUDITOR);
    }

    /** The newest entry of the audit log: what a test does next is logged after it. */
    protected long lastAuditSeq() {
        long last = 0;
        for (List<AuditEntry> page = authority.auditLog(0, 1000); !page.isEmpty();
                page = authority.auditLog(last, 1000)) {
            last = page.get(page.size() - 1).seq();
        }
        return last;
    }

    /** The audit chain verifies, as an auditor checks it over the API. */
    protected void assertAuditChainIntact() {
        HttpResponse<String> verification = http().basic("admin", ADMIN_PASSWORD).get("/api/v1/audit/verification");
        assertThat(verification.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(verification).get("intact").asBoolean()).as(verification.body()).isTrue();
    }

    /** The folder of the server's data (H2 file, CA keystore). */
    protected static Path dataFolder() {
        return DATA_DIR;
    }
}
