package vn.kyso.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.kyso.server.KysoServerTest;
import vn.kyso.server.TestHttp;

class ProblemResponsesTest extends KysoServerTest {

    @Test
    void validationErrorIsA400ProblemListingEachFieldInVietnamese() {
        HttpResponse<String> response = admin().postJson("/api/v1/accounts",
                "{\"username\":\"A B\",\"displayName\":\"\",\"password\":\"short\",\"roles\":[]}");
        JsonNode problem = problem(response, 400);
        assertThat(problem.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.get("title").asString()).isEqualTo("Yêu cầu không hợp lệ");
        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("username", "displayName", "password", "roles");
        assertThat(response.body()).contains("Độ dài phải từ 10 đến 72.");
    }

    @Test
    void problemsSpeakEnglishWhenAsked() {
        JsonNode byHeader = problem(http().header("Accept-Language", "en-GB,en;q=0.8").get("/api/v1/accounts"), 401);
        assertThat(byHeader.get("title").asString()).isEqualTo("Unauthorized");
        JsonNode byParameter = problem(http().get("/api/v1/accounts?lang=en"), 401);
        assertThat(byParameter.get("detail").asString()).startsWith("Authentication required");
        JsonNode unsupported = problem(http().header("Accept-Language", "fr").get("/api/v1/accounts"), 401);
        assertThat(unsupported.get("title").asString()).isEqualTo("Chưa xác thực");
    }

    @Test
    void malformedJsonIsA400NotA500() {
        JsonNode problem = problem(admin().postJson("/api/v1/accounts", "{not json"), 400);
        assertThat(problem.get("detail").asString()).doesNotContain("JSON parse").doesNotContain("Exception");
    }

    @Test
    void unauthenticatedIsA401ProblemWithAChallenge() {
        HttpResponse<String> response = http().get("/api/v1/tokens");
        JsonNode problem = problem(response, 401);
        assertThat(problem.get("type").asString()).isEqualTo("urn:kyso:problem:http:unauthorized");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/tokens");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void forbiddenIsA403Problem() {
        JsonNode problem = problem(http().basic(officer(), USER_PASSWORD).get("/api/v1/accounts"), 403);
        assertThat(problem.get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(problem.get("detail").asString()).isEqualTo("Tài khoản của bạn không có quyền thực hiện thao tác này.");
    }

    @Test
    void unknownPathAndUnknownAccountAre404Problems() {
        assertThat(problem(admin().get("/api/v1/no-such-thing"), 404).get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(problem(admin().get("/api/v1/accounts/987654"), 404).get("type").asString())
                .isEqualTo("urn:kyso:problem:account:not-found");
        assertThat(problem(admin().get("/api/v1/accounts/not-a-number"), 400).get("status").asInt()).isEqualTo(400);
    }

    @Test
    void wrongMethodIsA405AndWrongMediaTypeA415() {
        assertThat(problem(admin().delete("/api/v1/accounts"), 405).get("code").asString())
                .isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(problem(admin().post("/api/v1/accounts", "text/plain", "x".getBytes()), 415).get("code").asString())
                .isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void uploadOverTheLimitIsA413Problem() {
        byte[] tooLarge = new byte[1024 * 1024 + 200_000]; // limit in tests: 1MB
        JsonNode problem = problem(http().postMultipart("/api/v1/verifications", "file", "big.pdf", tooLarge, Map.of()),
                413);
        assertThat(problem.get("code").asString()).isEqualTo("UPLOAD_TOO_LARGE");
        assertThat(problem.get("detail").asString()).isEqualTo("Tệp tải lên vượt quá dung lượng cho phép (1 MB).");
    }

    @Test
    void problemCarriesTheRequestIdOfItsLogLines() {
        HttpResponse<String> response = http().header("X-Request-Id", "trace-12345678").get("/api/v1/accounts");
        assertThat(response.headers().firstValue("X-Request-Id")).contains("trace-12345678");
        assertThat(problem(response, 401).get("requestId").asString()).isEqualTo("trace-12345678");

        HttpResponse<String> forged = http().header("X-Request-Id", "not valid!").get("/api/v1/accounts");
        assertThat(forged.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f-]{36}");
    }

    @Test
    void secretsInTheUrlAreRefusedBeforeAnythingElse() {
        JsonNode problem = problem(http().get("/api/v1/verifications?file=x&PIN=1234"), 400);
        assertThat(problem.get("code").asString()).isEqualTo("SECRET_IN_URL");
        assertThat(problem(http().get("/login?new_password=abc"), 400).get("code").asString()).isEqualTo("SECRET_IN_URL");
        assertThat(http().get("/login?spinner=1").statusCode()).isEqualTo(200);
    }

    @Test
    void browsersGetTheErrorPageNotJson() {
        HttpResponse<String> page = http().basic("admin", ADMIN_PASSWORD).header("Accept", "text/html")
                .get("/api/v1/no-such-page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("Không tìm thấy").doesNotContain("Exception").doesNotContain("at org.");
    }

    private TestHttp admin() {
        return http().basic("admin", ADMIN_PASSWORD);
    }

    /** Checks the response is an RFC 9457 problem with this status and no internals; returns it. */
    static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = TestHttp.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith("urn:kyso:problem:");
        assertThat(problem.has("title")).isTrue();
        assertThat(problem.has("detail")).isTrue();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("trace\"");
        return problem;
    }
}
