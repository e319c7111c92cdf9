package vn.kyso.ca.testing;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A fresh, empty database for one test: an H2 in-memory database in PostgreSQL mode, or a
 * PostgreSQL database {@code kyso_ca_test_<random>} created on 127.0.0.1:5432 and dropped on close.
 */
public final class TestDatabase implements AutoCloseable {

    public enum Kind { H2, POSTGRES }

    static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=3";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Kind kind;
    private final String name;
    private HikariDataSource dataSource;

    private TestDatabase(Kind kind) {
        this.kind = kind;
        byte[] id = new byte[6];
        RANDOM.nextBytes(id);
        this.name = "kyso_ca_test_" + HexFormat.of().formatHex(id);
    }

    public static TestDatabase create(Kind kind) {
        TestDatabase db = new TestDatabase(kind);
        if (kind == Kind.POSTGRES) {
            db.admin("CREATE DATABASE " + db.name);
        }
        return db;
    }

    public Kind kind() {
        return kind;
    }

    /** A pooled data source (the service uses a pool too); the same one on every call. */
    public synchronized DataSource dataSource() {
        if (dataSource == null) {
            HikariConfig config = new HikariConfig();
            if (kind == Kind.H2) {
                // LOCK_TIMEOUT: writers queue on the counter rows; H2's default of 1 s is too short under load.
                config.setJdbcUrl("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=20000;DB_CLOSE_DELAY=-1");
                config.setUsername("sa");
            } else {
                config.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/" + name);
                config.setUsername("postgres");
            }
            config.setMaximumPoolSize(10);
            config.setPoolName(name);
            dataSource = new HikariDataSource(config);
        }
        return dataSource;
    }

    /** Runs SQL directly (tests that tamper with rows or count them). */
    public void execute(String sql) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many sessions wait for a row lock another session holds (a test waits for one to block). */
    public long sessionsWaitingForALock() {
        String sql = kind == Kind.H2
                ? "SELECT COUNT(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL"
                : "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'";
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (dataSource != null) {
            if (kind == Kind.H2) {
                try {
                    execute("SHUTDOWN");
                } catch (IllegalStateException e) {
                    // already closed
                }
            }
            dataSource.close();
            dataSource = null;
        }
        if (kind == Kind.POSTGRES) {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    @Override
    public String toString() {
        return kind == Kind.H2 ? "H2" : "PostgreSQL";
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + sql, e);
        }
    }

    /** Whether PostgreSQL answers at 127.0.0.1:5432. */
    static boolean postgresAnswers() {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "")) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }
}
