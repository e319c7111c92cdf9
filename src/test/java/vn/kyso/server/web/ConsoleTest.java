package vn.kyso.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.kyso.server.KysoServerTest;
import vn.kyso.server.TestHttp;
import vn.kyso.server.security.NewAccount;
import vn.kyso.server.security.Role;

class ConsoleTest extends KysoServerTest {

    @Test
    void loginPageIsVietnameseByDefaultAndEnglishOnRequestRemembered() {
        TestHttp browser = http();
        assertThat(browser.get("/login").body()).contains("lang=\"vi\"").contains("Tên đăng nhập").contains("Mật khẩu");
        assertThat(browser.get("/login?lang=en").body()).contains("lang=\"en\"").contains("Username");
        // the choice is kept in a cookie
        assertThat(browser.get("/login").body()).contains("Username");
        assertThat(http().header("Accept-Language", "en-US").get("/login").body()).contains("Username");
    }

    @Test
    void consoleFormPostsNeedTheCsrfToken() {
        TestHttp browser = http();
        browser.get("/login");
        HttpResponse<String> forged = browser.postForm("/login", Map.of("username", "admin", "password", ADMIN_PASSWORD));
        assertThat(forged.statusCode()).isEqualTo(403);

        HttpResponse<String> login = browser.login("admin", ADMIN_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/");
        HttpResponse<String> noToken = browser.postForm("/account/password",
                Map.of("currentPassword", ADMIN_PASSWORD, "newPassword", "x", "confirmPassword", "x"));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(browser.postForm("/logout", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void wrongPasswordShowsTheLoginError() {
        TestHttp browser = http();
        HttpResponse<String> login = browser.login("admin", "wrong-password-1");
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
    }

    @Test
    void navigationFollowsTheRoles() {
        TestHttp admin = http();
        admin.login("admin", ADMIN_PASSWORD);
        String adminHome = admin.get("/").body();
        assertThat(adminHome).contains("Chứng thư số", "Thuê bao", "Đơn vị", "Nhật ký", "Xác minh")
                .doesNotContain(">Ký số<").doesNotContain(">Báo cáo<");

        TestHttp officer = http();
        officer.login(officer(), USER_PASSWORD);
        String officerHome = officer.get("/").body();
        assertThat(officerHome).contains(">Ký số<", "Xác minh").doesNotContain("Chứng thư số").doesNotContain("Nhật ký");
        assertThat(officer.get("/admin/units").statusCode()).isEqualTo(403);

        TestHttp auditor = http();
        auditor.login(auditor(), USER_PASSWORD);
        assertThat(auditor.get("/").body()).contains(">Báo cáo<").doesNotContain(">Ký số<").doesNotContain("Thuê bao");
        assertThat(auditor.get("/admin/certificates").statusCode()).isEqualTo(403);
    }

    @Test
    void oneTimePasswordMustBeChangedAtFirstLogin() {
        accounts.create("test", new NewAccount("newcomer", "Trần Thị B", "Mot-lan-newcomer-2026", Set.of(Role.OFFICER), null));
        TestHttp browser = http();
        browser.login("newcomer", "Mot-lan-newcomer-2026");
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
        assertThat(browser.get("/account/password").body()).contains("mật khẩu một lần");

        String csrf = browser.csrfToken("/account/password");
        HttpResponse<String> mismatch = browser.postForm("/account/password", Map.of("_csrf", csrf,
                "currentPassword", "Mot-lan-newcomer-2026", "newPassword", "Moi-newcomer-2026",
                "confirmPassword", "Khac-newcomer-2026"));
        assertThat(mismatch.body()).contains("không khớp");

        HttpResponse<String> changed = browser.postForm("/account/password", Map.of("_csrf", csrf,
                "currentPassword", "Mot-lan-newcomer-2026", "newPassword", "Moi-newcomer-2026",
                "confirmPassword", "Moi-newcomer-2026"));
        assertThat(changed.statusCode()).isEqualTo(302);
        HttpResponse<String> after = browser.get("/");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("Xin chào, Trần Thị B").contains("Đã đổi mật khẩu.");
    }

    @Test
    void adminCreatesAnAccountInTheConsoleAndLinksItToASubscriber() {
        TestHttp admin = http();
        admin.login("admin", ADMIN_PASSWORD);
        String csrf = admin.csrfToken("/admin/accounts");
        admin.postForm("/admin/accounts", Map.of("_csrf", csrf, "username", "vanthu1", "displayName", "Đỗ Thị Văn Thư",
                "password", "Mot-lan-vanthu1-2026", "roles", "OFFICER", "subscriberId", "42"));
        assertThat(admin.get("/admin/accounts").body()).contains("Đã tạo tài khoản vanthu1.").contains("Đỗ Thị Văn Thư");
        var created = accounts.find("vanthu1").orElseThrow();
        assertThat(created.roles()).containsExactly(Role.OFFICER);
        assertThat(created.subscriberId()).isEqualTo("42");
        assertThat(created.mustChangePassword()).isTrue();

        admin.postForm("/admin/accounts", Map.of("_csrf", csrf, "username", "noroles", "displayName", "X",
                "password", "Mot-lan-noroles-2026"));
        assertThat(admin.get("/admin/accounts").body()).contains("Tài khoản cần ít nhất một vai trò.");
        assertThat(accounts.find("noroles")).isEmpty();

        TestHttp officer = http();
        officer.login(officer(), USER_PASSWORD);
        assertThat(officer.get("/admin/accounts").statusCode()).isEqualTo(403);
    }

    @Test
    void consolePagesAreServedWithoutAnyExternalResource() {
        String page = http().get("/login").body();
        assertThat(page).doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(http().get("/favicon.svg").statusCode()).isEqualTo(200);
        assertThat(http().get("/login").headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'");
    }
}
