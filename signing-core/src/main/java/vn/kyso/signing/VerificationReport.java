package vn.kyso.signing;

import java.util.List;

/**
 * The result of verifying one PDF: one entry per signature, one per document timestamp.
 *
 * @param signatures     the signatures (not document timestamps), in the order they were made
 * @param timestamps     the document timestamps, in the order they were made
 * @param documentProblems problems that concern the file rather than one signature
 */
public record VerificationReport(List<SignatureReport> signatures, List<TimestampReport> timestamps,
        List<String> documentProblems) {

    public VerificationReport {
        signatures = List.copyOf(signatures);
        timestamps = List.copyOf(timestamps);
        documentProblems = List.copyOf(documentProblems);
    }

    /** True when the file has at least one signature and every signature and timestamp is VALID. */
    public boolean allValid() {
        return !signatures.isEmpty()
                && signatures.stream().allMatch(s -> s.indication() == Indication.VALID)
                && timestamps.stream().allMatch(t -> t.indication() == Indication.VALID);
    }
}
