package vn.kyso.usage.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.HexFormat;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Usage migration 2.1: the raw events keyed by their 32-byte once-only key itself (binary, not
 * 64 hex characters), the document hash binary too, without the surrogate id and the day column
 * nothing read. Half the key bytes and no identity sequence make the write path cheaper on H2
 * and PostgreSQL. Existing events are copied with their keys converted, so the once-only rule
 * holds across the upgrade. A Java migration because H2 and PostgreSQL share no hex-decoding
 * function; the service registers it with Spring's Flyway, the module's own Flyway adds it too.
 */
public final class BinaryOnceKeys implements JavaMigration {

    private static final String CREATE = """
            CREATE TABLE usage_event (
                -- SHA-256 over what makes the event the same event: the once-only guarantee
                once_key        BYTEA        NOT NULL,
                certificate_id  BIGINT       NOT NULL,
                event_type      VARCHAR(10)  NOT NULL,
                occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
                document_sha256 BYTEA,
                signature_field VARCHAR(300),
                channel         VARCHAR(8),
                pades_level     VARCHAR(8),
                duration_ms     BIGINT,
                recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT usage_event_key PRIMARY KEY (once_key)
            )""";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2.1");
    }

    @Override
    public String getDescription() {
        return "usage events keyed by binary once-only keys";
    }

    @Override
    public Integer getChecksum() {
        return 21;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE usage_event RENAME TO usage_event_v1");
            s.execute(CREATE);
        }
        HexFormat hex = HexFormat.of();
        try (Statement read = c.createStatement();
                PreparedStatement write = c.prepareStatement("INSERT INTO usage_event (once_key, certificate_id,"
                        + " event_type, occurred_at, document_sha256, signature_field, channel, pades_level, duration_ms,"
                        + " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            read.setFetchSize(5_000);
            try (ResultSet rs = read.executeQuery("SELECT dedup_key, certificate_id, event_type, occurred_at,"
                    + " document_sha256, signature_field, channel, pades_level, duration_ms, recorded_at"
                    + " FROM usage_event_v1")) {
                int batched = 0;
                while (rs.next()) {
                    write.setBytes(1, hex.parseHex(rs.getString(1).trim()));
                    write.setLong(2, rs.getLong(2));
                    write.setString(3, rs.getString(3));
                    write.setObject(4, rs.getObject(4, OffsetDateTime.class));
                    String document = rs.getString(5);
                    if (document == null) {
                        write.setNull(5, Types.VARBINARY);
                    } else {
                        write.setBytes(5, hex.parseHex(document.trim()));
                    }
                    write.setString(6, rs.getString(6));
                    write.setString(7, rs.getString(7));
                    write.setString(8, rs.getString(8));
                    long duration = rs.getLong(9);
                    if (rs.wasNull()) {
                        write.setNull(9, Types.BIGINT);
                    } else {
                        write.setLong(9, duration);
                    }
                    write.setObject(10, rs.getObject(10, OffsetDateTime.class));
                    write.addBatch();
                    if (++batched % 5_000 == 0) {
                        write.executeBatch();
                    }
                }
                write.executeBatch();
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE usage_event_v1");
        }
    }
}
