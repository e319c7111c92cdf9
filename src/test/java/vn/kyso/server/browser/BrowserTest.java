package vn.kyso.server.browser;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CustodyIssueRequest;
import vn.kyso.ca.NewAgency;
import vn.kyso.ca.NewOfficer;
import vn.kyso.server.KysoServerTest;
import vn.kyso.server.security.NewAccount;
import vn.kyso.server.security.Role;
import vn.kyso.server.signing.AgencyClerks;
import vn.kyso.signing.testpki.TestPdfs;

/**
 * Base of the browser tests: the shared test server (no context of their own), a fresh Chromium
 * per test (with a screenshot when a test fails), and the people the scenarios need, made
 * through the CA facade: officers holding a custody certificate, and clerks of an agency
 * certificate with its seal image.
 */
abstract class BrowserTest extends KysoServerTest {

    static final String PIN = "975318";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    protected CertificateAuthority ca;

    @Autowired
    AgencyClerks clerks;

    @TempDir
    Path files;

    Chromium browser;

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
            browser.screenshot("failure");
        }
    };

    @BeforeAll
    static void chromiumInstalled() {
        Chromium.requireInstalled();
    }

    @BeforeEach
    void startBrowser(TestInfo test) {
        browser = Chromium.start(getClass().getSimpleName() + "." + test.getTestMethod().orElseThrow().getName(),
                http().url(""));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Who signs: the account and the serial (hex) of the custody certificate it holds under {@link #PIN}. */
    record Signer(String username, String name, String serial) {
    }

    /** A new officer (account linked to a CA subscriber) holding a personal custody certificate. */
    Signer newOfficer(String name) {
        return newOfficer(name, firstUnit());
    }

    /** A new officer of an agency (the first the CA knows today), for the dashboard's agency chart. */
    Signer newAgencyOfficer(String name) {
        return newOfficer(name, ca.units(LocalDate.now()).stream().filter(u -> u.kind().equals("agency"))
                .findFirst().orElseThrow().code());
    }

    /** A new officer of a commune (the first the CA knows today), for the dashboard's district chart. */
    Signer newCommuneOfficer(String name) {
        return newOfficer(name, ca.units(LocalDate.now()).stream().filter(u -> u.kind().equals("commune"))
                .findFirst().orElseThrow().code());
    }

    private Signer newOfficer(String name, String unit) {
        String username = "cb-" + UUID.randomUUID().toString().substring(0, 8);
        long subscriber = ca.registerOfficer("browser-test", new NewOfficer(name, "Phó Chủ tịch", digits(12),
                username + "@camau.gov.vn", unit)).id();
        CertificateRecord certificate = ca.issueWithCustody("browser-test",
                new CustodyIssueRequest(subscriber, "personal", false));
        ca.choosePin(username, certificate.serial(), PIN.toCharArray());
        newAccount(username, Role.OFFICER, String.valueOf(subscriber));
        return new Signer(username, name, certificate.serialHex());
    }

    /** A new clerk account, named by the admin on a new agency certificate that has a seal image. */
    Signer newClerk(String agencyName) {
        Signer clerk = newClerkWithoutSeal(agencyName);
        clerks.setSeal("admin", clerk.serial(), png(Color.RED), 36);
        return clerk;
    }

    /** A new clerk account on a new agency certificate with no seal image yet (a fresh install). */
    Signer newClerkWithoutSeal(String agencyName) {
        String username = "vt-" + UUID.randomUUID().toString().substring(0, 8);
        long agency = ca.registerAgency("browser-test", new NewAgency(agencyName, "UBND tỉnh Cà Mau", digits(10),
                null, firstUnit())).id();
        CertificateRecord certificate = ca.issueWithCustody("browser-test",
                new CustodyIssueRequest(agency, "agency", false));
        ca.choosePin(username, certificate.serial(), PIN.toCharArray());
        newAccount(username, Role.OFFICER, null);
        clerks.addClerk("admin", certificate.serialHex(), username);
        return new Signer(username, agencyName, certificate.serialHex());
    }

    /** A one-page PDF signed by {@code officer} through the API (level B-LT, invisible signature). */
    byte[] signedThroughTheApi(Signer officer) {
        try {
            var response = http().basic(officer.username(), USER_PASSWORD).postMultipartBytes("/api/v1/signatures",
                    "file", "van-ban.pdf", Files.readAllBytes(onePagePdf("api-" + UUID.randomUUID() + ".pdf")),
                    java.util.Map.of("pin", PIN));
            if (response.statusCode() != 200) {
                throw new AssertionError("signing through the API: " + response.statusCode() + " "
                        + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page PDF in the test's folder (the path is what a user picks in the file dialog). */
    Path onePagePdf(String name) {
        return TestPdfs.onePage(files.resolve(name));
    }

    /** A transparent PNG with a stroke in {@code colour} (a handwritten signature, a seal), as a file. */
    Path pngFile(String name, Color colour) {
        try {
            return Files.write(files.resolve(name), png(colour));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A transparent PNG with a stroke in {@code colour}; also for the demo's browser tests. */
    static byte[] png(Color colour) {
        BufferedImage image = new BufferedImage(240, 120, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.setStroke(new BasicStroke(5));
        g.drawArc(20, 20, 200, 80, 0, 300);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void newAccount(String username, Role role, String subscriber) {
        String first = "Lan-dau-" + username;
        var account = accounts.create("test", new NewAccount(username, "Người dùng " + username, first, Set.of(role),
                subscriber));
        accounts.changePassword(account.id(), first, USER_PASSWORD);
    }

    private String firstUnit() {
        return ca.units(LocalDate.now()).get(0).code();
    }

    private static String digits(int count) {
        StringBuilder s = new StringBuilder("0");
        while (s.length() < count) {
            s.append(RANDOM.nextInt(10));
        }
        return s.toString();
    }
}
