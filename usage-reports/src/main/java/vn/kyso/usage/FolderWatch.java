package vn.kyso.usage;

/**
 * A folder where the document system drops signed PDFs (or zips of them). Each poll ingests the
 * files whose size and modification time have not changed since the previous poll (so a file
 * still being copied waits), then moves each to {@code ingested/} or, when it was skipped, to
 * {@code skipped/} inside the folder.
 */
public interface FolderWatch extends AutoCloseable {

    /** Looks at the folder now; returns what this poll ingested. */
    IngestResult poll();

    /** Stops the background polling, if any. */
    @Override
    void close();
}
