package vn.kyso.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The server's account and token SQL on PostgreSQL at 127.0.0.1:5432, in a database of its own
 * (skipped when PostgreSQL does not answer; CI makes it answer).
 */
class AccountStorePostgresTest {

    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=3";
    private final String name = "kyso_server_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private Accounts accounts;
    private ApiTokens tokens;

    @BeforeEach
    void freshDatabase() {
        assumeTrue(admin("CREATE DATABASE " + name), "PostgreSQL at 127.0.0.1:5432 does not answer");
        var dataSource = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/server").load().migrate();
        AccountStore store = new AccountStore(JdbcClient.create(dataSource));
        AccountAudit nowhere = (actor, action, target, details) -> { };
        tokens = new ApiTokens(JdbcClient.create(dataSource), store, nowhere, new SecureRandom(), Clock.systemUTC());
        accounts = new Accounts(store, PasswordEncoderFactories.createDelegatingPasswordEncoder(), nowhere,
                Clock.systemUTC(), tokens, event -> { });
    }

    @AfterEach
    void dropDatabase() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    @Test
    void accountsAndTokensWorkOnPostgres() {
        Account officer = accounts.create("test", new NewAccount("canbo", "Cán Bộ", "Mot-lan-canbo-2026", Set.of(Role.OFFICER,
                Role.AUDITOR), "7"));
        assertThat(accounts.find("CANBO").orElseThrow().roles()).containsExactlyInAnyOrder(Role.OFFICER, Role.AUDITOR);
        accounts.changePassword(officer.id(), "Mot-lan-canbo-2026", "Moi-canbo-2026");
        assertThat(accounts.get(officer.id()).mustChangePassword()).isFalse();

        ApiTokens.IssuedToken token = tokens.issue(officer.id(), "ci", Duration.ofDays(1));
        assertThat(tokens.authenticate(token.token())).map(KysoUser::subscriberId).contains("7");
        tokens.revoke(officer.id(), token.id());
        assertThat(tokens.authenticate(token.token())).isEmpty();
        assertThat(tokens.list(officer.id())).singleElement().satisfies(t -> assertThat(t.revokedAt()).isNotNull());
        assertThat(accounts.list()).hasSize(1);
    }

    private static boolean admin(String sql) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
