package vn.kyso.server.usage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import vn.kyso.usage.FolderWatch;
import vn.kyso.usage.IngestListener;
import vn.kyso.usage.IngestResult;
import vn.kyso.usage.UsageReports;

/**
 * The watched drop folder ({@code kyso.usage.watch-folder}, off unless set): polled every
 * {@code kyso.usage.watch-interval}; a file is ingested once its size and time stop changing
 * between two polls, then moved to {@code ingested/} (or {@code skipped/} when a document in it
 * was skipped, with the reason logged), so nothing is ingested twice, and a re-dropped file would
 * still count each signature once.
 */
@Component
class UsageFolderWatch implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(UsageFolderWatch.class);

    private final UsageReports usage;
    private final UsageProperties properties;
    private volatile FolderWatch watch;

    UsageFolderWatch(UsageReports usage, UsageProperties properties) {
        this.usage = usage;
        this.properties = properties;
    }

    @Override
    public void start() {
        Path folder = properties.watchFolder();
        if (folder == null) {
            return;
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the watched folder " + folder, e);
        }
        watch = usage.watchFolder(folder, properties.watchInterval(), new Logged());
        LOG.info("watching {} for signed PDFs every {}", folder.toAbsolutePath(), properties.watchInterval());
    }

    @Override
    public void stop() {
        FolderWatch w = watch;
        watch = null;
        if (w != null) {
            w.close();
        }
    }

    @Override
    public boolean isRunning() {
        return watch != null;
    }

    /** Logs each skipped document with its reason, and each file finished. */
    private static final class Logged implements IngestListener {
        @Override
        public void progress(int done, int total, String file) {
            if (file != null) {
                LOG.info("watched folder: ingested {}", file);
            }
        }

        @Override
        public void skipped(IngestResult.SkippedFile file) {
            LOG.warn("watched folder: skipped {} ({}: {})", file.file(), file.reason(), file.detail());
        }
    }
}
