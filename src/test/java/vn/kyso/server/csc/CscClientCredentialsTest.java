package vn.kyso.server.csc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.kyso.ca.AuditEntry;
import vn.kyso.server.TestHttp;
import vn.kyso.server.signing.SigningTestSupport;

/**
 * A registered system (the document-management system) with OAuth 2.0 client credentials: it
 * lists an officer's credentials and signs only with the officer's PIN; a revoked system is out.
 */
class CscClientCredentialsTest extends SigningTestSupport {

    @Test
    void aRegisteredSystemSignsForAnOfficerOnlyWithTheOfficersPin() throws Exception {
        Signer officer = newOfficer("cscsys");
        long auditMark = lastAuditSeq();
        HttpResponse<String> registered = http().basic("admin", ADMIN_PASSWORD)
                .postJson("/api/v1/csc/clients", "{\"name\":\"Hệ thống quản lý văn bản\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String clientId = TestHttp.json(registered).get("clientId").asString();
        String secret = TestHttp.json(registered).get("clientSecret").asString();
        assertThat(http().basic("admin", ADMIN_PASSWORD).get("/api/v1/csc/clients").body())
                .contains(clientId).doesNotContain(secret);

        HttpResponse<String> wrong = http().postForm("/csc/v2/oauth2/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", "nope"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(wrong).get("error").asString()).isEqualTo("invalid_client");
        HttpResponse<String> tokenResponse = http().postForm("/csc/v2/oauth2/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
        assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
        JsonNode token = TestHttp.json(tokenResponse);
        assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
        TestHttp system = http().bearer(token.get("access_token").asString());

        HttpResponse<String> nobody = system.postJson("/csc/v2/credentials/list", "{}");
        assertThat(TestHttp.json(nobody).get("error_description").asString()).contains("userID");
        assertThat(system.postJson("/csc/v2/credentials/list", "{\"userID\":\"" + officer.username() + "\"}").body())
                .contains(officer.serial());
        assertThat(system.postJson("/csc/v2/auth/login", "{}").statusCode()).isEqualTo(403);

        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(new byte[] {7}));
        HttpResponse<String> withoutPin = system.postJson("/csc/v2/credentials/authorize", "{\"userID\":\""
                + officer.username() + "\",\"credentialID\":\"" + officer.serial() + "\",\"numSignatures\":1,"
                + "\"hashes\":[\"" + hash + "\"]}");
        assertThat(withoutPin.statusCode()).isEqualTo(400);
        HttpResponse<String> authorized = system.postJson("/csc/v2/credentials/authorize", "{\"userID\":\""
                + officer.username() + "\",\"credentialID\":\"" + officer.serial() + "\",\"numSignatures\":1,"
                + "\"hashes\":[\"" + hash + "\"],\"PIN\":\"" + PIN + "\"}");
        assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(200);
        HttpResponse<String> signed = system.postJson("/csc/v2/signatures/signHash", "{\"credentialID\":\""
                + officer.serial() + "\",\"SAD\":\"" + TestHttp.json(authorized).get("SAD").asString()
                + "\",\"hashes\":[\"" + hash + "\"],\"signAlgo\":\"1.2.840.113549.1.1.11\"}");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(ca.auditLog(auditMark, 100)).extracting(AuditEntry::action)
                .contains("CSC_CLIENT_REGISTERED", "CSC_SIGN_HASH");

        assertThat(http().basic("admin", ADMIN_PASSWORD).delete("/api/v1/csc/clients/" + clientId).statusCode())
                .isEqualTo(204);
        HttpResponse<String> revoked = system.postJson("/csc/v2/credentials/list",
                "{\"userID\":\"" + officer.username() + "\"}");
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(http().basic(officer.username(), USER_PASSWORD)
                .postJson("/api/v1/csc/clients", "{\"name\":\"x\"}").statusCode()).isEqualTo(403);
    }
}
