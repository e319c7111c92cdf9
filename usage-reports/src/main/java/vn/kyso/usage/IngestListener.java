package vn.kyso.usage;

/**
 * Hears the progress of a large ingestion: once before the first document (done = 0, file null),
 * then once per document, and each document skipped.
 */
@FunctionalInterface
public interface IngestListener {

    /**
     * @param done  documents finished so far
     * @param total documents in the batch
     * @param file  the document just finished (null before the first)
     */
    void progress(int done, int total, String file);

    /** A document skipped (corrupt, unsigned, too large, unreadable), as it happens; the batch goes on. */
    default void skipped(IngestResult.SkippedFile file) {
    }

    static IngestListener none() {
        return (done, total, file) -> { };
    }
}
