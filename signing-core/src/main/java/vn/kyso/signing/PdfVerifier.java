package vn.kyso.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import vn.kyso.signing.verify.DocumentVerifier;
import vn.kyso.signing.verify.PageComparisonLimits;
import vn.kyso.signing.verify.VerifierSettings;

/**
 * Verifies the signatures and document timestamps of a PDF (PAdES, and adbe.pkcs7.detached from
 * other tools). A bad signature is a {@link VerificationReport}, never an exception: only input
 * that cannot be read as a PDF at all throws {@link SigningException} ({@code NOT_A_PDF},
 * {@code ENCRYPTED_PDF}, {@code LIMIT_EXCEEDED}, {@code IO_ERROR}).
 *
 * <p>Instances are immutable and thread-safe; build one and reuse it (it caches parsed trust
 * anchors and certificate-path results).
 */
public final class PdfVerifier {

    private final DocumentVerifier verifier;
    private final long maxFileSize;

    private PdfVerifier(VerifierSettings settings) {
        this.verifier = new DocumentVerifier(settings);
        this.maxFileSize = settings.maxFileSize();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Verifies the PDF at {@code pdf}. */
    public VerificationReport verify(Path pdf) {
        try {
            long size = Files.size(pdf);
            if (size > maxFileSize) {
                throw tooLarge(size);
            }
            return verify(Files.readAllBytes(pdf));
        } catch (NoSuchFileException e) {
            throw new SigningException(SigningException.ErrorCode.IO_ERROR, "File not found: " + pdf);
        } catch (IOException e) {
            throw new SigningException(SigningException.ErrorCode.IO_ERROR, "Cannot read " + pdf + ": " + e.getMessage(), e);
        }
    }

    /** Verifies the PDF read from {@code pdf} (read fully, up to the size limit; not closed). */
    public VerificationReport verify(InputStream pdf) {
        try {
            byte[] bytes = pdf.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileSize + 1));
            if (bytes.length > maxFileSize) {
                throw tooLarge(bytes.length);
            }
            return verify(bytes);
        } catch (IOException e) {
            throw new SigningException(SigningException.ErrorCode.IO_ERROR, "Cannot read the PDF: " + e.getMessage(), e);
        }
    }

    /** Verifies the PDF held in {@code pdf}. */
    public VerificationReport verify(byte[] pdf) {
        Objects.requireNonNull(pdf, "pdf");
        if (pdf.length > maxFileSize) {
            throw tooLarge(pdf.length);
        }
        return verifier.verify(pdf);
    }

    /**
     * The exact bytes that the {@code number}-th signature (1-based, in the order of
     * {@link VerificationReport#signatures()}) signed: the revision of the file it covers, to
     * open and see what was signed. Throws {@link SigningException} ({@code INVALID_REQUEST}) when
     * the document has no such signature or its byte range does not end a revision.
     */
    public byte[] signedVersion(byte[] pdf, int number) {
        Objects.requireNonNull(pdf, "pdf");
        if (pdf.length > maxFileSize) {
            throw tooLarge(pdf.length);
        }
        return java.util.Arrays.copyOf(pdf, (int) verifier.signedLength(pdf, number));
    }

    private SigningException tooLarge(long size) {
        return new SigningException(SigningException.ErrorCode.LIMIT_EXCEEDED,
                "The file is " + size + " bytes, more than the limit of " + maxFileSize + " bytes");
    }

    /** Configures a {@link PdfVerifier}; only trust anchors are required. */
    public static final class Builder {
        private final List<X509Certificate> trustAnchors = new ArrayList<>();
        private final List<X509Certificate> timestampOnly = new ArrayList<>();
        private final List<X509Certificate> signatureOnly = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private RevocationSource revocationSource = RevocationSource.none();
        private Duration onlineTimeout = Duration.ofSeconds(10);
        private long maxFileSize = 100L * 1024 * 1024;
        private PageComparisonLimits pageComparison = PageComparisonLimits.DEFAULT;

        private Builder() {
        }

        /** The roots (or any certificates) trusted as the end of a certificate path. */
        public Builder trustAnchors(Collection<X509Certificate> anchors) {
            trustAnchors.addAll(anchors);
            return this;
        }

        /**
         * One anchor trusted for signatures, timestamps (a TSA's path) or both. A report names
         * the anchor a path ends at by its SHA-256 ({@link SignatureReport#anchorSha256()}).
         */
        public Builder trustAnchor(X509Certificate anchor, boolean signatures, boolean timestamps) {
            Objects.requireNonNull(anchor, "anchor");
            if (!signatures && !timestamps) {
                throw new IllegalArgumentException("an anchor is trusted for signatures, timestamps or both");
            }
            trustAnchors.add(anchor);
            if (!signatures) {
                timestampOnly.add(anchor);
            }
            if (!timestamps) {
                signatureOnly.add(anchor);
            }
            return this;
        }

        /** The clock giving "now" for validity when no timestamp proves an earlier time. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where to ask for OCSP/CRL data the file lacks; {@link RevocationSource#none()} is offline. */
        public Builder revocationSource(RevocationSource source) {
            this.revocationSource = Objects.requireNonNull(source, "revocationSource");
            return this;
        }

        /** How long one online revocation request may take before it counts as "not available". */
        public Builder onlineTimeout(Duration timeout) {
            this.onlineTimeout = Objects.requireNonNull(timeout, "onlineTimeout");
            return this;
        }

        /** The largest file accepted, in bytes (default 100 MiB). */
        public Builder maxFileSize(long bytes) {
            this.maxFileSize = bytes;
            return this;
        }

        /**
         * The bounds of the second opinion from the pages: when a later revision changed more
         * than validation data, up to {@code maxPages} pages are rendered at the given resolution
         * within the time limit (default 10 pages, 72 dpi, 10 s; 0 pages turns it off).
         */
        public Builder pageComparison(PageComparisonLimits limits) {
            this.pageComparison = Objects.requireNonNull(limits, "pageComparison");
            return this;
        }

        public PdfVerifier build() {
            return new PdfVerifier(new VerifierSettings(trustAnchors, clock, revocationSource, onlineTimeout, maxFileSize,
                    timestampOnly, signatureOnly, pageComparison));
        }
    }
}
