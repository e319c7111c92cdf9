package vn.kyso.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import vn.kyso.server.KysoServerTest;
import vn.kyso.server.TestHttp;

/**
 * Logs in through the form, fails to log in, issues a custody certificate under a PIN, signs over
 * the API with that PIN and with a wrong one, and sends failing requests carrying secrets, with
 * every logger at DEBUG, then searches everything logged for those secrets. (The first admin's
 * one-time password: AdminBootstrapTest; the admin password and CA passphrase from the
 * environment of a real process: production.TwoInstancesTest.)
 */
class LogSecretsTest extends KysoServerTest {

    private static final String WRONG_SECRET = "Sai-Mat-Khau-XYZ-93417";
    private static final String PIN = "PIN-0042-7788";

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;

    @BeforeEach
    void captureEverything() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        captured.start();
        root.addAppender(captured);
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel(org.slf4j.Logger.ROOT_LOGGER_NAME, LogLevel.DEBUG);
    }

    @AfterEach
    void stopCapturing() {
        if (!captured.isStarted()) {
            return;
        }
        captured.stop();
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel(org.slf4j.Logger.ROOT_LOGGER_NAME, LogLevel.INFO);
        root.detachAppender(captured);
    }

    /** The test's own HTTP client logs what it sends at DEBUG: that is not the service's log. */
    private List<ILoggingEvent> serverSide() {
        return captured.list.stream().filter(e -> !e.getLoggerName().startsWith("jdk.")).toList();
    }

    @Test
    void noPasswordOrPinReachesTheLogs() {
        TestHttp browser = http();
        browser.login("admin", ADMIN_PASSWORD);
        browser.get("/");
        http().login("admin", WRONG_SECRET);
        http().basic("admin", WRONG_SECRET).get("/api/v1/account");
        http().basic(officer(), USER_PASSWORD).get("/api/v1/accounts");
        http().basic("admin", ADMIN_PASSWORD).postJson("/api/v1/account/password",
                "{\"currentPassword\":\"" + WRONG_SECRET + "\",\"newPassword\":\"" + PIN + "\"}");
        http().basic("admin", ADMIN_PASSWORD).postJson("/api/v1/accounts",
                "{\"username\":\"x\",\"password\":\"" + PIN + "\"");
        http().postMultipart("/api/v1/verifications?pin=" + PIN, "file", "a.pdf", new byte[] {1, 2, 3},
                Map.of("pin", PIN));

        String unit = TestHttp.json(http().basic("admin", ADMIN_PASSWORD).get("/api/v1/units")).get(0).get("code")
                .asString();
        long subscriber = TestHttp.json(http().basic("admin", ADMIN_PASSWORD).postJson("/api/v1/subscribers/officers",
                "{\"fullName\":\"Phạm Văn Cường\",\"positionTitle\":\"Chuyên viên\",\"cccd\":\"079201009999\","
                        + "\"email\":\"pvc@camau.gov.vn\",\"unitCode\":\"" + unit + "\"}")).get("id").asLong();
        String serial = TestHttp.json(http().basic("admin", ADMIN_PASSWORD).postJson("/api/v1/certificates/custody",
                "{\"subscriberId\":" + subscriber + ",\"profile\":\"personal\",\"pin\":\"" + PIN + "\"}"))
                .get("serial").asString();
        http().basic("admin", ADMIN_PASSWORD).postJson("/api/v1/certificates/custody", "{\"subscriberId\":" + subscriber
                + ",\"profile\":\"nope\",\"pin\":\"" + PIN + "\"}");
        // the officer signs over the API with the PIN, then with a wrong one (a refusal, logged)
        String signer = "ky-log-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        var account = accounts.create("test", new vn.kyso.server.security.NewAccount(signer, "Phạm Văn Cường",
                "Mot-lan-" + signer + "-2026", java.util.Set.of(vn.kyso.server.security.Role.OFFICER),
                String.valueOf(subscriber)));
        accounts.changePassword(account.id(), "Mot-lan-" + signer + "-2026", USER_PASSWORD);
        assertThat(http().basic(signer, USER_PASSWORD).putJson("/api/v1/signatures/keys/" + serial + "/pin",
                "{\"newPin\":\"" + PIN + "\"}").statusCode()).isEqualTo(200);
        assertThat(http().basic(signer, USER_PASSWORD).putJson("/api/v1/signatures/keys/" + serial + "/pin",
                "{\"currentPin\":\"" + PIN + "\",\"newPin\":\"" + PIN + "\"}").statusCode()).isEqualTo(200);
        byte[] pdf = onePagePdf();
        assertThat(http().basic(signer, USER_PASSWORD).postMultipart("/api/v1/signatures", "file", "a.pdf", pdf,
                Map.of("pin", PIN)).statusCode()).isEqualTo(200);
        assertThat(http().basic(signer, USER_PASSWORD).postMultipart("/api/v1/signatures", "file", "a.pdf", pdf,
                Map.of("pin", WRONG_SECRET)).statusCode()).isEqualTo(422);
        // an export the policy refuses, then an admin's password reset
        assertThat(http().basic(signer, USER_PASSWORD).postJson("/api/v1/certificates/" + serial + "/pkcs12",
                "{\"pin\":\"" + PIN + "\",\"exportPassword\":\"" + WRONG_SECRET + "\"}").statusCode()).isEqualTo(409);
        assertThat(http().basic("admin", ADMIN_PASSWORD).putJson("/api/v1/accounts/" + account.id() + "/password",
                "{\"oneTimePassword\":\"" + WRONG_SECRET + "\"}").statusCode()).isEqualTo(204);

        stopCapturing(); // the appender list must not change while it is read
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : serverSide()) {
            lines.add(event.getFormattedMessage());
            lines.add(String.valueOf(event.getMDCPropertyMap()));
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                lines.add(t.getMessage());
            }
        }
        assertThat(serverSide()).as("the test must see the service's logging").hasSizeGreaterThan(20);
        assertThat(String.join("\n", lines))
                .doesNotContain(ADMIN_PASSWORD)
                .doesNotContain(USER_PASSWORD)
                .doesNotContain(WRONG_SECRET)
                .doesNotContain(PIN);
        assertThat(captured.list).anyMatch(e -> e.getMDCPropertyMap().containsKey("requestId"));
        assertThat(lines).as("the refused signing is in the logs searched").anyMatch(l -> l != null
                && l.contains("Signing refused for " + signer));
    }

    private static byte[] onePagePdf() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("kyso-log-", ".pdf");
            try {
                return java.nio.file.Files.readAllBytes(vn.kyso.signing.testpki.TestPdfs.onePage(file));
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
