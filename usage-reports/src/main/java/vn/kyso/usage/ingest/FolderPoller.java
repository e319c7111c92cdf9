package vn.kyso.usage.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.kyso.usage.FolderWatch;
import vn.kyso.usage.IngestListener;
import vn.kyso.usage.IngestResult;
import vn.kyso.usage.UsageException;
import vn.kyso.usage.UsageException.ErrorCode;

/** A {@link FolderWatch} that polls, optionally on its own daemon thread. */
public final class FolderPoller implements FolderWatch {

    private static final Logger LOG = LoggerFactory.getLogger(FolderPoller.class);
    static final String INGESTED = "ingested";
    /** Who the audit log names for what the watched folder ingests. */
    static final String ACTOR = "watch-folder";
    static final String SKIPPED = "skipped";

    private final Path folder;
    private final Ingestion ingestion;
    private final IngestListener listener;
    private final Map<Path, String> lastSeen = new HashMap<>();
    private ScheduledExecutorService scheduler;

    public FolderPoller(Path folder, Ingestion ingestion, IngestListener listener) {
        if (!Files.isDirectory(folder)) {
            throw new UsageException(ErrorCode.IO_ERROR, "not a folder: " + folder);
        }
        this.folder = folder;
        this.ingestion = ingestion;
        this.listener = listener;
    }

    /** Polls every {@code interval} on a daemon thread until closed. */
    public FolderPoller start(Duration interval) {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kyso-usage-folder-watch");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                poll();
            } catch (RuntimeException e) {
                LOG.warn("folder poll of {} failed: {}", folder, e.getMessage());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public synchronized IngestResult poll() {
        List<Path> stable = new ArrayList<>();
        Map<Path, String> now = new HashMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.filter(Files::isRegularFile).sorted().toList()) {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (!n.endsWith(".pdf") && !n.endsWith(".zip")) {
                    continue;
                }
                FileTime modified = Files.getLastModifiedTime(p);
                String signature = Files.size(p) + "@" + modified.toMillis();
                now.put(p, signature);
                if (signature.equals(lastSeen.get(p))) {
                    stable.add(p);
                }
            }
        } catch (IOException e) {
            throw new UsageException(ErrorCode.IO_ERROR, "cannot list " + folder, e);
        }
        lastSeen.clear();
        lastSeen.putAll(now);
        List<IngestResult> results = new ArrayList<>();
        for (Path p : stable) {
            IngestResult r = ingestion.ingest(List.of(p), listener, ACTOR);
            results.add(r);
            move(p, r.skipped().isEmpty() ? INGESTED : SKIPPED);
            lastSeen.remove(p);
        }
        return merge(results);
    }

    private void move(Path file, String into) {
        try {
            Path target = Files.createDirectories(folder.resolve(into)).resolve(file.getFileName());
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("cannot move {} to {}: {}", file.getFileName(), into, e.getMessage());
        }
    }

    static IngestResult merge(List<IngestResult> results) {
        int files = 0;
        int signatures = 0;
        int recorded = 0;
        int duplicates = 0;
        List<IngestResult.SkippedFile> skipped = new ArrayList<>();
        List<IngestResult.RejectedSignature> rejected = new ArrayList<>();
        for (IngestResult r : results) {
            files += r.files();
            signatures += r.signaturesFound();
            recorded += r.recorded();
            duplicates += r.duplicates();
            skipped.addAll(r.skipped());
            rejected.addAll(r.rejected());
        }
        return new IngestResult(files, signatures, recorded, duplicates, skipped, rejected);
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
