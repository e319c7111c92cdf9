package vn.kyso.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.kyso.server.KysoServerTest;
import vn.kyso.server.TestHttp;

class AccessRulesTest extends KysoServerTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anonymousReachesOnlyPublicEndpoints() {
        TestHttp anonymous = http();
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/css/kyso.css").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/v3/api-docs").statusCode()).isEqualTo(200);
        assertThat(anonymous.post("/ocsp", "application/ocsp-request", new byte[] {0x30, 0}).statusCode())
                .isEqualTo(200);
        assertThat(anonymous.get("/crl/issuing.crl").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/crl/root.crl").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/ca/root.crt").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/ca/issuing.pem").statusCode()).isEqualTo(200);
        assertThat(anonymous.post("/tsa", "application/timestamp-query", new byte[0]).statusCode()).isEqualTo(200);
        // public by rule even before the feature behind it exists: never 401/403
        assertThat(anonymous.postMultipart("/api/v1/verifications", "file", "a.pdf", new byte[10],
                java.util.Map.of()).statusCode()).isNotIn(401, 403);

        for (String api : new String[] {"/api/v1/accounts", "/api/v1/account", "/api/v1/tokens",
                "/api/v1/certificates", "/api/v1/anything", "/actuator/prometheus", "/actuator/env"}) {
            assertThat(anonymous.get(api).statusCode()).as(api).isEqualTo(401);
        }
        assertThat(anonymous.postJson("/api/v1/accounts", "{}").statusCode()).isEqualTo(401);
        for (String page : new String[] {"/", "/admin/units", "/sign", "/reports", "/account/password", "/other"}) {
            HttpResponse<String> response = anonymous.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(page).endsWith("/login");
        }
    }

    @Test
    void officerCannotReachAdminApis() {
        TestHttp officer = http().basic(officer(), USER_PASSWORD);
        assertThat(officer.get("/api/v1/account").statusCode()).isEqualTo(200);
        assertThat(officer.get("/api/v1/accounts").statusCode()).isEqualTo(403);
        assertThat(officer.postJson("/api/v1/accounts", newAccountJson("officer2")).statusCode()).isEqualTo(403);
        assertThat(officer.get("/api/v1/certificates").statusCode()).isEqualTo(403);
        assertThat(officer.postJson("/api/v1/certificates/1/revoke", "{}").statusCode()).isEqualTo(403);
        assertThat(officer.get("/actuator/prometheus").statusCode()).isEqualTo(403);
        assertThat(accounts.find("officer2")).isEmpty();
    }

    @Test
    void auditorReadsButCannotChangeAnything() {
        TestHttp auditor = http().basic(auditor(), USER_PASSWORD);
        assertThat(auditor.get("/api/v1/accounts").statusCode()).isEqualTo(200);
        assertThat(auditor.get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(auditor.postJson("/api/v1/accounts", newAccountJson("auditor2")).statusCode()).isEqualTo(403);
        assertThat(auditor.putJson("/api/v1/accounts/1/enabled", "{\"enabled\":false}").statusCode()).isEqualTo(403);
        assertThat(auditor.postJson("/api/v1/certificates/1/revoke", "{}").statusCode()).isEqualTo(403);
        assertThat(auditor.delete("/api/v1/certificates/1").statusCode()).isEqualTo(403);
        assertThat(auditor.postJson("/api/v1/signatures", "{}").statusCode()).isEqualTo(403);
        assertThat(auditor.postJson("/api/v1/certificates/1/pkcs12", "{}").statusCode()).isEqualTo(403);
        assertThat(auditor.putJson("/api/v1/accounts/1/roles", "{\"roles\":[\"ADMIN\"]}").statusCode()).isEqualTo(403);
        assertThat(accounts.find("auditor2")).isEmpty();
        assertThat(accounts.find("admin").orElseThrow().enabled()).isTrue();
    }

    @Test
    void adminManagesAccountsOverTheApi() {
        TestHttp admin = http().basic("admin", ADMIN_PASSWORD);
        HttpResponse<String> created = admin.postJson("/api/v1/accounts", newAccountJson("clerk1"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(TestHttp.json(created).get("mustChangePassword").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain("Mot-lan-").doesNotContain("password\"");

        // the new account may do nothing but change its one-time password
        TestHttp clerk = http().basic("clerk1", "Mot-lan-clerk1-2026");
        HttpResponse<String> held = clerk.get("/api/v1/account");
        assertThat(held.statusCode()).isEqualTo(403);
        assertThat(TestHttp.json(held).get("code").asString()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        assertThat(clerk.postJson("/api/v1/account/password",
                "{\"currentPassword\":\"Mot-lan-clerk1-2026\",\"newPassword\":\"Van-thu-Moi-2026\"}").statusCode())
                .isEqualTo(204);
        assertThat(http().basic("clerk1", "Van-thu-Moi-2026").get("/api/v1/account").statusCode()).isEqualTo(200);
        assertThat(http().basic("clerk1", "Mot-lan-clerk1-2026").get("/api/v1/account").statusCode()).isEqualTo(401);
    }

    @Test
    void bearerTokenWorksUntilRevokedAndOnlyItsHashIsStored() {
        TestHttp basic = http().basic(officer(), USER_PASSWORD);
        HttpResponse<String> issued = basic.postJson("/api/v1/tokens", "{\"name\":\"script\"}");
        assertThat(issued.statusCode()).isEqualTo(201);
        String token = TestHttp.json(issued).get("token").asString();
        long id = TestHttp.json(issued).get("id").asLong();
        assertThat(token).startsWith("kyso_");

        HttpResponse<String> me = http().bearer(token).get("/api/v1/account");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(me).get("username").asString()).isEqualTo("officer");
        assertThat(http().bearer(token).get("/api/v1/accounts").statusCode()).isEqualTo(403);
        assertThat(basic.get("/api/v1/tokens").body()).contains("script").doesNotContain(token);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM server_api_token WHERE token_hash = ? OR name = ?")
                .params(token, token).query(Long.class).single()).isZero();

        assertThat(http().bearer(token).delete("/api/v1/tokens/" + id).statusCode()).isEqualTo(204);
        assertThat(http().bearer(token).get("/api/v1/account").statusCode()).isEqualTo(401);
        assertThat(http().bearer("kyso_not-a-real-token").get("/api/v1/account").statusCode()).isEqualTo(401);
    }

    @Test
    void anotherAccountsTokenCannotBeRevoked() {
        String adminToken = TestHttp.json(http().basic("admin", ADMIN_PASSWORD)
                .postJson("/api/v1/tokens", "{\"name\":\"admin-ci\",\"validDays\":30}")).get("id").asString();
        HttpResponse<String> response = http().basic(officer(), USER_PASSWORD).delete("/api/v1/tokens/" + adminToken);
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void basicAuthWithWrongPasswordIsRefused() {
        HttpResponse<String> response = http().basic("admin", "not-the-password").get("/api/v1/account");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("Bearer").contains("Basic");
    }

    @Test
    void healthShowsTheDatabaseToAdminsOnly() {
        HttpResponse<String> anonymous = http().get("/actuator/health");
        assertThat(anonymous.body()).contains("\"UP\"").doesNotContain("\"db\"");
        HttpResponse<String> admin = http().basic("admin", ADMIN_PASSWORD).get("/actuator/health");
        assertThat(TestHttp.json(admin).at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(TestHttp.json(admin).at("/components/ca/status").asString()).isEqualTo("UP");
        assertThat(http().basic("admin", ADMIN_PASSWORD).get("/actuator/prometheus").body()).contains("jvm_memory");
    }

    private static String newAccountJson(String username) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"Nguyễn Văn A\",\"password\":\"Mot-lan-"
                + username + "-2026\",\"roles\":[\"OFFICER\"]}";
    }
}
