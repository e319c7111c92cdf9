package vn.kyso.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vn.kyso.signing.SigningException;
import vn.kyso.signing.VerificationReport;

/**
 * {@code kyso verify}: verifies each file and prints its report (text for a person, or one JSON
 * object per line). The exit code is the worst over the files: 0 all valid, 1 a signature not
 * valid or a file without one, 2 a file that could not be verified.
 */
@Command(name = "verify", sortOptions = false)
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--trust", paramLabel = "CA.pem", descriptionKey = "option.trust")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--offline", descriptionKey = "option.offline")
    boolean offline;

    @Option(names = "--format", paramLabel = "text|json", descriptionKey = "option.format")
    String format = "text";

    @Option(names = "--signed-version", paramLabel = "N", descriptionKey = "option.signed-version")
    Integer signedVersion;

    @Option(names = "--out", paramLabel = "OUT.pdf", descriptionKey = "option.signed-version-out")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "param.verify-files")
    List<Path> files;

    private final Messages messages;
    private final Terminal terminal;
    private final Backends backends;

    VerifyCommand(Messages messages, Terminal terminal, Backends backends) {
        this.messages = messages;
        this.terminal = terminal;
        this.backends = backends;
    }

    @Override
    public Integer call() {
        boolean json = switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new CliFailure(ExitCodes.ERROR, "verify.badFormat", format);
        };
        VerifySettings settings = new VerifySettings(trustAnchors(), offline, terminal.clock());
        // Built when the first file passes the quick look: a call on files that are not PDFs at
        // all then never loads PDFBox and Bouncy Castle.
        DocumentVerifier verifier = new DocumentVerifier() {
            private DocumentVerifier built;

            @Override
            public VerificationReport verify(Path file) {
                return built().verify(file);
            }

            @Override
            public byte[] signedVersion(Path file, int number) {
                return built().signedVersion(file, number);
            }

            private synchronized DocumentVerifier built() {
                if (built == null) {
                    built = backends.verifiers().apply(settings);
                }
                return built;
            }
        };
        if (signedVersion != null) {
            return writeSignedVersion(verifier);
        }
        ReportPrinter printer = json ? new JsonReport(terminal.out()) : new TextReport(terminal.out(), messages);
        int exit = ExitCodes.OK;
        int threads = Math.min(files.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            for (Path file : files) {
                exit = Math.max(exit, print(printer, file, check(verifier, file)));
            }
            return exit;
        }
        // Files are checked on one thread per core and reported in their order on the command line.
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kyso-verify");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Checked>> checks = new ArrayList<>(files.size());
            for (Path file : files) {
                checks.add(pool.submit(() -> check(verifier, file)));
            }
            for (int i = 0; i < files.size(); i++) {
                exit = Math.max(exit, print(printer, files.get(i), await(checks.get(i))));
            }
        } finally {
            pool.shutdownNow();
        }
        return exit;
    }

    /** What checking one file gave: a report, or why there is none. */
    private record Checked(VerificationReport report, String code, String message, Exception cause) {
    }

    private static Checked await(Future<Checked> check) {
        try {
            return check.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** {@code --signed-version N --out OUT.pdf FILE}: writes the bytes signature N of FILE signed, nothing else. */
    private int writeSignedVersion(DocumentVerifier verifier) {
        if (out == null || files.size() != 1) {
            throw new CliFailure(ExitCodes.ERROR, "verify.signedVersionUsage");
        }
        Path file = files.get(0);
        try {
            InputFiles.checkPdf(file, ExitCodes.ERROR);
            byte[] signed = verifier.signedVersion(file, signedVersion);
            Path temporary = Files.createTempFile(out.toAbsolutePath().getParent(), ".kyso-", ".pdf");
            try {
                Files.write(temporary, signed);
                Files.move(temporary, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            terminal.out().println(messages.get("verify.signedVersionWritten", signedVersion, file, signed.length, out));
            return ExitCodes.OK;
        } catch (SigningException e) {
            terminal.err().println(messages.get("line.file", file,
                    e.code() == SigningException.ErrorCode.INVALID_REQUEST
                            ? messages.get("verify.noSuchSignature", signedVersion)
                            : SigningErrors.describe(e, messages)));
            return ExitCodes.ERROR;
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.ERROR, "verify.signedVersionNotWritten", out);
        }
    }

    private Checked check(DocumentVerifier verifier, Path file) {
        try {
            InputFiles.checkPdf(file, ExitCodes.ERROR);
            return new Checked(verifier.verify(file), null, null, null);
        } catch (CliFailure e) {
            return new Checked(null, e.key(), e.describe(messages), e);
        } catch (SigningException e) {
            return new Checked(null, e.code().name(), SigningErrors.describe(e, messages), e);
        } catch (RuntimeException e) {
            return new Checked(null, "UNEXPECTED", messages.get("error.unexpected", e.getClass().getSimpleName()), e);
        }
    }

    private int print(ReportPrinter printer, Path file, Checked checked) {
        if (checked.report() == null) {
            return couldNotVerify(printer, file, checked.code(), checked.message(), checked.cause());
        }
        printer.print(file, checked.report());
        return checked.report().allValid() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private int couldNotVerify(ReportPrinter printer, Path file, String code, String message, Exception cause) {
        terminal.err().println(messages.get("line.file", file, message));
        if (common.debug) {
            cause.printStackTrace(terminal.err());
        }
        printer.printFailure(file, code, message);
        return ExitCodes.ERROR;
    }

    /** The certificates of every {@code --trust} file (PEM or DER, one or more each). */
    private List<X509Certificate> trustAnchors() {
        List<X509Certificate> anchors = new ArrayList<>();
        for (Path file : trust) {
            if (!Files.isRegularFile(file)) {
                throw new CliFailure(ExitCodes.ERROR, "verify.trustNotFound", file);
            }
            try (InputStream in = Files.newInputStream(file)) {
                int before = anchors.size();
                for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    anchors.add((X509Certificate) certificate);
                }
                if (anchors.size() == before) {
                    throw new CliFailure(ExitCodes.ERROR, "verify.trustUnreadable", file);
                }
            } catch (IOException | CertificateException e) {
                throw new CliFailure(ExitCodes.ERROR, "verify.trustUnreadable", file);
            }
        }
        return anchors;
    }
}
