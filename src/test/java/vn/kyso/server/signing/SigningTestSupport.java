package vn.kyso.server.signing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CustodyIssueRequest;
import vn.kyso.ca.NewAgency;
import vn.kyso.ca.NewOfficer;
import vn.kyso.server.KysoServerTest;
import vn.kyso.server.security.NewAccount;
import vn.kyso.server.security.Role;
import vn.kyso.signing.testpki.TestPdfs;

/**
 * What the signing tests share: officers and clerks with custody certificates issued through the
 * CA facade, test PDFs and PNGs, multipart requests with several parts, and the events the
 * service published (recorded by a listener added once to the shared context).
 */
public abstract class SigningTestSupport extends KysoServerTest {

    protected static final String PIN = "246810";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<Object> EVENTS = new CopyOnWriteArrayList<>();
    private static volatile boolean listening;

    @Autowired
    protected CertificateAuthority ca;

    @Autowired
    ConfigurableApplicationContext context;

    /** A signer: the account's username and the serial (hex) of its custody certificate. */
    protected record Signer(String username, String serial, long subscriberId) {
    }

    @BeforeEach
    void recordEvents() {
        if (!listening) {
            synchronized (EVENTS) {
                if (!listening) {
                    context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) e -> {
                        Object payload = e.getPayload();
                        if (payload instanceof DocumentSigned || payload.getClass().getPackageName()
                                .equals("vn.kyso.server.verification")) {
                            EVENTS.add(payload);
                        }
                    });
                    listening = true;
                }
            }
        }
    }

    /** Events published since the mark ({@code events().size()} before the action). */
    protected static List<Object> events() {
        return List.copyOf(EVENTS);
    }

    /** A new officer account linked to a new CA subscriber holding a custody certificate under {@link #PIN}. */
    protected Signer newOfficer(String prefix) {
        return newOfficer(prefix, false);
    }

    /** {@link #newOfficer(String)}, its key issued with or without its one PKCS#12 export allowed. */
    Signer newOfficer(String prefix, boolean allowExport) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String unit = ca.units(LocalDate.now()).get(0).code();
        long subscriber = ca.registerOfficer("test", new NewOfficer("Nguyễn Văn " + prefix, "Chủ tịch",
                twelveDigits(), username + "@camau.gov.vn", unit)).id();
        CertificateRecord certificate = ca.issueWithCustody("test",
                new CustodyIssueRequest(subscriber, "personal", allowExport));
        ca.choosePin(username, certificate.serial(), PIN.toCharArray()); // as the officer does at /sign/pin
        var account = accounts.create("test", new NewAccount(username, "Cán bộ " + prefix, "Mot-lan-" + username,
                Set.of(Role.OFFICER), String.valueOf(subscriber)));
        accounts.changePassword(account.id(), "Mot-lan-" + username, USER_PASSWORD);
        return new Signer(username, certificate.serialHex(), subscriber);
    }

    /** An agency certificate in custody under {@link #PIN} (no clerk named yet; the PIN as a clerk would choose it). */
    CertificateRecord newAgencyCertificate() {
        String unit = ca.units(LocalDate.now()).get(0).code();
        long agency = ca.registerAgency("test", new NewAgency("Văn phòng UBND tỉnh " + RANDOM.nextInt(100000),
                "UBND tỉnh Cà Mau", twelveDigits().substring(0, 10), null, unit)).id();
        CertificateRecord certificate = ca.issueWithCustody("test", new CustodyIssueRequest(agency, "agency", false));
        ca.choosePin("clerk", certificate.serial(), PIN.toCharArray());
        return certificate;
    }

    static String twelveDigits() {
        StringBuilder s = new StringBuilder("0");
        while (s.length() < 12) {
            s.append(RANDOM.nextInt(10));
        }
        return s.toString();
    }

    /** A one-page PDF made by signing-core's test corpus. */
    public static byte[] onePagePdf() {
        try {
            Path file = Files.createTempFile("kyso-test-", ".pdf");
            try {
                return Files.readAllBytes(TestPdfs.onePage(file));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A transparent PNG with a blue (signature) or red (seal) stroke. */
    static byte[] png(Color colour) {
        BufferedImage image = new BufferedImage(300, 150, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.setStroke(new BasicStroke(6));
        g.drawOval(20, 10, 260, 130);
        g.drawLine(40, 120, 260, 30);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A multipart body: text fields, then file parts (name → content), each file named {@code name.pdf}. */
    static Multipart multipart(Map<String, String> fields, List<Map.Entry<String, byte[]>> files) {
        String boundary = "kyso-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((key, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + key + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        int i = 0;
        for (Map.Entry<String, byte[]> file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
                    + "\"; filename=\"" + file.getKey() + (i++) + ".pdf\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    record Multipart(String contentType, byte[] body) {
    }

    /** Posts a multipart body as {@code username} (HTTP Basic) and returns the raw bytes. */
    HttpResponse<byte[]> post(String username, String path, Multipart multipart) {
        return http().basic(username, USER_PASSWORD).postBytes(path, multipart.contentType(), multipart.body());
    }

    /** A PUT with HTTP Basic (TestHttp has no multipart PUT); returns the status. */
    int put(String username, String password, String path, Multipart multipart) {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(http().url(path)))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .PUT(multipart == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofByteArray(multipart.body()));
        if (multipart != null) {
            request.header("Content-Type", multipart.contentType());
        }
        try {
            return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clerk: an OFFICER account without a certificate of its own. */
    String newClerk() {
        String username = "vanthu-" + UUID.randomUUID().toString().substring(0, 8);
        var account = accounts.create("test", new NewAccount(username, "Văn thư", "Mot-lan-" + username,
                Set.of(Role.OFFICER), null));
        accounts.changePassword(account.id(), "Mot-lan-" + username, USER_PASSWORD);
        return username;
    }

    /** Runs a peer tool (qpdf, pdfsig, openssl); its exit code, its output printed when it failed. */
    protected static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        if (code != 0) {
            System.err.println(String.join(" ", command) + ": " + out);
        }
        return code;
    }

    /** What a peer tool prints (stdout and stderr). */
    protected static String output(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
