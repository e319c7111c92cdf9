package vn.kyso.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.NewOfficer;
import vn.kyso.server.KysoDemoServerTest;
import vn.kyso.server.TestHttp;
import vn.kyso.server.approval.Approvals;
import vn.kyso.server.approval.CertificateNotices;
import vn.kyso.signing.Indication;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.testpki.TestPdfs;

/**
 * The demo province through the API, on the demo server the demo's browser tests share
 * ({@link KysoDemoServerTest}: one of the suite's two extra contexts, with ExpiryListingTest).
 */
class DemoDataTest extends KysoDemoServerTest {

    @Autowired
    PdfVerifier verifier;

    @TempDir
    Path temp;

    @Test
    void theDemoTestsBaseUsesTheDemosPasswordAndPin() {
        assertThat(DEMO_PASSWORD).isEqualTo(DemoLoader.PASSWORD);
        assertThat(DEMO_PIN).isEqualTo(DemoLoader.PIN);
    }

    @Autowired
    Approvals approvals;

    @Autowired
    CertificateNotices notices;

    @Autowired
    CertificateAuthority ca;

    /** Issue 13: the demo's one person issues at once; without a mail server the notice stays in the console. */
    @Test
    void theDemoIssuesWithoutASecondPersonAndWithoutMailItsNoticesStayInTheConsole() {
        assertThat(approvals.enabled()).isFalse();
        long subscriber = ca.registerOfficer("test", new NewOfficer("Ngô Văn Thử", "Chuyên viên",
                "0792" + String.valueOf(System.nanoTime()).substring(0, 8), "ngo.thu@camau.gov.vn",
                ca.units(java.time.LocalDate.now()).get(0).code())).id();
        HttpResponse<String> issued = new TestHttp(port).basic("admin", DemoLoader.PASSWORD).postJson(
                "/api/v1/certificates/custody", "{\"subscriberId\":" + subscriber + ",\"profile\":\"personal\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String serial = TestHttp.json(issued).get("serial").asString();
        assertThat(notices.of(String.valueOf(subscriber))).singleElement().satisfies(n -> {
            assertThat(n.serial()).isEqualTo(serial);
            assertThat(n.mail()).isEqualTo(CertificateNotices.Mail.NO_MAIL_SERVER);
        });
    }

    @Test
    void theHeadlineIs280Of967Certificates() {
        HttpResponse<String> response = http().basic("auditor", DemoLoader.PASSWORD).get("/api/v1/reports/usage");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode json = TestHttp.json(response);
        assertThat(json.get("certificates").asInt()).isEqualTo(967);
        assertThat(json.get("regular").asInt()).isEqualTo(280);
        assertThat(json.get("regularRate").decimalValue()).isEqualByComparingTo("28.96");
        assertThat(json.get("headline").asString()).isEqualTo("280 trên 967 chứng thư số được sử dụng thường xuyên: 28,96%");
        assertThat(TestHttp.json(http().basic("auditor", "demo").get("/api/v1/reports/usage?kind=AGENCY"))
                .get("certificates").asInt()).isEqualTo(265);
        assertThat(TestHttp.json(http().basic("auditor", "demo").get("/api/v1/reports/usage?kind=PERSONAL"))
                .get("certificates").asInt()).isEqualTo(702);
        assertThat(json.get("byDistrict").size()).isGreaterThan(5);
    }

    @Autowired
    vn.kyso.usage.UsageReports usage;

    @Autowired
    java.time.Clock clock;

    @Test
    void theDemoCertificatesWereIssuedBackDatedAndAreValidOverTheHistoryTheDemoCreditsThemWith() {
        // the defect: kyso's CA issued the demo's certificates today while the report credited them
        // with a year of signatures before today
        assertThat(clock).isInstanceOf(DemoClock.class);
        assertThat(((DemoClock) clock).isReal()).isTrue();
        vn.kyso.usage.UsageReport report = usage.report(usage.defaultPeriod());
        assertThat(report.summary().certificates()).isEqualTo(967);
        assertThat(report.summary().regular()).isEqualTo(280);
        java.time.Instant start = report.request().from().atStartOfDay(vn.kyso.usage.UsageReports.VIETNAM).toInstant();
        java.time.Instant end = report.request().to().plusDays(1).atStartOfDay(vn.kyso.usage.UsageReports.VIETNAM)
                .toInstant();
        java.time.Instant earliest = end;
        for (vn.kyso.usage.UsageReport.CertificateUsage row : report.certificates()) {
            vn.kyso.ca.CertificateRecord issued = ca.certificate(new java.math.BigInteger(row.certificate().serial(), 16))
                    .orElseThrow();
            assertThat(issued.notBefore()).as(row.certificate().serial()).isBefore(start);
            assertThat(issued.notAfter()).as(row.certificate().serial()).isAfter(end);
            if (row.lastUse() != null) {
                assertThat(issued.notBefore()).isBefore(row.lastUse().atStartOfDay(vn.kyso.usage.UsageReports.VIETNAM)
                        .toInstant());
            }
            earliest = issued.notBefore().isBefore(earliest) ? issued.notBefore() : earliest;
        }
        // the hierarchy is older than every certificate it issued, and the units are those of the day of issue
        for (java.security.cert.X509Certificate authority : ca.caChain()) {
            assertThat(authority.getNotBefore().toInstant()).isBefore(earliest);
        }
        assertThat(report.certificates()).filteredOn(r -> r.unitCode().equals("964")).isNotEmpty();
        assertThat(java.nio.file.Files.exists(DATA_DIR.resolve(DemoClock.LOADED))).isTrue();
    }

    @Test
    void theDemoOfficerSignsWithPin123456() throws IOException {
        byte[] pdf = Files.readAllBytes(TestPdfs.onePage(temp.resolve("in.pdf")));
        String boundary = "kyso-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"pin\"\r\n\r\n" + DemoLoader.PIN
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(pdf);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        HttpResponse<byte[]> signed = http().basic("officer", DemoLoader.PASSWORD)
                .postBytes("/api/v1/signatures", "multipart/form-data; boundary=" + boundary, body.toByteArray());

        assertThat(signed.statusCode()).as(new String(signed.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(verifier.verify(signed.body()).signatures().get(0).indication()).isEqualTo(Indication.VALID);
    }
}
