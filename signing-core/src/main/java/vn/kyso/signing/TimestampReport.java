package vn.kyso.signing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The verdict on one document timestamp (/SubFilter /ETSI.RFC3161) of a PDF.
 *
 * @param field               the field's fully qualified name
 * @param indication          VALID, INVALID or INDETERMINATE
 * @param subIndication       why, when not VALID
 * @param time                the time the TSA asserted (genTime)
 * @param tsa                 the TSA certificate's subject DN
 * @param coversWholeDocument whether the timestamped byte range ends at the end of the file
 * @param modifications       what later incremental updates did
 * @param problems            human-readable reasons (English); for a VALID signature only notes
 *                            (e.g. revoked after a timestamp proved the signing time)
 * @param anchorSha256        SHA-256 (lower-case hex) of the trust anchor the TSA's path ends at;
 *                            null when it ends at none
 * @param changes             what later revisions changed, each change classified
 */
public record TimestampReport(
        String field,
        Indication indication,
        SubIndication subIndication,
        Instant time,
        String tsa,
        boolean coversWholeDocument,
        Modifications modifications,
        List<String> problems,
        String anchorSha256,
        ChangeSummary changes) {

    public TimestampReport {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(indication, "indication");
        Objects.requireNonNull(modifications, "modifications");
        problems = List.copyOf(problems);
        if (changes == null) {
            changes = ChangeSummary.fromModifications(modifications);
        }
    }

    /** A report that names no trust anchor, without the classified changes (derived from {@code modifications}). */
    public TimestampReport(String field, Indication indication, SubIndication subIndication, Instant time, String tsa,
            boolean coversWholeDocument, Modifications modifications, List<String> problems) {
        this(field, indication, subIndication, time, tsa, coversWholeDocument, modifications, problems, null, null);
    }

    /** This report with the change analysis {@code summary}. */
    public TimestampReport withChanges(ChangeSummary summary) {
        return new TimestampReport(field, indication, subIndication, time, tsa, coversWholeDocument,
                summary.modifications(), problems, anchorSha256, summary);
    }
}
