package vn.kyso.server.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.NewOfficer;
import vn.kyso.server.KysoServerTest;
import vn.kyso.server.TestHttp;
import vn.kyso.server.security.NewAccount;
import vn.kyso.server.security.Role;

/**
 * Issue 13: the subscriber is told of every certificate issued in their name, by e-mail through a
 * real SMTP server and in the console of the accounts linked to them.
 */
class CertificateNoticesTest extends KysoServerTest {

    @Autowired
    CertificateAuthority ca;

    @Test
    void everyCertificateIssuedInAPersonsNameReachesTheirMailboxAndTheirConsole() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String address = "tb-" + tag + "@camau.gov.vn";
        long subscriber = ca.registerOfficer("test", new NewOfficer("Phạm Thị " + tag, "Chuyên viên",
                String.valueOf(100_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 899_999_999_999L)),
                address, ca.units(LocalDate.now()).get(0).code())).id();
        String username = "tb-" + tag;
        var account = accounts.create("test", new NewAccount(username, "Phạm Thị " + tag, "Mot-lan-" + username,
                Set.of(Role.OFFICER), String.valueOf(subscriber)));
        accounts.changePassword(account.id(), "Mot-lan-" + username, USER_PASSWORD);

        HttpResponse<String> issued = http().basic("admin", ADMIN_PASSWORD).postJson("/api/v1/certificates/custody",
                "{\"subscriberId\":" + subscriber + ",\"profile\":\"personal\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String serial = TestHttp.json(issued).get("serial").asString();

        MimeMessage mail = awaitMailTo(address);
        assertThat(mail.getSubject()).contains("Chứng thư số mới", "A new certificate", "Phạm Thị " + tag);
        assertThat((String) mail.getContent()).contains(serial, "Phạm Thị " + tag, "Serial");

        TestHttp browser = http();
        browser.login(username, USER_PASSWORD);
        assertThat(browser.get("/").body()).contains("chứng thư số mới được cấp mang tên bạn", "/account/notices");
        String notices = browser.get("/account/notices").body();
        assertThat(notices).contains("Chứng thư số mang tên bạn", serial);
        assertThat(browser.get("/account/notices?lang=en").body()).contains("Certificates in your name", serial);
        // seen once: the start page no longer calls for attention
        assertThat(browser.get("/").body()).doesNotContain("unseen-notices");
    }

    private static MimeMessage awaitMailTo(String address) throws Exception {
        for (int i = 0; i < 100; i++) {
            for (MimeMessage message : MAIL.getReceivedMessages()) {
                if (Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address))) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + address);
    }
}
