package vn.kyso.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.kyso.server.KysoServerTest;
import vn.kyso.server.TestHttp;

/**
 * Issue 13, transport policy: behind a TLS proxy (X-Forwarded-Proto from a trusted proxy, here
 * this host) the session cookie is Secure, HSTS is sent and redirects stay on https; every
 * answer carries a Referrer-Policy; an activation token in the URL is refused.
 */
class TransportPolicyTest extends KysoServerTest {

    private TestHttp behindTls() {
        return http().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "kyso.camau.gov.vn")
                .header("X-Forwarded-Port", "443");
    }

    @Test
    void behindATlsProxyTheCookieIsSecureHstsIsSentAndRedirectsStayOnHttps() {
        HttpResponse<String> login = behindTls().get("/login");
        assertThat(login.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=31536000");
        assertThat(login.headers().allValues("Set-Cookie")).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).contains("Secure").contains("HttpOnly"));
        HttpResponse<String> redirect = behindTls().get("/sign");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElseThrow()).startsWith("https://");

        // over plain http: no HSTS, no Secure cookie (a browser would drop it)
        HttpResponse<String> plain = http().get("/login");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("Secure"));
    }

    @Test
    void everyAnswerCarriesAReferrerPolicy() {
        for (String path : List.of("/login", "/verify", "/api/v1/account", "/ca/root.crt", "/v3/api-docs", "/sign")) {
            assertThat(http().get(path).headers().firstValue("Referrer-Policy")).as(path).contains("same-origin");
        }
    }

    @Test
    void anActivationTokenOrApiTokenInTheUrlIsRefused() {
        HttpResponse<String> activation = http().basic(officer(), USER_PASSWORD)
                .post("/api/v1/signatures?activation=kysa_abc", "application/pdf", new byte[] {1});
        assertThat(activation.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(activation).get("code").asString()).isEqualTo("SECRET_IN_URL");
        assertThat(http().get("/api/v1/account?token=kyso_abc").statusCode()).isEqualTo(400);
    }
}
