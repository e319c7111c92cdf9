package vn.kyso.ca.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kyso.ca.CaException;

/**
 * The CA's database: its own Flyway history table (so other modules' migrations never mix
 * with it), a JdbcClient and transactions. Internal to ca-admin.
 */
public final class CaDatabase {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TransactionTemplate readCommitted;
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private volatile java.util.function.Consumer<Boolean> afterTransaction = committed -> { };
    private final GroupCommit group = new GroupCommit(work -> inTransaction(() -> {
        work.run();
        return null;
    }));

    private CaDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        this.tx = new TransactionTemplate(manager);
        this.readCommitted = new TransactionTemplate(manager);
        this.readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /** Migrates the schema to the newest version and returns the database. */
    public static CaDatabase migrate(DataSource dataSource) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/ca")
                    .table("flyway_history_ca")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new CaException(CaException.ErrorCode.STORAGE_ERROR, "CA schema migration failed", e);
        }
        return new CaDatabase(dataSource);
    }

    /** {@code text} with LIKE's wildcards taken literally, for a pattern with {@code ESCAPE '\\'}. */
    public static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** Reads a row's columns; the result set is on that row. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * The first row of a query with one string parameter, on plain JDBC: a prepared statement on
     * a pooled connection (or the current transaction's), read by column index. For the lookups of
     * every OCSP answer, where JdbcClient's own work per query (statement and result objects, the
     * logging checks of each step) cost more CPU than H2's primary-key lookup itself. Always a
     * fresh read of the database, like any query here: nothing is kept between calls.
     */
    public <T> Optional<T> readOne(String sql, String parameter, RowReader<T> reader) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(reader.read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new CaException(CaException.ErrorCode.STORAGE_ERROR, "database read failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Told, on the same thread, when an outermost transaction has committed (true) or rolled back (false). */
    public void afterTransaction(java.util.function.Consumer<Boolean> hook) {
        this.afterTransaction = hook;
    }

    /** Runs the work in one transaction; database failures become STORAGE_ERROR. */
    public <T> T inTransaction(Supplier<T> work) {
        return run(tx, work);
    }

    /**
     * Like {@link #inTransaction}, but the transaction, and its commit, may be shared with other
     * threads' concurrent calls ({@link GroupCommit}); it returns only after that commit. The work
     * may therefore run on another caller's thread: it must only read and write the database (what
     * it hands back goes in its result), and it may run twice, the first time rolled back, when a
     * shared transaction failed. Inside an open transaction it simply joins that one.
     */
    public <T> T inSharedTransaction(Supplier<T> work) {
        if (depth.get()[0] > 0 || org.springframework.transaction.support.TransactionSynchronizationManager
                .isActualTransactionActive()) {
            return inTransaction(work);
        }
        GroupCommit.Slot<T> slot = group.run(work);
        return slot.alone() ? inTransaction(work) : slot.result();
    }

    /**
     * Like {@link #inTransaction}, but READ COMMITTED whatever the pool's default: each statement
     * sees all that was committed before it started, so what is read after {@link #nextValue}
     * includes every change committed before the value was drawn. Under REPEATABLE READ the whole
     * transaction would read one snapshot, taken before the draw waited for the counter's lock.
     */
    public <T> T inReadCommittedTransaction(Supplier<T> work) {
        return run(readCommitted, work);
    }

    private <T> T run(TransactionTemplate template, Supplier<T> work) {
        int[] level = depth.get();
        level[0]++;
        boolean committed = false;
        try {
            T result = template.execute(status -> work.get());
            committed = true;
            return result;
        } catch (DataAccessException e) {
            throw new CaException(CaException.ErrorCode.STORAGE_ERROR, "database operation failed", e);
        } finally {
            if (--level[0] == 0) {
                afterTransaction.accept(committed);
            }
        }
    }

    /**
     * Increments a counter and returns its new value. Must run inside a transaction: the row
     * stays locked until commit, which orders the callers across every instance.
     */
    public long nextValue(String counter) {
        int updated = jdbc.sql("UPDATE ca_counter SET counter_value = counter_value + 1 WHERE name = ?").param(counter).update();
        if (updated != 1) {
            throw new CaException(CaException.ErrorCode.STORAGE_ERROR, "missing counter " + counter);
        }
        return jdbc.sql("SELECT counter_value FROM ca_counter WHERE name = ?").param(counter).query(Long.class).single();
    }

    public static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
