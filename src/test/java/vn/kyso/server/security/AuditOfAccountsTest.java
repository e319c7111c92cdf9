package vn.kyso.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.kyso.server.KysoServerTest;
import vn.kyso.server.TestHttp;

/**
 * Every change to an account or an API token lands in the CA's audit chain with who did it, to
 * which account, through the API and through the console alike, and never with a password or
 * a token in it; the chain still verifies afterwards.
 */
class AuditOfAccountsTest extends KysoServerTest {

    @Test
    void everyAccountAndTokenChangeThroughTheApiIsAuditedWithoutSecrets() {
        long mark = lastAuditSeq();
        TestHttp admin = http().basic("admin", ADMIN_PASSWORD);
        String first = "Mot-lan-kiemtoan1-2026";
        HttpResponse<String> created = admin.postJson("/api/v1/accounts", "{\"username\":\"kiemtoan1\","
                + "\"displayName\":\"Trần Văn Kiểm\",\"password\":\"" + first + "\",\"roles\":[\"OFFICER\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = TestHttp.json(created).get("id").asLong();
        String path = "/api/v1/accounts/" + id;

        assertThat(admin.putJson(path + "/roles", "{\"roles\":[\"OFFICER\",\"AUDITOR\"]}").statusCode()).isEqualTo(200);
        assertThat(admin.putJson(path + "/subscriber", "{\"subscriberId\":\"42\"}").statusCode()).isEqualTo(200);
        assertThat(admin.putJson(path + "/enabled", "{\"enabled\":false}").statusCode()).isEqualTo(200);
        assertThat(admin.putJson(path + "/enabled", "{\"enabled\":true}").statusCode()).isEqualTo(200);
        String reset = "Dat-lai-kiemtoan1-2026";
        assertThat(admin.putJson(path + "/password", "{\"oneTimePassword\":\"" + reset + "\"}").statusCode())
                .isEqualTo(204);
        String own = "Cua-toi-kiemtoan1-2026";
        assertThat(http().basic("kiemtoan1", reset).postJson("/api/v1/account/password",
                "{\"currentPassword\":\"" + reset + "\",\"newPassword\":\"" + own + "\"}").statusCode()).isEqualTo(204);
        TestHttp self = http().basic("kiemtoan1", own);
        HttpResponse<String> issued = self.postJson("/api/v1/tokens", "{\"name\":\"kich-ban\",\"validDays\":7}");
        String token = TestHttp.json(issued).get("token").asString();
        long tokenId = TestHttp.json(issued).get("id").asLong();
        assertThat(http().bearer(token).delete("/api/v1/tokens/" + tokenId).statusCode()).isEqualTo(204);

        HttpResponse<String> log = admin.get("/api/v1/audit?after=" + mark + "&limit=1000");
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(entries(log, "account:kiemtoan1")).containsExactly(
                "admin ACCOUNT_CREATED roles OFFICER, subscriber none",
                "admin ACCOUNT_ROLES_CHANGED OFFICER -> OFFICER,AUDITOR",
                "admin ACCOUNT_ACCESS_ENDED roles changed; sessions ended, 0 API token(s) revoked",
                "admin ACCOUNT_SUBSCRIBER_LINKED subscriber none -> 42",
                "admin ACCOUNT_ACCESS_ENDED subscriber changed; sessions ended, 0 API token(s) revoked",
                "admin ACCOUNT_DISABLED ",
                "admin ACCOUNT_ACCESS_ENDED disabled; sessions ended, 0 API token(s) revoked",
                "admin ACCOUNT_ENABLED ",
                "admin ACCOUNT_PASSWORD_RESET one-time password, to be changed at next login",
                "admin ACCOUNT_ACCESS_ENDED password reset; sessions ended, 0 API token(s) revoked",
                "kiemtoan1 ACCOUNT_PASSWORD_CHANGED ",
                "kiemtoan1 API_TOKEN_ISSUED token " + tokenId + " 'kich-ban', expires "
                        + TestHttp.json(issued).get("expiresAt").asString(),
                "kiemtoan1 API_TOKEN_REVOKED token " + tokenId + " 'kich-ban'");
        assertThat(log.body()).doesNotContain(first, reset, own, token, token.substring(5));
        assertAuditChainIntact();
    }

    @Test
    void theConsoleRecordsTheSameChangesAsTheApi() {
        long mark = lastAuditSeq();
        TestHttp browser = http();
        browser.login("admin", ADMIN_PASSWORD);
        String first = "Mot-lan-kiemtoan2-2026";
        String csrf = browser.csrfToken("/admin/accounts");
        submit(browser, "/admin/accounts", Map.of("_csrf", csrf, "username", "kiemtoan2", "displayName",
                "Lê Thị Soát", "password", first, "roles", "OFFICER"));
        long id = accounts.find("kiemtoan2").orElseThrow().id();
        String path = "/admin/accounts/" + id;
        submit(browser, path + "/roles", Map.of("_csrf", csrf, "roles", "AUDITOR"));
        submit(browser, path + "/subscriber", Map.of("_csrf", csrf, "subscriberId", "7"));
        submit(browser, path + "/enabled", Map.of("_csrf", csrf, "enabled", "false"));
        submit(browser, path + "/enabled", Map.of("_csrf", csrf, "enabled", "true"));
        String reset = "Dat-lai-kiemtoan2-2026";
        assertThat(submit(browser, path + "/password", Map.of("_csrf", csrf, "oneTimePassword", reset)))
                .contains("Đã đặt mật khẩu một lần cho kiemtoan2");

        HttpResponse<String> log = http().basic(auditor(), USER_PASSWORD)
                .get("/api/v1/audit?after=" + mark + "&limit=1000");
        assertThat(entries(log, "account:kiemtoan2")).containsExactly(
                "admin ACCOUNT_CREATED roles OFFICER, subscriber none",
                "admin ACCOUNT_ROLES_CHANGED OFFICER -> AUDITOR",
                "admin ACCOUNT_ACCESS_ENDED roles changed; sessions ended, 0 API token(s) revoked",
                "admin ACCOUNT_SUBSCRIBER_LINKED subscriber none -> 7",
                "admin ACCOUNT_ACCESS_ENDED subscriber changed; sessions ended, 0 API token(s) revoked",
                "admin ACCOUNT_DISABLED ",
                "admin ACCOUNT_ACCESS_ENDED disabled; sessions ended, 0 API token(s) revoked",
                "admin ACCOUNT_ENABLED ",
                "admin ACCOUNT_PASSWORD_RESET one-time password, to be changed at next login",
                "admin ACCOUNT_ACCESS_ENDED password reset; sessions ended, 0 API token(s) revoked");
        assertThat(log.body()).doesNotContain(first, reset);
        assertAuditChainIntact();
    }

    @Test
    void anAdminCannotLockThemselvesOutAndNothingIsRecordedWhenRefused() {
        long mark = lastAuditSeq();
        TestHttp admin = http().basic("admin", ADMIN_PASSWORD);
        long self = accounts.find("admin").orElseThrow().id();

        HttpResponse<String> disabled = admin.putJson("/api/v1/accounts/" + self + "/enabled", "{\"enabled\":false}");
        HttpResponse<String> demoted = admin.putJson("/api/v1/accounts/" + self + "/roles",
                "{\"roles\":[\"AUDITOR\"]}");

        assertThat(disabled.statusCode()).isEqualTo(409);
        assertThat(TestHttp.json(disabled).get("code").asString()).isEqualTo("SELF_LOCKOUT");
        assertThat(demoted.statusCode()).isEqualTo(409);
        Account after = accounts.find("admin").orElseThrow();
        assertThat(after.enabled()).isTrue();
        assertThat(after.roles()).contains(Role.ADMIN);
        assertThat(entries(admin.get("/api/v1/audit?after=" + mark + "&limit=1000"), "account:admin")).isEmpty();
    }

    /** Posts a console form and follows its redirect, as a browser does; returns the page shown. */
    private static String submit(TestHttp browser, String path, Map<String, String> form) {
        HttpResponse<String> response = browser.postForm(path, form);
        assertThat(response.statusCode()).as(path).isEqualTo(302);
        return browser.get(URI.create(response.headers().firstValue("Location").orElseThrow()).getPath()).body();
    }

    /** "actor ACTION details" of the entries about one account, oldest first. */
    private static List<String> entries(HttpResponse<String> log, String target) {
        return TestHttp.json(log).valueStream()
                .filter(e -> e.get("target").asString().equals(target))
                .map(AuditOfAccountsTest::line)
                .toList();
    }

    private static String line(JsonNode e) {
        return e.get("actor").asString() + " " + e.get("action").asString() + " " + e.get("details").asString();
    }
}
