package vn.kyso.usage;

import java.util.List;
import java.util.Objects;

/**
 * What ingesting a batch of signed PDFs did. A signature found becomes a SEEN event only when
 * proven (docs/usage.md, "Counting rules"); every other one is a rejected observation, listed in
 * {@code rejected} and kept for the auditor.
 *
 * @param files          documents looked at (entries of a zip count one each)
 * @param signaturesFound signatures found in readable documents (document timestamps excluded)
 * @param recorded       SEEN events stored for the first time
 * @param duplicates     signatures already counted (re-ingested documents)
 * @param skipped        documents skipped, with why
 * @param rejected       signatures not counted, with why
 */
public record IngestResult(int files, int signaturesFound, int recorded, int duplicates, List<SkippedFile> skipped,
        List<RejectedSignature> rejected) {

    public IngestResult {
        skipped = List.copyOf(skipped);
        rejected = List.copyOf(rejected);
    }

    /** Why a document was skipped. */
    public enum SkipReason {
        /** Not a PDF, or damaged beyond reading. */
        NOT_A_PDF,
        /** Encrypted with a password we do not have. */
        ENCRYPTED,
        /** A readable PDF with no signature. */
        UNSIGNED,
        /** Larger than the configured limit. */
        TOO_LARGE,
        /** The file could not be read from disk or archive. */
        READ_ERROR
    }

    /**
     * @param file   the file name (for zip entries: archive.zip!/entry.pdf)
     * @param reason why
     * @param detail a short explanation (English)
     */
    public record SkippedFile(String file, SkipReason reason, String detail) {
        public SkippedFile {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * @param file        the document
     * @param field       the signature field
     * @param certificate the issuer and serial the signature names; null when it names none readably
     * @param reason      why it was not counted (English)
     * @param code        why it was not counted, as a code
     */
    public record RejectedSignature(String file, String field, CertificateRef certificate, String reason,
            RejectionReason code) {
    }
}
