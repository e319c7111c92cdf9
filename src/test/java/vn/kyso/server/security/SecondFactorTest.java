package vn.kyso.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.kyso.server.KysoServerTest;
import vn.kyso.server.TestHttp;

/**
 * Issue 13, the optional second factor of admins: an admin enrols an authenticator app in the
 * console (the secret shown once), then every password login, form or HTTP Basic, needs the
 * current RFC 6238 code, each code once.
 */
class SecondFactorTest extends KysoServerTest {

    @Test
    void rfc6238TestVectorsMatch() {
        // RFC 6238 appendix B, SHA-1 secret "12345678901234567890", 8 digits there: the last 6 here
        String secret = Totp.base32("12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(Totp.code(secret, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(Totp.code(secret, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(Totp.code(secret, Instant.ofEpochSecond(20000000000L))).isEqualTo("353130");
        assertThat(Totp.decode(secret)).isEqualTo("12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void anEnrolledAdminNeedsTheCurrentCodeAtEveryPasswordLoginAndEachCodeOnce() throws Exception {
        String username = "qt-2fa-" + UUID.randomUUID().toString().substring(0, 6);
        var created = accounts.create("test", new NewAccount(username, "Quản trị 2FA", "Mot-lan-" + username,
                Set.of(Role.ADMIN), null));
        accounts.changePassword(created.id(), "Mot-lan-" + username, USER_PASSWORD);

        TestHttp browser = http();
        browser.login(username, USER_PASSWORD);
        assertThat(browser.get("/account/totp").body()).contains("Xác thực hai bước", "totp-start");
        assertThat(browser.get("/account/totp?lang=en").body()).contains("Two-step verification");
        HttpResponse<String> started = browser.postForm("/account/totp/start",
                Map.of("_csrf", browser.csrfToken("/account/totp")));
        Matcher shown = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(started.body());
        assertThat(shown.find()).as(started.body()).isTrue();
        String secret = shown.group(1);
        assertThat(started.body()).contains("otpauth://totp/kyso:" + username);
        // a wrong code enrols nothing
        browser.postForm("/account/totp/confirm", Map.of("_csrf", browser.csrfToken("/account/totp"), "code", "000000"));
        assertThat(http().basic(username, USER_PASSWORD).get("/api/v1/account").statusCode()).isEqualTo(200);
        // the secret is never shown again
        assertThat(browser.get("/account/totp").body()).doesNotContain(secret);

        Instant enrolledAt = Instant.now();
        String code = Totp.code(secret, enrolledAt);
        HttpResponse<String> confirmed = browser.postForm("/account/totp/confirm",
                Map.of("_csrf", browser.csrfToken("/account/totp"), "code", code));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(browser.get("/account/totp").body()).contains("totp-on").doesNotContain(secret);

        // HTTP Basic: the password alone is refused; with the next step's code (inside the window) it
        // passes, and that code only once, on any channel
        assertThat(http().basic(username, USER_PASSWORD).get("/api/v1/account").statusCode()).isEqualTo(401);
        String next = Totp.code(secret, enrolledAt.plusSeconds(Totp.STEP_SECONDS));
        assertThat(http().basic(username, USER_PASSWORD).header(SecondFactor.HEADER, next).get("/api/v1/account")
                .statusCode()).isEqualTo(200);
        assertThat(http().basic(username, USER_PASSWORD).header(SecondFactor.HEADER, next).get("/api/v1/account")
                .statusCode()).isEqualTo(401);

        // the console form: without a code, or with the used one, back to the login page; with a new one, in
        TestHttp without = http();
        assertThat(without.login(username, USER_PASSWORD).headers().firstValue("Location").orElse(""))
                .contains("/login?error");
        TestHttp replayed = http();
        assertThat(replayed.postForm("/login", Map.of("username", username, "password", USER_PASSWORD, "otp", next,
                "_csrf", replayed.csrfToken("/login"))).headers().firstValue("Location").orElse("")).contains("error");
        TestHttp with = http();
        String third = awaitStepAfter(secret, Totp.step(enrolledAt) + 1);
        String csrf = with.csrfToken("/login");
        HttpResponse<String> in = with.postForm("/login", Map.of("username", username, "password", USER_PASSWORD,
                "otp", third, "_csrf", csrf));
        assertThat(in.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(with.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void anOfficerCannotEnrolAndLogsInWithThePasswordAsBefore() {
        String officer = officer();
        TestHttp browser = http();
        browser.login(officer, USER_PASSWORD);
        assertThat(browser.get("/account/totp").statusCode()).isEqualTo(403);
        assertThat(browser.postForm("/account/totp/start", Map.of("_csrf", browser.csrfToken("/account/password")))
                .statusCode()).isEqualTo(403);
        assertThat(http().basic(officer, USER_PASSWORD).get("/api/v1/account").statusCode()).isEqualTo(200);
    }

    /** The code of the first step after {@code used}, once the clock is there (a code counts once). */
    private static String awaitStepAfter(String secret, long used) throws InterruptedException {
        while (Totp.step(Instant.now()) + 1 <= used) {
            Thread.sleep(200);
        }
        // the window accepts the step after the current one: no need to wait for it
        return Totp.code(secret, Instant.ofEpochSecond((used + 1) * Totp.STEP_SECONDS));
    }
}
