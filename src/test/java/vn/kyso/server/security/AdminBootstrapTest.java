package vn.kyso.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** The first start, without Spring: the account tables on an in-memory H2 with the real migrations. */
class AdminBootstrapTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<String> audited = new ArrayList<>();
    private Accounts accounts;
    private AccountStore store;

    @BeforeEach
    void freshDatabase() {
        var dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/server").load().migrate();
        store = new AccountStore(JdbcClient.create(dataSource));
        accounts = new Accounts(store, encoder, (actor, action, target, details) -> audited.add(
                String.join(" ", actor, action, target, details)), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"),
                ZoneOffset.UTC), new ApiTokens(JdbcClient.create(dataSource), store, (a, b, c, d) -> { },
                new java.security.SecureRandom(), Clock.systemUTC()), event -> { });
        logs.start();
        ((Logger) LoggerFactory.getLogger(AdminBootstrap.class)).addAppender(logs);
    }

    @AfterEach
    void detach() {
        ((Logger) LoggerFactory.getLogger(AdminBootstrap.class)).detachAppender(logs);
    }

    @Test
    void firstStartPrintsAOneTimePasswordOnceAndNeverLogsIt() {
        bootstrap(new MockEnvironment()).run(null);
        String printed = console.toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("one-time password : (\\S+)").matcher(printed);
        assertThat(m.find()).isTrue();
        String password = m.group(1);
        assertThat(password).hasSize(16);

        Account admin = accounts.find("admin").orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.mustChangePassword()).isTrue();
        assertThat(encoder.matches(password, store.passwordHash(admin.id()).orElseThrow())).isTrue();
        assertThat(logs.list).isNotEmpty().noneMatch(e -> e.getFormattedMessage().contains(password));
        assertThat(audited).singleElement().asString().startsWith("system ACCOUNT_CREATED account:admin roles ADMIN")
                .doesNotContain(password);

        console.reset();
        bootstrap(new MockEnvironment()).run(null);
        assertThat(console.size()).isZero();
        assertThat(accounts.list()).hasSize(1);
    }

    @Test
    void passwordFromTheEnvironmentIsUsedAndNotPrinted() {
        String given = "Mat-khau-Moi-truong-1";
        bootstrap(new MockEnvironment().withProperty("kyso.admin-password", given)).run(null);
        Account admin = accounts.find("admin").orElseThrow();
        assertThat(admin.mustChangePassword()).isFalse();
        assertThat(encoder.matches(given, store.passwordHash(admin.id()).orElseThrow())).isTrue();
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain(given);
        assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains(given));
    }

    @Test
    void weakPasswordFromTheEnvironmentStopsTheStartWithoutRevealingIt() {
        AdminBootstrap bootstrap = bootstrap(new MockEnvironment().withProperty("kyso.admin-password", "short1"));
        assertThatThrownBy(() -> bootstrap.run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KYSO_ADMIN_PASSWORD")
                .hasMessageNotContaining("short1");
        assertThat(accounts.list()).isEmpty();
    }

    @Test
    void passwordChangeChecksTheCurrentOneAndTheRules() {
        Account admin = accounts.createInitialAdmin("Mat-khau-Dau-tien-1", true);
        assertThatThrownBy(() -> accounts.changePassword(admin.id(), "wrong-current-1", "Mat-khau-Moi-2026"))
                .isInstanceOfSatisfying(AccountException.class,
                        e -> assertThat(e.code()).isEqualTo(AccountException.ErrorCode.WRONG_PASSWORD));
        assertThatThrownBy(() -> accounts.changePassword(admin.id(), "Mat-khau-Dau-tien-1", "short"))
                .isInstanceOfSatisfying(AccountException.class,
                        e -> assertThat(e.code()).isEqualTo(AccountException.ErrorCode.WEAK_PASSWORD));
        accounts.changePassword(admin.id(), "Mat-khau-Dau-tien-1", "Mat-khau-Moi-2026");
        assertThat(accounts.get(admin.id()).mustChangePassword()).isFalse();
    }

    @Test
    void usernamesAreUniqueIgnoringCase() {
        accounts.create("test", new NewAccount("nguyenvana", "Nguyễn Văn A", "Mat-khau-Mot-lan-1",
                java.util.Set.of(Role.OFFICER), "sub-1"));
        assertThatThrownBy(() -> accounts.create("test", new NewAccount("NguyenVanA", "Khác", "Mat-khau-Mot-lan-2",
                java.util.Set.of(Role.OFFICER), null)))
                .isInstanceOfSatisfying(AccountException.class,
                        e -> assertThat(e.code()).isEqualTo(AccountException.ErrorCode.USERNAME_TAKEN));
        assertThat(accounts.find("NGUYENVANA").orElseThrow().subscriberId()).isEqualTo("sub-1");
    }

    private AdminBootstrap bootstrap(MockEnvironment environment) {
        return new AdminBootstrap(accounts, environment, new SecureRandom(),
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }
}
