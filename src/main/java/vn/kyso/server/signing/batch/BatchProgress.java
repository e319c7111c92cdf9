package vn.kyso.server.signing.batch;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open progress streams (server-sent events) of this instance, per job. A stream first gets
 * the job's current state (so a client that reconnects after a reload or a dropped connection
 * is up to date at once), then a {@code progress} event per finished document, then one
 * {@code finished} event, and is closed. Each event's data is the job's {@link BatchView}.
 */
@Component
class BatchProgress {

    static final String PROGRESS = "progress";
    static final String FINISHED = "finished";
    /** How long a browser waits before it reconnects a dropped stream. */
    private static final long RETRY_MILLIS = 2_000;

    private final Map<String, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    /** What each job's streams were last sent, so that polling sends only changes. */
    private final Map<String, Integer> lastSent = new ConcurrentHashMap<>();

    /** Opens a stream on a job; {@code current} is read after the stream is registered, so no change is missed. */
    SseEmitter open(String id, Duration timeout, Supplier<BatchView> current) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        streams.computeIfAbsent(id, k -> new CopyOnWriteArraySet<>()).add(emitter);
        Runnable remove = () -> forget(id, emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(() -> {
            // a normal end of the stream (the client reconnects), not an error to answer
            remove.run();
            emitter.complete();
        });
        emitter.onError(e -> remove.run());
        send(id, emitter, current.get());
        return emitter;
    }

    /** Sends the job's state to its streams (and closes them once the job is finished). */
    void publish(BatchView view) {
        Set<SseEmitter> open = streams.get(view.id());
        if (open == null) {
            return;
        }
        lastSent.put(view.id(), fingerprint(view));
        for (SseEmitter emitter : open) {
            send(view.id(), emitter, view);
        }
    }

    /** Jobs that have open streams here. */
    Set<String> watched() {
        return Set.copyOf(streams.keySet());
    }

    /** Whether the view differs from what the job's streams were last sent. */
    boolean changed(BatchView view) {
        Integer sent = lastSent.get(view.id());
        return sent == null || sent != fingerprint(view);
    }

    private void send(String id, SseEmitter emitter, BatchView view) {
        try {
            synchronized (emitter) {
                emitter.send(SseEmitter.event().name(view.finished() ? FINISHED : PROGRESS)
                        .id(Integer.toString(view.done())).reconnectTime(RETRY_MILLIS)
                        .data(view, MediaType.APPLICATION_JSON));
                if (view.finished()) {
                    emitter.complete();
                }
            }
        } catch (IOException | IllegalStateException gone) {
            // the client went away (or the stream timed out): it reconnects, or it does not care
            forget(id, emitter);
        }
    }

    private void forget(String id, SseEmitter emitter) {
        streams.computeIfPresent(id, (k, set) -> {
            set.remove(emitter);
            return set.isEmpty() ? null : set;
        });
        if (!streams.containsKey(id)) {
            lastSent.remove(id);
        }
    }

    private static int fingerprint(BatchView view) {
        return view.done() * 4 + view.status().ordinal();
    }
}
