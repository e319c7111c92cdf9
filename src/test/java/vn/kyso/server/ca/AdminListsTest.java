package vn.kyso.server.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CertificateStatus;
import vn.kyso.ca.CustodyIssueRequest;
import vn.kyso.ca.NewOfficer;
import vn.kyso.server.KysoServerTest;
import vn.kyso.server.TestHttp;
import vn.kyso.server.security.NewAccount;
import vn.kyso.server.security.Role;

/**
 * The admin's lists when the province has hundreds of people: search by name, CCCD and serial,
 * pages, a confirmation naming the person before a revocation, the filter kept on return, the
 * subscriber picked by name, and an audit log an admin can read.
 */
class AdminListsTest extends KysoServerTest {

    private static final AtomicLong CCCD = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    CertificateAuthority ca;

    @Test
    void subscribersAreFoundByNameWithoutDiacriticsAndByCccdFiftyAPage() {
        String tag = "Phân Trang " + (char) ('A' + (int) (CCCD.get() % 26)) + CCCD.get() % 1000;
        String first = null;
        for (int i = 0; i < 60; i++) {
            String cccd = cccd();
            first = first == null ? cccd : first;
            officer("Kiểm Thử " + tag + " " + String.format("%02d", i), cccd);
        }
        TestHttp admin = admin();
        String folded = vn.kyso.ca.subscriber.SubscriberMatch.fold("Kiểm Thử " + tag);

        String page1 = admin.get("/admin/subscribers?q=" + encode(folded)).body();
        assertThat(page1).contains("1–50 trên 60").contains("Kiểm Thử " + tag + " 00")
                .doesNotContain("Kiểm Thử " + tag + " 50").contains("offset=50");
        String page2 = admin.get("/admin/subscribers?q=" + encode(folded) + "&offset=50").body();
        assertThat(page2).contains("51–60 trên 60").contains("Kiểm Thử " + tag + " 59")
                .doesNotContain("Kiểm Thử " + tag + " 49");
        String byCccd = admin.get("/admin/subscribers?q=" + first).body();
        assertThat(byCccd).contains("1–1 trên 1").contains("Kiểm Thử " + tag + " 00");
        assertThat(byCccd).doesNotContain("??");
        // a text longer than the search allows is cut, not an error page
        assertThat(admin.get("/admin/subscribers?q=" + "a".repeat(300)).statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/certificates?q=" + "a".repeat(300)).statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/certificates/issue?q=" + "a".repeat(300)).statusCode()).isEqualTo(200);
    }

    @Test
    void revokingAsksFirstNamingThePersonAndReturnsToTheListAsItWas() {
        String cccd = cccd();
        long subscriber = officer("Phạm Thị Xác Nhận", cccd);
        CertificateRecord certificate = ca.issueWithCustody("test", new CustodyIssueRequest(subscriber, "personal",
                false));
        String serial = certificate.serialHex();
        TestHttp admin = admin();

        String list = admin.get("/admin/certificates?q=" + cccd + "&status=ACTIVE").body();
        assertThat(list).contains("Phạm Thị Xác Nhận").contains(serial).contains(cccd)
                .doesNotContain("<select name=\"reason\"") // no revocation form in the row: a link to confirm
                .doesNotContain("1.2.840.113549");
        assertThat(TestHttp.json(http().basic("admin", ADMIN_PASSWORD).get("/api/v1/certificates?q=" + cccd))
                .valueStream().map(c -> c.get("serial").asString()).toList()).containsExactly(serial);
        String confirmUrl = "/admin/certificates/" + serial + "/revoke?q=" + cccd + "&status=ACTIVE";
        assertThat(list).contains(confirmUrl.replace("&", "&amp;"));

        String confirm = admin.get(confirmUrl).body();
        assertThat(confirm).contains("Thu hồi chứng thư số").contains("Phạm Thị Xác Nhận").contains(serial)
                .contains(ca.subscriber(subscriber).unit().name()).contains("Xác nhận thu hồi")
                .contains("name=\"q\" value=\"" + cccd + "\"").contains("name=\"status\" value=\"ACTIVE\"");
        assertThat(ca.certificate(certificate.serial()).orElseThrow().status()).isEqualTo(CertificateStatus.ACTIVE);

        String csrf = admin.csrfToken(confirmUrl);
        HttpResponse<String> revoked = admin.postForm("/admin/certificates/" + serial + "/revoke",
                Map.of("_csrf", csrf, "reason", "AFFILIATION_CHANGED", "q", cccd, "status", "ACTIVE"));
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(revoked.headers().firstValue("Location").orElseThrow())
                .endsWith("/admin/certificates?q=" + cccd + "&status=ACTIVE");
        assertThat(admin.get("/admin/certificates?q=" + cccd + "&status=ACTIVE").body())
                .contains("Đã thu hồi chứng thư số " + serial + " của Phạm Thị Xác Nhận.");
        assertThat(ca.certificate(certificate.serial()).orElseThrow().status()).isEqualTo(CertificateStatus.REVOKED);
        // a revoked certificate's confirmation page offers nothing to press
        assertThat(admin.get(confirmUrl).body()).doesNotContain("Xác nhận thu hồi")
                .contains("Trạng thái hiện tại của chứng thư số không cho phép thao tác này.");
    }

    @Test
    void suspendingAsksFirstAndABadFilterFieldOnlyWidensTheList() {
        long subscriber = officer("Võ Văn Tạm Dừng", cccd());
        String serial = ca.issueWithCustody("test", new CustodyIssueRequest(subscriber, "personal", false)).serialHex();
        TestHttp admin = admin();

        String confirm = admin.get("/admin/certificates/" + serial + "/suspend?subscriberId=" + subscriber).body();
        assertThat(confirm).contains("Tạm dừng chứng thư số").contains("Võ Văn Tạm Dừng").contains("Xác nhận tạm dừng");
        String csrf = admin.csrfToken("/admin/certificates/" + serial + "/suspend");
        HttpResponse<String> suspended = admin.postForm("/admin/certificates/" + serial + "/suspend",
                Map.of("_csrf", csrf, "subscriberId", String.valueOf(subscriber), "status", "NOT_A_STATUS",
                        "offset", "-3"));
        assertThat(suspended.headers().firstValue("Location").orElseThrow())
                .endsWith("/admin/certificates?subscriberId=" + subscriber);
        assertThat(admin.get("/admin/certificates?subscriberId=" + subscriber).body())
                .contains("Đã tạm dừng chứng thư số " + serial + " của Võ Văn Tạm Dừng.")
                .contains("Chứng thư số của: Võ Văn Tạm Dừng");
        assertThat(admin.get("/admin/certificates/00ff00ff00ff/revoke").statusCode()).isEqualTo(404);
    }

    @Test
    void theIssuingFormFindsThePersonBySearchNotInADropDownOfEveryone() {
        String cccd = cccd();
        long subscriber = officer("Đặng Thị Nhận Cấp", cccd);
        TestHttp admin = admin();

        String empty = admin.get("/admin/certificates/issue").body();
        assertThat(empty).doesNotContain("<select id=\"subscriberId\"").contains("name=\"q\"");
        String found = admin.get("/admin/certificates/issue?q=" + encode("dang thi nhan cap")).body();
        assertThat(found).contains("Đặng Thị Nhận Cấp").contains("/admin/certificates/issue?subscriberId=" + subscriber);
        String form = admin.get("/admin/certificates/issue?subscriberId=" + subscriber).body();
        assertThat(form).contains("Đặng Thị Nhận Cấp").contains(cccd)
                .contains("name=\"subscriberId\" value=\"" + subscriber + "\"");
        assertThat(admin.get("/admin/certificates/issue?subscriberId=999999999").body())
                .contains("Không tìm thấy thuê bao.");
    }

    @Test
    void anAccountIsLinkedToThePersonPickedByName() {
        String cccd = cccd();
        long subscriber = officer("Huỳnh Văn Liên Kết", cccd);
        String username = "lk-" + cccd.substring(6);
        long account = accounts.create("test", new NewAccount(username, "Huỳnh Văn Liên Kết", "Mot-lan-" + username
                + "-2026", java.util.Set.of(Role.OFFICER), null)).id();
        TestHttp admin = admin();

        String picker = admin.get("/admin/accounts/" + account + "/subscriber?q=" + encode("huynh van lien ket")).body();
        assertThat(picker).contains("Huỳnh Văn Liên Kết").contains(cccd)
                .contains("name=\"subscriberId\" value=\"" + subscriber + "\"");
        String csrf = admin.csrfToken("/admin/accounts/" + account + "/subscriber");
        admin.postForm("/admin/accounts/" + account + "/subscriber", Map.of("_csrf", csrf,
                "subscriberId", String.valueOf(subscriber)));

        assertThat(accounts.get(account).subscriberId()).isEqualTo(String.valueOf(subscriber));
        assertThat(admin.get("/admin/accounts/987654321/subscriber").statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/accounts").body()).contains("Huỳnh Văn Liên Kết, "
                + ca.subscriber(subscriber).unit().name()).doesNotContain("name=\"subscriberId\" value=\"" + subscriber);
    }

    @Test
    void theAuditLogIsNewestFirstInVietnamTimeWithVietnameseNamesAndFilters() {
        long subscriber = officer("Lý Thị Nhật Ký", cccd());
        String serial = ca.issueWithCustody("test", new CustodyIssueRequest(subscriber, "personal", false)).serialHex();
        ca.revoke("nhat-ky-test", new java.math.BigInteger(serial, 16), vn.kyso.ca.RevocationReason.SUPERSEDED);
        TestHttp admin = admin();

        String page = admin.get("/admin/audit").body();
        List<Long> seqs = numbers(page, "<tr>\\s*<td>(\\d+)</td>");
        assertThat(seqs).hasSizeGreaterThan(2);
        assertThat(seqs).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        assertThat(page).containsPattern("<time>" + Pattern.quote(today) + " \\d{2}:\\d{2}:\\d{2}</time>")
                .doesNotContainPattern("<time>[^<]*[.TZ][^<]*</time>")
                .contains("Đăng nhập").contains("Thu hồi chứng thư số");

        String revocations = admin.get("/admin/audit?action=CERTIFICATE_REVOKED&actor=NHAT-KY").body();
        assertThat(revocations).contains(serial).contains("1–1 trên 1").doesNotContain(">Đăng nhập</span>");
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).toString();
        assertThat(admin.get("/admin/audit?actor=nhat-ky-test&from=" + tomorrow).body()).contains("Không có kết quả.");
        assertThat(admin.get("/admin/audit?from=" + tomorrow + "&to=2020-01-01").body())
                .contains("Bộ lọc không hợp lệ");
        assertThat(admin.get("/admin/audit?action=CERTIFICATE_REVOKED&lang=en").body()).contains("Certificate revoked");
    }

    @Test
    void everyActionInTheLogHasAVietnameseAndAnEnglishName() {
        var vi = AuditActionNamesTest.load("messages.properties");
        var en = AuditActionNamesTest.load("messages_en.properties");
        assertThat(ca.auditActions()).isNotEmpty().allSatisfy(action -> {
            assertThat(vi.getProperty("audit.action." + action)).as(action).isNotBlank();
            assertThat(en.getProperty("audit.action." + action)).as(action).isNotBlank();
        });
    }

    private TestHttp admin() {
        TestHttp admin = http();
        admin.login("admin", ADMIN_PASSWORD);
        return admin;
    }

    private long officer(String name, String cccd) {
        String unit = ca.units(LocalDate.now()).get(0).code();
        return ca.registerOfficer("test", new NewOfficer(name, "Chuyên viên", cccd, "cb" + cccd + "@camau.gov.vn",
                unit)).id();
    }

    private static String cccd() {
        return String.format("097%09d", CCCD.incrementAndGet() % 1_000_000_000L);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<Long> numbers(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        List<Long> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }
}
