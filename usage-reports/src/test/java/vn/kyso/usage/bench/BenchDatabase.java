package vn.kyso.usage.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/** A throw-away database for a benchmark: H2 in file mode (kyso's default) or a fresh PostgreSQL database. */
final class BenchDatabase implements AutoCloseable {

    private final String kind;
    private final String name;
    private final JdbcConnectionPool pool;
    private final Path h2Dir;

    BenchDatabase(String kind) throws Exception {
        this.kind = kind;
        this.name = "kyso_usage_bench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        if (kind.startsWith("h2")) {
            h2Dir = Files.createTempDirectory("kyso-bench-h2");
            pool = JdbcConnectionPool.create((kind.equals("h2mem") ? "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1"
                    : "jdbc:h2:file:" + h2Dir.resolve(name)) + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                    + System.getProperty("kyso.bench.h2options", ""), "sa", "");
        } else {
            h2Dir = null;
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
            pg.setUrl("jdbc:postgresql://127.0.0.1:5432/" + name);
            pg.setUser("postgres");
            // only the benchmark's own bulk fill uses JDBC batches on PostgreSQL (kyso's writes are array statements)
            pg.setReWriteBatchedInserts(true);
            pool = JdbcConnectionPool.create(pg);
        }
        pool.setMaxConnections(8);
    }

    DataSource dataSource() {
        return pool;
    }

    String kind() {
        return kind;
    }

    @Override
    public void close() throws Exception {
        pool.dispose();
        if (Boolean.getBoolean("kyso.bench.keep")) {
            // for EXPLAIN ANALYZE afterwards: psql -h 127.0.0.1 -U postgres <name>
            System.out.println("kept database " + (h2Dir == null ? name : h2Dir));
            return;
        }
        if (h2Dir == null) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } else {
            try (var files = Files.walk(h2Dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
