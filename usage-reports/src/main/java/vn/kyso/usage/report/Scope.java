package vn.kyso.usage.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import vn.kyso.usage.CertificateKind;

/**
 * The certificates a report may cover, as a condition over {@code usage_certificate c}: in force
 * during part of the period at least (issued before its end, not expired nor revoked before its
 * start) and of the kind asked. A certificate whose validity nobody stated belongs to no period.
 * The unit subtree is applied afterwards, in memory, since a certificate's unit depends on the
 * day it was issued (the units come through a port, not from a table here).
 */
record Scope(String where, List<Object> params) {

    Scope {
        params = List.copyOf(params);
    }

    static Scope of(LocalDate from, LocalDate to, ZoneId zone, CertificateKind kind) {
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        StringBuilder where = new StringBuilder(" c.not_before IS NOT NULL AND c.not_after IS NOT NULL"
                + " AND c.not_before < ? AND c.not_after >= ? AND (c.revoked_at IS NULL OR c.revoked_at >= ?)");
        List<Object> params = new ArrayList<>(List.of(end, start, start));
        if (kind != null) {
            where.append(" AND c.kind = ?");
            params.add(kind.name());
        }
        return new Scope(where.toString(), params);
    }
}
