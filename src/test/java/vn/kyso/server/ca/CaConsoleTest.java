package vn.kyso.server.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.kyso.server.KysoServerTest;
import vn.kyso.server.TestHttp;

/** The admin console pages of the CA, driven as a browser drives them (forms with CSRF tokens). */
class CaConsoleTest extends KysoServerTest {

    @org.springframework.beans.factory.annotation.Autowired
    vn.kyso.ca.CertificateAuthority ca;

    @Test
    void adminRegistersAnOfficerIssuesSuspendsAndRevokesFromTheConsole() {
        TestHttp browser = http();
        browser.login("admin", ADMIN_PASSWORD);
        for (String page : new String[] {"/admin/units", "/admin/subscribers", "/admin/certificates",
                "/admin/certificates/issue", "/admin/audit?verify=true"}) {
            HttpResponse<String> response = browser.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.body()).as(page).doesNotContain("??");
        }
        String unit = TestHttp.json(http().basic("admin", ADMIN_PASSWORD).get("/api/v1/units")).get(0).get("code")
                .asString();

        String csrf = browser.csrfToken("/admin/subscribers");
        HttpResponse<String> added = browser.postForm("/admin/subscribers/officers", Map.of("_csrf", csrf,
                "fullName", "Lê Thị Bưởi", "positionTitle", "Văn thư", "cccd", "096301007777",
                "email", "ltb@camau.gov.vn", "unitCode", unit));
        assertThat(added.statusCode()).isEqualTo(302);
        // the new person is shown at once (a search for the CCCD), not somewhere among hundreds
        String shown = added.headers().firstValue("Location").orElseThrow();
        assertThat(shown).endsWith("/admin/subscribers?q=096301007777");
        assertThat(browser.get("/admin/subscribers?q=096301007777").body()).contains("Lê Thị Bưởi")
                .contains("Đã thêm thuê bao");

        long subscriber = TestHttp.json(http().basic("admin", ADMIN_PASSWORD).get("/api/v1/subscribers")).valueStream()
                .filter(s -> s.get("cccd").asString("").equals("096301007777")).findFirst().orElseThrow()
                .get("id").asLong();
        csrf = browser.csrfToken("/admin/certificates/issue");
        HttpResponse<String> issued = browser.postForm("/admin/certificates/issue", Map.of("_csrf", csrf,
                "subscriberId", String.valueOf(subscriber), "profile", "personal", "method", "custody",
                "pin", "135790"));
        assertThat(issued.headers().firstValue("Location").orElseThrow()).contains("/admin/certificates?subscriberId=");
        String list = browser.get("/admin/certificates?subscriberId=" + subscriber).body();
        assertThat(list).contains("Đã cấp chứng thư số").contains("Đang hoạt động");
        String serial = TestHttp.json(http().basic("admin", ADMIN_PASSWORD)
                .get("/api/v1/certificates?subscriberId=" + subscriber)).get(0).get("serial").asString();
        assertThat(browser.get("/admin/certificates/" + serial + ".pem").body()).startsWith("-----BEGIN CERTIFICATE-----");

        csrf = browser.csrfToken("/admin/certificates?subscriberId=" + subscriber);
        browser.postForm("/admin/certificates/" + serial + "/suspend", Map.of("_csrf", csrf));
        assertThat(browser.get("/admin/certificates?subscriberId=" + subscriber).body()).contains("Đã tạm dừng");
        browser.postForm("/admin/certificates/" + serial + "/revoke", Map.of("_csrf", csrf, "reason",
                "AFFILIATION_CHANGED"));
        String after = browser.get("/admin/certificates?subscriberId=" + subscriber + "&lang=en").body();
        assertThat(after).contains("Certificate " + serial + " of Lê Thị Bưởi revoked.").contains("Affiliation changed");

        // a refused change is a message on the page, not an error page
        browser.postForm("/admin/certificates/" + serial + "/release", Map.of("_csrf", csrf));
        assertThat(browser.get("/admin/certificates?lang=vi").body())
                .contains("Trạng thái hiện tại của chứng thư số không cho phép thao tác này.");
        // this test's own login, newest first under its Vietnamese name
        assertThat(browser.get("/admin/audit?action=LOGIN&actor=admin").body()).contains("Đăng nhập");
    }

    @Test
    void consoleActionsNeedTheAdminRoleAndTheCsrfToken() {
        TestHttp officer = http();
        officer.login(officer(), USER_PASSWORD);
        String csrf = officer.csrfToken("/account/password");
        assertThat(officer.postForm("/admin/certificates/01/revoke", Map.of("_csrf", csrf, "reason", "KEY_COMPROMISE"))
                .statusCode()).isEqualTo(403);
        assertThat(officer.get("/admin/certificates").statusCode()).isEqualTo(403);

        TestHttp auditor = http();
        auditor.login(auditor(), USER_PASSWORD);
        assertThat(auditor.get("/admin/audit").statusCode()).isEqualTo(403);

        TestHttp admin = http();
        admin.login("admin", ADMIN_PASSWORD);
        assertThat(admin.postForm("/admin/certificates/01/revoke", Map.of("reason", "KEY_COMPROMISE")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theAdminOpensAnAgencyCertificatesSealFromTheCertificateList() {
        String unit = ca.units(java.time.LocalDate.now()).get(0).code();
        long agency = ca.registerAgency("test", new vn.kyso.ca.NewAgency("UBND xã Tân Ân " + System.nanoTime(),
                "UBND huyện Ngọc Hiển", String.format("09%08d", System.nanoTime() % 100_000_000L), null, unit)).id();
        String serial = ca.issueWithCustody("test", new vn.kyso.ca.CustodyIssueRequest(agency, "agency",
                false)).serialHex();
        TestHttp browser = http();
        browser.login("admin", ADMIN_PASSWORD);

        String list = browser.get("/admin/certificates?kind=AGENCY").body();
        assertThat(list).contains("/account/seals?serial=" + serial);
        HttpResponse<String> seal = browser.get("/account/seals?serial=" + serial);
        assertThat(seal.statusCode()).isEqualTo(200);
        assertThat(seal.body()).contains("Con dấu: UBND xã Tân Ân").contains("Chưa có ảnh con dấu")
                .contains("/admin/seals/" + serial).doesNotContain("??");
    }
}
