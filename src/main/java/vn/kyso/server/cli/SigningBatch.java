package vn.kyso.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.kyso.signing.SigningException;

/**
 * Signs the files of one {@code kyso sign} call one after another with the same signer. A file
 * that fails is reported in one line and skipped; a failure of the key itself (unusable,
 * revoked certificate) stops the batch, since every further file would fail the same way.
 */
final class SigningBatch {

    /** One input and where its signed copy goes. */
    record Job(Path input, Path output) {
    }

    private static final Set<SigningException.ErrorCode> KEY_FAILURES = Set.of(
            SigningException.ErrorCode.KEY_UNAVAILABLE, SigningException.ErrorCode.UNSUPPORTED_KEY,
            SigningException.ErrorCode.CERTIFICATE_NOT_USABLE, SigningException.ErrorCode.CERTIFICATE_REVOKED);

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
        Set<Path> outputs = new HashSet<>();
        int signed = 0;
        int failed = 0;
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            bar.show(i, job.input().toString());
            try {
                signOne(signer, job, outputs);
                signed++;
                if (!terminal.interactive()) {
                    terminal.out().println(messages.get("sign.signed", job.input(), job.output()));
                }
            } catch (CliFailure e) {
                failed++;
                reportFile(bar, job, e.describe(messages), e);
            } catch (SigningException e) {
                failed++;
                reportFile(bar, job, SigningErrors.describe(e, messages), e);
                if (KEY_FAILURES.contains(e.code())) {
                    bar.clear();
                    terminal.err().println(messages.get("line.error",
                            messages.get("sign.stopped", jobs.size() - i - 1)));
                    failed += jobs.size() - i - 1;
                    break;
                }
            } catch (UncheckedIOException e) {
                failed++;
                reportFile(bar, job, messages.get("file.ioError", e.getCause().getMessage()), e);
            } catch (RuntimeException e) {
                failed++;
                reportFile(bar, job, messages.get("error.unexpected", e.getClass().getSimpleName()), e);
            }
        }
        bar.show(jobs.size(), "");
        bar.clear();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (jobs.size() > 1) {
            terminal.err().println(messages.get("sign.summary", signed, jobs.size(), failed, seconds));
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private void signOne(DocumentSigner signer, Job job, Set<Path> outputs) {
        InputFiles.checkPdf(job.input(), ExitCodes.FAILED);
        Path output = job.output().toAbsolutePath().normalize();
        if (isSameFile(job.input(), output)) {
            throw new CliFailure(ExitCodes.FAILED, "sign.outputIsInput");
        }
        if (!outputs.add(output)) {
            throw new CliFailure(ExitCodes.FAILED, "sign.outputTwice", job.output());
        }
        if (!Files.isDirectory(output.getParent())) {
            throw new CliFailure(ExitCodes.FAILED, "sign.outputNotWritable", job.output());
        }
        signer.sign(job.input(), output);
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
        if (debug) {
            cause.printStackTrace(terminal.err());
        }
    }
}
