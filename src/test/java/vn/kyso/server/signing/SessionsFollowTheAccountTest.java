package vn.kyso.server.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.kyso.server.TestHttp;

/**
 * Issue 13, sessions follow the account: disabling an officer, changing their roles or resetting
 * their password ends their open console session, revokes their API tokens and ends their key
 * activations at once. The check reads the shared database on each request, so a change made
 * by another instance (here written straight into the database) ends the session just the same.
 */
class SessionsFollowTheAccountTest extends SigningTestSupport {

    @Autowired
    JdbcClient jdbc;

    /** An officer's console session, API token and key activation, all working. */
    private record Held(Signer officer, long accountId, TestHttp console, String token, long activationId) {
    }

    private Held holdEverything(String prefix) {
        Signer officer = newOfficer(prefix);
        long accountId = accounts.find(officer.username()).orElseThrow().id();
        TestHttp console = http();
        assertThat(console.login(officer.username(), USER_PASSWORD).statusCode()).isEqualTo(302);
        assertThat(console.get("/sign").statusCode()).isEqualTo(200);
        String token = TestHttp.json(http().basic(officer.username(), USER_PASSWORD).postJson("/api/v1/tokens",
                "{\"name\":\"ci\",\"validDays\":1}")).get("token").asString();
        HttpResponse<String> activation = http().bearer(token).postJson("/api/v1/signatures/activations",
                "{\"pin\":\"" + PIN + "\",\"signatures\":5}");
        assertThat(activation.statusCode()).as(activation.body()).isEqualTo(201);
        return new Held(officer, accountId, console, token, TestHttp.json(activation).get("id").asLong());
    }

    private void assertAllEnded(Held held) {
        HttpResponse<String> sign = held.console().get("/sign");
        assertThat(sign.statusCode()).isEqualTo(302);
        assertThat(sign.headers().firstValue("Location").orElseThrow()).contains("/login");
        assertThat(held.console().get("/sign").headers().firstValue("Location").orElseThrow()).contains("/login");
        assertThat(http().bearer(held.token()).get("/api/v1/signatures/certificates").statusCode()).isEqualTo(401);
        assertThat(ca.keyActivation(held.officer().username(), held.activationId()).ended()).isTrue();
    }

    @Test
    void aDisabledOfficersOpenConsoleSessionCanNoLongerOpenSignNorSign() {
        Held held = holdEverything("tat");
        HttpResponse<String> disabled = http().basic("admin", ADMIN_PASSWORD).putJson(
                "/api/v1/accounts/" + held.accountId() + "/enabled", "{\"enabled\":false}");
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);

        assertAllEnded(held);
        // enabling the account again does not revive the old session
        http().basic("admin", ADMIN_PASSWORD).putJson("/api/v1/accounts/" + held.accountId() + "/enabled",
                "{\"enabled\":true}");
        assertThat(held.console().get("/sign").statusCode()).isEqualTo(302);
        assertThat(http().login(held.officer().username(), USER_PASSWORD).statusCode()).isEqualTo(302);
    }

    @Test
    void changingTheRolesOrResettingThePasswordEndsSessionsTokensAndActivations() {
        Held roles = holdEverything("vaitro");
        assertThat(http().basic("admin", ADMIN_PASSWORD).putJson("/api/v1/accounts/" + roles.accountId() + "/roles",
                "{\"roles\":[\"OFFICER\",\"AUDITOR\"]}").statusCode()).isEqualTo(200);
        assertAllEnded(roles);

        Held reset = holdEverything("matkhau");
        assertThat(http().basic("admin", ADMIN_PASSWORD).putJson("/api/v1/accounts/" + reset.accountId() + "/password",
                "{\"oneTimePassword\":\"Mot-lan-Moi-2026-xyz\"}").statusCode()).isEqualTo(204);
        assertAllEnded(reset);
        HttpResponse<String> log = http().basic("admin", ADMIN_PASSWORD).get("/api/v1/audit?limit=1000&after="
                + (lastAuditSeq() - 50));
        assertThat(log.body()).contains("ACCOUNT_ACCESS_ENDED", "KEY_ACTIVATION_ENDED");
    }

    @Test
    void aChangeWrittenByAnotherInstanceEndsTheSessionOnThisOne() {
        Held held = holdEverything("maykhac");
        // what another instance's Accounts writes to the shared database; this instance holds no state of it
        jdbc.sql("UPDATE server_account SET security_version = security_version + 1 WHERE id = ?")
                .param(held.accountId()).update();
        HttpResponse<String> sign = held.console().get("/sign");
        assertThat(sign.statusCode()).isEqualTo(302);
        assertThat(sign.headers().firstValue("Location").orElseThrow()).contains("/login?ended");
        assertThat(http().get("/login?ended").body()).contains("Phiên làm việc đã kết thúc");
        // a fresh login works and signs
        HttpResponse<byte[]> signed = post(held.officer().username(), "/api/v1/signatures",
                multipart(Map.of("pin", PIN), List.of(Map.entry("file", onePagePdf()))));
        assertThat(signed.statusCode()).isEqualTo(200);
    }
}
