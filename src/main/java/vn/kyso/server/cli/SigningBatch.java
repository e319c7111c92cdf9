package vn.kyso.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import vn.kyso.signing.SigningException;

/**
 * Signs the files of one {@code kyso sign} call with the same signer, on as many threads as the
 * signer allows (a bounded pool: the machine's cores for a key in memory, one for a token).
 * Results are reported in the order of the inputs, whatever order the threads finish in. A file
 * that fails is reported in one line and skipped; a failure of the key itself (unusable, revoked
 * certificate) stops the batch, since every further file would fail the same way: files not
 * started by then are left unsigned and counted.
 */
final class SigningBatch {

    /** One input and where its signed copy goes. */
    record Job(Path input, Path output) {
    }

    private static final Set<SigningException.ErrorCode> KEY_FAILURES = Set.of(
            SigningException.ErrorCode.KEY_UNAVAILABLE, SigningException.ErrorCode.UNSUPPORTED_KEY,
            SigningException.ErrorCode.CERTIFICATE_NOT_USABLE, SigningException.ErrorCode.CERTIFICATE_REVOKED);

    /** What became of one file. */
    private record Outcome(boolean signed, boolean skipped, String message, Exception cause, boolean keyFailure) {

        static final Outcome SIGNED = new Outcome(true, false, null, null, false);
        static final Outcome SKIPPED = new Outcome(false, true, null, null, false);

        static Outcome failed(String message, Exception cause, boolean keyFailure) {
            return new Outcome(false, false, message, cause, keyFailure);
        }
    }

    private final Messages messages;
    private final Terminal terminal;
    private final boolean debug;

    SigningBatch(Messages messages, Terminal terminal, boolean debug) {
        this.messages = messages;
        this.terminal = terminal;
        this.debug = debug;
    }

    /** Signs every job and returns the exit code: OK when all were signed. */
    int run(DocumentSigner signer, List<Job> jobs) {
        long start = System.nanoTime();
        ProgressBar bar = new ProgressBar(terminal.err(), jobs.size(), terminal.interactive());
        // Checked up front, in input order, so that "the same output twice" names the later file
        // whatever the threads do.
        Set<Path> outputs = new HashSet<>();
        List<Outcome> refused = new ArrayList<>(jobs.size());
        for (Job job : jobs) {
            refused.add(checkOutput(job, outputs));
        }
        int threads = Math.max(1, Math.min(signer.parallelism(), jobs.size()));
        AtomicBoolean stop = new AtomicBoolean();
        int signed = 0;
        int failed = 0;
        int skipped = 0;
        boolean stopped = false;
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kyso-sign");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> pending = new ArrayList<>(jobs.size());
            if (pool != null) {
                for (int i = 0; i < jobs.size(); i++) {
                    Job job = jobs.get(i);
                    Outcome early = refused.get(i);
                    pending.add(pool.submit(() -> early != null ? early : signOne(signer, job, stop)));
                }
            }
            for (int i = 0; i < jobs.size(); i++) {
                Job job = jobs.get(i);
                bar.show(i, job.input().toString());
                Outcome outcome = pool == null
                        ? (refused.get(i) != null ? refused.get(i) : signOne(signer, job, stop))
                        : await(pending.get(i));
                if (outcome.signed()) {
                    signed++;
                    if (!terminal.interactive()) {
                        terminal.out().println(messages.get("sign.signed", job.input(), job.output()));
                    }
                } else if (outcome.skipped() || (stopped && outcome.keyFailure())) {
                    // once the key has failed, files that were in flight on other threads and
                    // failed the same way are counted with the rest, not reported one by one
                    skipped++;
                } else {
                    failed++;
                    reportFile(bar, job, outcome.message(), outcome.cause());
                    stopped |= outcome.keyFailure();
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        bar.show(jobs.size(), "");
        bar.clear();
        if (stopped && skipped > 0) {
            terminal.err().println(messages.get("line.error", messages.get("sign.stopped", skipped)));
        }
        failed += skipped;
        double seconds = (System.nanoTime() - start) / 1e9;
        if (jobs.size() > 1) {
            terminal.err().println(messages.get("sign.summary", signed, jobs.size(), failed, seconds));
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static Outcome await(Future<Outcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.SKIPPED;
        } catch (ExecutionException e) {
            // signOne catches every RuntimeException; only an Error ends up here
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Signs one file; never throws for a file's own problem. Skipped once the key has failed. */
    private Outcome signOne(DocumentSigner signer, Job job, AtomicBoolean stop) {
        if (stop.get()) {
            return Outcome.SKIPPED;
        }
        try {
            InputFiles.checkPdf(job.input(), ExitCodes.FAILED);
            signer.sign(job.input(), job.output().toAbsolutePath().normalize());
            return Outcome.SIGNED;
        } catch (CliFailure e) {
            return Outcome.failed(e.describe(messages), e, false);
        } catch (SigningException e) {
            boolean keyFailure = KEY_FAILURES.contains(e.code());
            if (keyFailure) {
                stop.set(true);
            }
            return Outcome.failed(SigningErrors.describe(e, messages), e, keyFailure);
        } catch (UncheckedIOException e) {
            return Outcome.failed(messages.get("file.ioError", e.getCause().getMessage()), e, false);
        } catch (RuntimeException e) {
            return Outcome.failed(messages.get("error.unexpected", e.getClass().getSimpleName()), e, false);
        }
    }

    /** Why this job's output cannot be written, or null when it can. */
    private Outcome checkOutput(Job job, Set<Path> outputs) {
        Path output = job.output().toAbsolutePath().normalize();
        String key = null;
        if (isSameFile(job.input(), output)) {
            key = "sign.outputIsInput";
        } else if (!outputs.add(output)) {
            key = "sign.outputTwice";
        } else if (!Files.isDirectory(output.getParent())) {
            key = "sign.outputNotWritable";
        }
        if (key == null) {
            return null;
        }
        CliFailure failure = new CliFailure(ExitCodes.FAILED, key, job.output());
        return Outcome.failed(failure.describe(messages), failure, false);
    }

    private static boolean isSameFile(Path input, Path output) {
        try {
            return Files.exists(output) && Files.isSameFile(input, output);
        } catch (IOException e) {
            return input.toAbsolutePath().normalize().equals(output);
        }
    }

    private void reportFile(ProgressBar bar, Job job, String message, Exception cause) {
        bar.clear();
        terminal.err().println(messages.get("line.file", job.input(), message));
        if (debug && cause != null) {
            cause.printStackTrace(terminal.err());
        }
    }
}
