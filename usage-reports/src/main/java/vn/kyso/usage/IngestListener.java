package vn.kyso.usage;

/** Hears the progress of a large ingestion, one call per document. */
@FunctionalInterface
public interface IngestListener {

    /**
     * @param done  documents finished so far
     * @param total documents in the batch
     * @param file  the document just finished
     */
    void progress(int done, int total, String file);

    static IngestListener none() {
        return (done, total, file) -> { };
    }
}
