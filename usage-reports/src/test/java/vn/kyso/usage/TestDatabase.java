package vn.kyso.usage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The two databases every storage test runs on. PostgreSQL (127.0.0.1:5432, user postgres) gets a
 * fresh database per test, dropped on close; when it does not answer the PostgreSQL variant is
 * skipped, unless KYSO_TEST_POSTGRES_REQUIRED=true (as in CI), then it fails.
 */
public enum TestDatabase {
    H2, POSTGRES;

    /** An open database; close it to drop it. */
    public interface Open extends AutoCloseable {
        DataSource dataSource();

        @Override
        void close();
    }

    static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/";

    public Open open() {
        String name = "kyso_usage_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        return this == H2 ? h2(name) : postgres(name);
    }

    private static Open h2(String name) {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        pool.setMaxConnections(16);
        return new Open() {
            @Override
            public DataSource dataSource() {
                return pool;
            }

            @Override
            public void close() {
                try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                } catch (SQLException ignored) {
                    // already gone
                }
                pool.dispose();
            }
        };
    }

    private static Open postgres(String name) {
        try (Connection admin = DriverManager.getConnection(PG_URL + "postgres", "postgres", "");
                Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("KYSO_TEST_POSTGRES_REQUIRED"))) {
                throw new IllegalStateException("PostgreSQL is required but does not answer: " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL does not answer at 127.0.0.1:5432: " + e.getMessage());
        }
        PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
        pg.setUrl(PG_URL + name);
        pg.setUser("postgres");
        JdbcConnectionPool pool = JdbcConnectionPool.create(pg);
        pool.setMaxConnections(16);
        return new Open() {
            @Override
            public DataSource dataSource() {
                return pool;
            }

            @Override
            public void close() {
                pool.dispose();
                try (Connection admin = DriverManager.getConnection(PG_URL + "postgres", "postgres", "");
                        Statement s = admin.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot drop test database " + name, e);
                }
            }
        };
    }
}
