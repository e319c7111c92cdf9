package vn.kyso.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kyso.ca.AuditEntry;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.server.KysoServerTest;
import vn.kyso.server.TestHttp;

/**
 * Issue 13, password guessing: 30 wrong passwords (form or HTTP Basic) are followed by a refusal
 * of the right one (429 with Retry-After), the waits grow per account and per address, and the
 * audit log gets counts per account and address and period, with sanitised names, instead of
 * one entry per failure.
 */
class LoginThrottleTest extends KysoServerTest {

    @Autowired
    CertificateAuthority ca;

    @Autowired
    FailedLoginAudit failedLogins;

    private String newAccount() {
        return account("doan-" + UUID.randomUUID().toString().substring(0, 8), Role.OFFICER);
    }

    @Test
    void thirtyWrongFormPasswordsAreFollowedByARefusalOfTheRightOne() {
        String user = newAccount();
        long mark = lastAuditSeq();
        int throttled = 0;
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> wrong = http().login(user, "Sai-mat-khau-" + i);
            assertThat(wrong.statusCode()).isIn(302, 429);
            throttled += wrong.statusCode() == 429 ? 1 : 0;
        }
        assertThat(throttled).as("attempts after the 5th wait").isGreaterThanOrEqualTo(25);

        HttpResponse<String> right = http().login(user, USER_PASSWORD);
        assertThat(right.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 30L);
        assertThat(ca.auditLog(mark, 1000)).extracting(AuditEntry::action).doesNotContain("LOGIN_FAILED", "LOGIN");
    }

    @Test
    void thirtyWrongBasicPasswordsAreFollowedByARefusalOfTheRightOneWithAProblem() {
        String user = newAccount();
        for (int i = 0; i < 30; i++) {
            assertThat(http().basic(user, "Sai-mat-khau-" + i).get("/api/v1/account").statusCode()).isIn(401, 429);
        }
        HttpResponse<String> right = http().basic(user, USER_PASSWORD).get("/api/v1/account");
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
        assertThat(TestHttp.json(right).get("code").asString()).isEqualTo("LOGIN_THROTTLED");
        // another account from the same address is not held back by this one's failures
        assertThat(http().basic(newAccount(), USER_PASSWORD).get("/api/v1/account").statusCode()).isEqualTo(200);
    }

    @Test
    void failedLoginsReachTheAuditLogAsCountsWithSanitisedNames() {
        failedLogins.flush();
        long mark = lastAuditSeq();
        String forged = "ke-gian\nLOGIN admin OK\r\u2028" + "x".repeat(500);
        for (int i = 0; i < 40; i++) {
            http().basic(forged, "sai").get("/api/v1/account");
            http().basic("khong-co-" + (i % 3), "sai").get("/api/v1/account");
        }
        failedLogins.flush();

        List<AuditEntry> entries = ca.auditLog(mark, 1000);
        List<AuditEntry> failures = entries.stream().filter(e -> e.action().equals("LOGIN_FAILURES")).toList();
        assertThat(failures).hasSize(4); // one per account name, whatever the number of attempts
        for (AuditEntry e : failures) {
            assertThat(e.actor()).doesNotContain("\n", "\r", "\u2028").hasSizeLessThanOrEqualTo(FailedLoginAudit.MAX_NAME);
            assertThat(e.details()).doesNotContain("\n").contains("failed login(s) from 1 address(es): 127.0.0.1");
        }
        assertThat(failures).extracting(AuditEntry::actor).contains("ke-gian?LOGIN admin OK??" + "x".repeat(40));
        assertThat(failures.stream().filter(e -> e.actor().startsWith("ke-gian")).findFirst().orElseThrow().details())
                .startsWith("40 failed login(s)");
        assertThat(entries).extracting(AuditEntry::action).doesNotContain("LOGIN_FAILED");
        assertAuditChainIntact();
    }

    @Test
    void waitsGrowPerAccountAndPerAddressAndForgetAfterTheWindow() {
        MutableClock clock = new MutableClock();
        LoginThrottleProperties settings = new LoginThrottleProperties(3, 10, Duration.ofSeconds(30),
                Duration.ofMinutes(15), Duration.ofHours(1), 1000, Duration.ofMinutes(5));
        List<String> audited = new ArrayList<>();
        LoginThrottle throttle = new LoginThrottle(settings, clock, new FailedLoginAudit(
                (actor, action, target, details) -> audited.add(actor + " " + details), clock, settings));

        throttle.failed("a", "10.0.0.1");
        throttle.failed("a", "10.0.0.1");
        assertThat(throttle.delay("a", "10.0.0.1")).isEmpty();
        throttle.failed("a", "10.0.0.1");
        assertThat(throttle.delay("a", "10.0.0.2")).contains(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        assertThat(throttle.delay("a", "10.0.0.2")).isEmpty();
        throttle.failed("a", "10.0.0.1");
        assertThat(throttle.delay("a", "10.0.0.2")).contains(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        throttle.failed("a", "10.0.0.1");
        assertThat(throttle.delay("a", "10.0.0.9")).contains(Duration.ofSeconds(120));
        for (int i = 0; i < 20; i++) {
            throttle.failed("a", "10.0.0.1");
        }
        assertThat(throttle.delay("a", "10.0.0.9")).contains(Duration.ofMinutes(15));

        // per address: ten failures over many names hold back a new name from that address only
        for (int i = 0; i < 10; i++) {
            throttle.failed("ten-" + i, "10.0.0.5");
        }
        assertThat(throttle.delay("moi", "10.0.0.5")).isPresent();
        assertThat(throttle.delay("moi", "10.0.0.6")).isEmpty();

        clock.advance(Duration.ofHours(2));
        assertThat(throttle.delay("a", "10.0.0.1")).isEmpty();
        throttle.failed("a", "10.0.0.1");
        assertThat(throttle.delay("a", "10.0.0.3")).as("the window forgot the old failures").isEmpty();
    }

    /** A clock the test moves. */
    static final class MutableClock extends java.time.Clock {
        private Instant now = Instant.parse("2026-12-01T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
