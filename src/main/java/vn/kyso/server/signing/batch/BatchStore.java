package vn.kyso.server.signing.batch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.kyso.server.signing.Upload;
import vn.kyso.server.signing.batch.BatchView.Document;
import vn.kyso.server.signing.batch.BatchView.Status;

/**
 * The batch tables. Writes that must go together (a document's result and its usage event) run
 * in the caller's transaction; the result updates only a document still PENDING, so a job that
 * was declared interrupted cannot be written to afterwards.
 */
@Repository
class BatchStore {

    static final String PENDING = "PENDING";
    static final String SIGNED = "SIGNED";
    static final String FAILED = "FAILED";
    /** The failure code of a document whose job ended before it was signed. */
    static final String INTERRUPTED = "INTERRUPTED";

    /** A job's row: who owns it, and its state. */
    record Job(String id, long accountId, Status status, String step, String level, int total, Instant createdAt,
            Instant finishedAt) {
    }

    private final JdbcClient jdbc;

    BatchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(String id, long accountId, String step, String level, List<Upload> uploads, Instant now) {
        jdbc.sql("""
                INSERT INTO server_signing_batch (id, account_id, status, step, pades_level, total, created_at,
                    heartbeat_at) VALUES (?, ?, 'RUNNING', ?, ?, ?, ?, ?)""")
                .params(id, accountId, step, level, uploads.size(), utc(now), utc(now)).update();
        for (int i = 0; i < uploads.size(); i++) {
            jdbc.sql("""
                    INSERT INTO server_signing_batch_document (batch_id, position, filename, status, content)
                    VALUES (?, ?, ?, 'PENDING', ?)""")
                    .params(id, i, uploads.get(i).filename(), uploads.get(i).content()).update();
        }
    }

    Optional<Job> job(String id) {
        return jdbc.sql("""
                SELECT id, account_id, status, step, pades_level, total, created_at, finished_at
                FROM server_signing_batch WHERE id = ?""")
                .param(id).query((rs, n) -> new Job(rs.getString(1).strip(), rs.getLong(2),
                        Status.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getInt(6),
                        instant(rs, 7), instant(rs, 8)))
                .optional();
    }

    /** A job with its documents, as its owner sees it. */
    BatchView view(Job job) {
        List<Document> documents = documents(job.id());
        int signed = (int) documents.stream().filter(d -> SIGNED.equals(d.status())).count();
        int failed = (int) documents.stream().filter(d -> FAILED.equals(d.status())).count();
        return new BatchView(job.id(), job.status(), job.step(), job.level(), job.total(), signed + failed, signed,
                failed, job.createdAt(), job.finishedAt(), documents);
    }

    BatchView view(String id) {
        return view(job(id).orElseThrow(() -> new BatchException(BatchException.Code.NOT_FOUND, "no such job")));
    }

    List<Document> documents(String id) {
        return jdbc.sql("""
                SELECT position, filename, status, signed_sha256, failure FROM server_signing_batch_document
                WHERE batch_id = ? ORDER BY position""")
                .param(id).query((rs, n) -> new Document(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    /** The next document still to sign, with its content. */
    Optional<Upload> pending(String id, int position) {
        return jdbc.sql("""
                SELECT filename, content FROM server_signing_batch_document
                WHERE batch_id = ? AND position = ? AND status = 'PENDING'""")
                .params(id, position).query((rs, n) -> new Upload(rs.getString(1), rs.getBytes(2))).optional();
    }

    /** Stores a signed document; false when it is no longer pending (its job was declared interrupted). */
    boolean signed(String id, int position, byte[] pdf, String sha256, Instant now) {
        return jdbc.sql("""
                UPDATE server_signing_batch_document SET status = 'SIGNED', content = NULL, signed_pdf = ?,
                    signed_sha256 = ?, finished_at = ? WHERE batch_id = ? AND position = ? AND status = 'PENDING'""")
                .params(pdf, sha256, utc(now), id, position).update() == 1;
    }

    boolean failed(String id, int position, String failure, Instant now) {
        return jdbc.sql("""
                UPDATE server_signing_batch_document SET status = 'FAILED', content = NULL, failure = ?,
                    finished_at = ? WHERE batch_id = ? AND position = ? AND status = 'PENDING'""")
                .params(failure, utc(now), id, position).update() == 1;
    }

    void heartbeat(String id, Instant now) {
        jdbc.sql("UPDATE server_signing_batch SET heartbeat_at = ? WHERE id = ? AND status = 'RUNNING'")
                .params(utc(now), id).update();
    }

    /** Ends a running job: COMPLETED, or INTERRUPTED with its pending documents failed as such. */
    void finish(String id, Status status, Instant now) {
        jdbc.sql("""
                UPDATE server_signing_batch_document SET status = 'FAILED', content = NULL, failure = ?,
                    finished_at = ? WHERE batch_id = ? AND status = 'PENDING'""")
                .params(INTERRUPTED, utc(now), id).update();
        jdbc.sql("UPDATE server_signing_batch SET status = ?, finished_at = ? WHERE id = ? AND status = 'RUNNING'")
                .params(status.name(), utc(now), id).update();
    }

    /** Running jobs whose heartbeat stopped before {@code before}. */
    List<String> silentSince(Instant before) {
        return jdbc.sql("SELECT id FROM server_signing_batch WHERE status = 'RUNNING' AND heartbeat_at < ?")
                .param(utc(before)).query((rs, n) -> rs.getString(1).strip()).list();
    }

    /** Positions of the signed documents, in order. */
    List<Integer> signedPositions(String id) {
        return jdbc.sql("""
                SELECT position FROM server_signing_batch_document WHERE batch_id = ? AND status = 'SIGNED'
                ORDER BY position""").param(id).query(Integer.class).list();
    }

    /** A signed document's name (as uploaded) and PDF. */
    Upload signedPdf(String id, int position) {
        return jdbc.sql("SELECT filename, signed_pdf FROM server_signing_batch_document WHERE batch_id = ? AND position = ?")
                .params(id, position).query((rs, n) -> new Upload(rs.getString(1), rs.getBytes(2))).single();
    }

    /** Deletes finished jobs created before {@code before}, with their documents. */
    int purge(Instant before) {
        jdbc.sql("""
                DELETE FROM server_signing_batch_document WHERE batch_id IN (
                    SELECT id FROM server_signing_batch WHERE status <> 'RUNNING' AND created_at < ?)""")
                .param(utc(before)).update();
        return jdbc.sql("DELETE FROM server_signing_batch WHERE status <> 'RUNNING' AND created_at < ?")
                .param(utc(before)).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
