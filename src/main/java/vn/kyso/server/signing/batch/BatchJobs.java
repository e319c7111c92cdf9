package vn.kyso.server.signing.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import vn.kyso.server.config.KysoProperties;
import vn.kyso.server.security.KysoUser;
import vn.kyso.server.signing.DocumentSigned.Channel;
import vn.kyso.server.signing.SigningOrder;
import vn.kyso.server.signing.SigningRefusedException;
import vn.kyso.server.signing.Upload;
import vn.kyso.server.signing.batch.BatchException.Code;
import vn.kyso.server.signing.batch.BatchStore.Job;
import vn.kyso.server.signing.batch.BatchView.Status;

/**
 * Batch signing jobs, the package's facade. Starting one checks the documents and the
 * certificate and unlocks the key with the PIN (in a job thread of {@link BatchWorker}, while the
 * request waits: a refusal is the request's answer); then the documents are stored and the
 * request answers with the job. The job thread signs them one by one and commits each one's
 * result together with its usage event (the {@link vn.kyso.server.signing.DocumentSigned} event,
 * recorded by the usage module in the same transaction), so a crash leaves every document either
 * signed and counted or neither. The key and the PIN live only in the job thread's memory: a job
 * whose process ends is interrupted, never resumed. Only the owner sees a job.
 */
@Service
public class BatchJobs {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

    private final BatchWorker worker;
    private final BatchStore store;
    private final BatchProgress progress;
    private final TransactionTemplate tx;
    private final BatchProperties properties;
    private final KysoProperties kyso;
    private final Clock clock;

    BatchJobs(BatchWorker worker, BatchStore store, BatchProgress progress, PlatformTransactionManager transactions,
            BatchProperties properties, KysoProperties kyso, Clock clock) {
        this.worker = worker;
        this.store = store;
        this.progress = progress;
        this.tx = new TransactionTemplate(transactions);
        this.properties = properties;
        this.kyso = kyso;
        this.clock = clock;
    }

    /**
     * Starts a job: returns once its documents are stored and its key is open, or throws the
     * refusal (wrong PIN, not a PDF, too many documents...) with nothing stored.
     */
    public BatchView start(KysoUser user, Channel channel, SigningOrder order, List<Upload> uploads) {
        CompletableFuture<String> started = new CompletableFuture<>();
        worker.submit(user, channel, order, new ArrayList<>(uploads), started);
        Duration limit = kyso.limits().requestTimeout();
        String id;
        try {
            id = started.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (started.cancel(false)) {
                throw new SigningRefusedException(SigningRefusedException.Reason.TIME_LIMIT_EXCEEDED,
                        "request time limit", limit.toSeconds());
            }
            id = started.join();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return view(user, id);
    }

    /** The job, if it is the caller's. */
    public BatchView view(KysoUser user, String id) {
        return store.view(owned(user, id));
    }

    /** A progress stream on the caller's job: its state now, then each change, then the end. */
    public SseEmitter events(KysoUser user, String id) {
        Job job = owned(user, id);
        return progress.open(job.id(), properties.eventsTimeout(), () -> store.view(job.id()));
    }

    /** The signed documents of the caller's finished job, as a zip written straight to the response. */
    public StreamingResponseBody result(KysoUser user, String id) {
        Job job = owned(user, id);
        if (job.status() == Status.RUNNING) {
            throw new BatchException(Code.RUNNING, "the job is still running");
        }
        List<Integer> positions = store.signedPositions(job.id());
        if (positions.isEmpty()) {
            throw new BatchException(Code.NOTHING_SIGNED, "no document of the job was signed");
        }
        return out -> zip(job.id(), positions, out);
    }

    private void zip(String id, List<Integer> positions, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        Set<String> names = new HashSet<>();
        for (int position : positions) {
            Upload document = store.signedPdf(id, position);
            String name = document.signedName();
            for (int i = 2; !names.add(name); i++) {
                name = document.signedName().replaceFirst("\\.pdf$", "-" + i + ".pdf");
            }
            zip.putNextEntry(new ZipEntry(name));
            zip.write(document.content());
            zip.closeEntry();
        }
        zip.finish();
    }

    private Job owned(KysoUser user, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new BatchException(Code.NOT_FOUND, "no such job");
        }
        // someone else's job is "not found" too: its existence is not told
        return store.job(id).filter(j -> j.accountId() == user.accountId())
                .orElseThrow(() -> new BatchException(Code.NOT_FOUND, "no such job"));
    }

    /** Sends changes made elsewhere (another instance, the sweep) to the streams open here. */
    void pollStreams() {
        for (String id : progress.watched()) {
            store.job(id).map(store::view).filter(progress::changed).ifPresent(progress::publish);
        }
    }

    /** Deletes finished jobs past their retention; returns how many. */
    int purge() {
        return tx.execute(s -> store.purge(clock.instant().minus(properties.retention())));
    }
}
