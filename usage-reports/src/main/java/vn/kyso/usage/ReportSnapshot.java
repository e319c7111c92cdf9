package vn.kyso.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A closed period's report frozen as it stood when it was taken, signed. Later evidence about the
 * period does not change it: it is listed beside it as amendments ({@link UsageReport#amendments()}).
 *
 * @param id            the snapshot's number
 * @param from          the period's first day
 * @param to            the period's last day
 * @param unitKey       the unit asked for, null for the province
 * @param kind          the kind asked for, null for both
 * @param todaysUnits   whether certificates were rolled up into today's units
 * @param headline      the report's headline (Vietnamese)
 * @param content       the report's CSV export (Vietnamese), exactly as signed
 * @param contentSha256 SHA-256 of {@code content}, hex
 * @param signature     a detached CMS SignedData over {@code content} (a .p7s file)
 * @param takenAt       when it was frozen
 * @param takenBy       who asked first (or {@code system} for the scheduled freeze)
 */
public record ReportSnapshot(long id, LocalDate from, LocalDate to, String unitKey, CertificateKind kind,
        boolean todaysUnits, String headline, byte[] content, String contentSha256, byte[] signature, Instant takenAt,
        String takenBy) {

    public ReportSnapshot {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(signature, "signature");
    }
}
