package vn.kyso.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import vn.kyso.signing.pades.PadesPipeline;
import vn.kyso.signing.pades.PdfSource;
import vn.kyso.signing.revocation.OnlineRevocationSource;
import vn.kyso.signing.tsp.HttpTimestampSource;

/**
 * Signs PDFs as PAdES baseline signatures (B-B, B-T, B-LT, B-LTA), always as incremental
 * updates: the input is an exact prefix of the output. Thread-safe; build one and reuse it.
 *
 * <pre>{@code
 * PdfSigner signer = PdfSigner.builder().clock(clock).timestampSource(tsa).revocationSource(rev).build();
 * SignResult r = signer.sign(SignRequest.builder(key, PadesLevel.B_LT).reason("Phê duyệt").build(), in, out);
 * }</pre>
 */
public final class PdfSigner {

    private final PadesPipeline pipeline;

    private PdfSigner(Builder b) {
        Map<URI, TimestampSource> byUrl = new ConcurrentHashMap<>();
        this.pipeline = new PadesPipeline(b.clock, b.timestampSource,
                url -> byUrl.computeIfAbsent(url, HttpTimestampSource::new),
                b.revocationSource != null ? b.revocationSource : new OnlineRevocationSource(), b.preparedLifetime);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Signs {@code input} into {@code output} (written through a sibling temporary file, then moved). */
    public SignResult sign(SignRequest request, Path input, Path output) {
        return toFile(output, out -> pipeline.sign(request, PdfSource.of(input), out));
    }

    /** Signs a PDF held in memory (small documents; the service's uploads) into {@code output}. */
    public SignResult sign(SignRequest request, byte[] input, OutputStream output) {
        return pipeline.sign(request, PdfSource.of(input), output);
    }

    /** Signs a PDF read from a stream; it is spooled to a temporary file first, so memory stays bounded. */
    public SignResult sign(SignRequest request, InputStream input, OutputStream output) {
        Path spool = spool(input);
        try {
            return pipeline.sign(request, PdfSource.of(spool), output);
        } finally {
            deleteQuietly(spool);
        }
    }

    /**
     * First half of a two-step signature with a key held elsewhere: only {@code request.key()}'s
     * certificate chain is used. Sign {@link PreparedSignature#toBeSigned()} (or its hash) and call
     * {@link #complete} on this same PdfSigner before the handle expires (15 minutes by default).
     */
    public PreparedSignature prepare(SignRequest request, Path input) {
        return pipeline.prepare(request, input);
    }

    /** Abandons a prepared signature that will not be completed: its temporary file is deleted now. */
    public void discard(PreparedSignature prepared) {
        pipeline.discard(prepared.handleId());
    }

    /** Second half of a two-step signature. */
    public SignResult complete(PreparedSignature prepared, byte[] signatureValue, Path output) {
        return complete(prepared.handleId(), signatureValue, output);
    }

    /** Second half of a two-step signature, by handle id. */
    public SignResult complete(String handleId, byte[] signatureValue, Path output) {
        return toFile(output, out -> pipeline.complete(handleId, signatureValue, out));
    }

    /** Second half of a two-step signature, into a stream. */
    public SignResult complete(String handleId, byte[] signatureValue, OutputStream output) {
        return pipeline.complete(handleId, signatureValue, output);
    }

    /**
     * Raises the signatures of {@code input} to {@code target}: B_LT adds a /DSS with the chains and
     * revocation data of every signature; B_LTA adds that and then a document timestamp.
     */
    public void extend(Path input, Path output, PadesLevel target) {
        toFile(output, out -> {
            pipeline.extend(PdfSource.of(input), out, target);
            return null;
        });
    }

    /** Adds a fresh archive timestamp (validation data for what is there, then a document timestamp). */
    public void addDocumentTimestamp(Path input, Path output) {
        extend(input, output, PadesLevel.B_LTA);
    }

    private interface Writer<T> {
        T write(OutputStream out) throws IOException;
    }

    private static <T> T toFile(Path output, Writer<T> writer) {
        Path dir = output.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, ".kyso-", ".pdf.part");
            T result;
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 65536)) {
                result = writer.write(out);
            }
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            return result;
        } catch (IOException e) {
            throw new SigningException(SigningException.ErrorCode.IO_ERROR, "cannot write " + output + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    private static Path spool(InputStream input) {
        try {
            Path f = Files.createTempFile("kyso-in-", ".pdf");
            Files.copy(input, f, StandardCopyOption.REPLACE_EXISTING);
            return f;
        } catch (IOException e) {
            throw new SigningException(SigningException.ErrorCode.IO_ERROR, "cannot read the input: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // temp directory
        }
    }

    /** Configures a {@link PdfSigner}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private TimestampSource timestampSource;
        private RevocationSource revocationSource;
        private Duration preparedLifetime = Duration.ofMinutes(15);

        private Builder() {
        }

        /** The clock for /M and certificate validity (default: system UTC). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        /** Where timestamps come from; when absent, the request's tsaUrl is used over HTTP. */
        public Builder timestampSource(TimestampSource value) {
            this.timestampSource = value;
            return this;
        }

        /** Where OCSP responses and CRLs come from for B-LT (default: online, from the certificates' URLs). */
        public Builder revocationSource(RevocationSource value) {
            this.revocationSource = value;
            return this;
        }

        /** How long a prepared two-step signature waits for its value. */
        public Builder preparedLifetime(Duration value) {
            this.preparedLifetime = Objects.requireNonNull(value);
            return this;
        }

        public PdfSigner build() {
            return new PdfSigner(this);
        }
    }
}
