package vn.kyso.server.signing.batch;

import java.time.Instant;
import java.util.List;

/**
 * A batch job as its owner sees it (status JSON, and the data of each progress event).
 *
 * @param status    RUNNING, COMPLETED or INTERRUPTED
 * @param done      documents finished, signed or failed
 * @param documents each document in upload order
 */
public record BatchView(String id, Status status, String step, String level, int total, int done, int signed,
        int failed, Instant createdAt, Instant finishedAt, List<Document> documents) {

    /** What became of a job. */
    public enum Status {
        RUNNING, COMPLETED,
        /** The process that held the unlocked key ended first: its unsigned documents stay unsigned. */
        INTERRUPTED
    }

    /** What became of one document: PENDING, SIGNED or FAILED (with the error code). */
    public record Document(int position, String filename, String status, String signedSha256, String failure) {
    }

    public boolean finished() {
        return status != Status.RUNNING;
    }
}
