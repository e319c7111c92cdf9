package vn.kyso.usage.report;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.kyso.usage.CertificateKind;
import vn.kyso.usage.CertificateRef;
import vn.kyso.usage.CertificateStatus;
import vn.kyso.usage.event.RollupKey;
import vn.kyso.usage.inventory.CertificateInventory;

/**
 * Reads what a report needs: the certificates in scope, and what they did in the period. Whole
 * months come from the monthly rollup; a period that starts or ends inside a month reads those
 * edge days from the daily rollup. Periods are key ranges of the rollups' primary keys.
 */
final class RollupReader {

    /** A certificate in scope. */
    record Scoped(long id, CertificateRef ref, String subject, CertificateKind kind, String unitCode,
            String owner, String contact, CertificateStatus status, java.time.Instant notAfter,
            java.time.Instant notBefore, java.time.Instant revokedAt) {
    }

    /** The period cut into whole months and the edge days of partial months. */
    private record Parts(LocalDate fullFrom, LocalDate fullTo, List<Edge> edges) {
    }

    /** The days [from, to] of {@code month}, a month the period covers only partly. */
    private record Edge(YearMonth month, LocalDate from, LocalDate to) {
    }

    private final JdbcTemplate jdbc;
    /**
     * Whether the sums run in the database. PostgreSQL hash-aggregates and saves shipping a row
     * per certificate and month; embedded H2 groups through a sorted map of row values and ships
     * rows for free, so there the rows are summed here.
     */
    private final boolean groupInDatabase;

    RollupReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.groupInDatabase = !"H2".equalsIgnoreCase(
                jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
    }

    List<Scoped> certificates(Scope scope) {
        return jdbc.query("""
                SELECT c.id, c.issuer_dn, c.serial, c.subject_dn, c.kind, c.unit_code, c.owner_name, c.owner_contact,
                    c.status, c.not_after, c.not_before, c.revoked_at
                FROM usage_certificate c WHERE """ + scope.where(),
                (rs, n) -> new Scoped(rs.getLong(1), new CertificateRef(rs.getString(2), rs.getString(3)),
                        rs.getString(4), CertificateKind.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                        rs.getString(8), CertificateStatus.valueOf(rs.getString(9)),
                        CertificateInventory.instant(rs, "not_after"), CertificateInventory.instant(rs, "not_before"), CertificateInventory.instant(rs, "revoked_at")),
                scope.params().toArray());
    }

    /**
     * What the certificates in scope ({@code scopedIds}) did in [from, to]; {@code wholeScope} when
     * they are every row of {@code scope} (no unit subtree picked some of them), which lets
     * PostgreSQL sum in the database.
     */
    PeriodUse use(LocalDate from, LocalDate to, int minPerActiveMonth, Scope scope, Set<Long> scopedIds,
            boolean wholeScope) {
        PeriodUse use = new PeriodUse(from, to);
        Parts parts = parts(from, to);
        if (groupInDatabase && wholeScope) {
            grouped(parts, minPerActiveMonth, scope, use);
            return use;
        }
        if (!parts.fullFrom().isAfter(parts.fullTo())) {
            // a key range of the primary index; rows without signatures are dropped here, not by
            // a condition the database would evaluate on every row
            jdbc.query("SELECT rollup_key, signed + seen, last_signed FROM usage_monthly"
                    + " WHERE rollup_key >= ? AND rollup_key < ?",
                    (ResultSet rs) -> {
                        long signatures = rs.getLong(2);
                        long key = rs.getLong(1);
                        if (signatures > 0 && scopedIds.contains(RollupKey.certificateId(key))) {
                            use.add(RollupKey.certificateId(key), YearMonth.from(RollupKey.period(key)), signatures,
                                    rs.getObject(3, LocalDate.class), minPerActiveMonth);
                        }
                    }, RollupKey.first(parts.fullFrom()), RollupKey.first(parts.fullTo().plusMonths(1)));
        }
        for (Edge e : parts.edges()) {
            daysPerCertificate(e.from(), e.to(), (certificate, signatures, lastDay) -> {
                if (scopedIds.contains(certificate)) {
                    use.add(certificate, e.month(), signatures, lastDay, minPerActiveMonth);
                }
            });
        }
        return use;
    }

    /**
     * One query: the whole months and the edges' per-certificate sums as one set of (month,
     * certificate) uses, joined to the scope, summed both per certificate and per month
     * (GROUPING SETS, PostgreSQL).
     */
    private void grouped(Parts parts, int minPerActiveMonth, Scope scope, PeriodUse use) {
        StringBuilder uses = new StringBuilder("""
                SELECT use_month AS period, certificate_id, signed + seen AS s, last_signed AS last FROM usage_monthly
                WHERE rollup_key >= ? AND rollup_key < ? AND signed + seen > 0""");
        // in the order of the placeholders: the select list's threshold first, then the uses, then the scope
        List<Object> params = new ArrayList<>();
        params.add(minPerActiveMonth);
        boolean full = !parts.fullFrom().isAfter(parts.fullTo());
        params.add(full ? RollupKey.first(parts.fullFrom()) : 0L);
        params.add(full ? RollupKey.first(parts.fullTo().plusMonths(1)) : 0L);
        for (Edge e : parts.edges()) {
            uses.append("""
                     UNION ALL SELECT CAST(? AS DATE), certificate_id, SUM(signed + seen), MAX(use_day) FROM usage_daily
                    WHERE rollup_key >= ? AND rollup_key < ? AND signed + seen > 0 GROUP BY certificate_id""");
            params.add(e.month().atDay(1));
            params.add(RollupKey.first(e.from()));
            params.add(RollupKey.first(e.to().plusDays(1)));
        }
        params.addAll(scope.params());
        jdbc.query("SELECT m.certificate_id, m.period, SUM(m.s), SUM(CASE WHEN m.s >= ? THEN 1 ELSE 0 END),"
                + " MAX(m.last), GROUPING(m.certificate_id) FROM (" + uses + ") m"
                + " JOIN usage_certificate c ON c.id = m.certificate_id"
                + " WHERE " + scope.where() + " GROUP BY GROUPING SETS ((m.certificate_id), (m.period))",
                (ResultSet rs) -> {
                    if (rs.getInt(6) == 0) {
                        PeriodUse.Tally t = new PeriodUse.Tally();
                        t.signatures = rs.getLong(3);
                        t.activeMonths = rs.getInt(4);
                        t.lastUse = rs.getObject(5, LocalDate.class);
                        use.perCertificate.put(rs.getLong(1), t);
                    } else {
                        long[] month = use.trend.get(YearMonth.from(rs.getObject(2, LocalDate.class)));
                        month[0] = rs.getLong(3);
                        month[1] = rs.getLong(4);
                    }
                }, params.toArray());
    }

    private static Parts parts(LocalDate from, LocalDate to) {
        YearMonth first = YearMonth.from(from);
        YearMonth last = YearMonth.from(to);
        YearMonth fullFrom = from.getDayOfMonth() == 1 ? first : first.plusMonths(1);
        YearMonth fullTo = to.equals(last.atEndOfMonth()) ? last : last.minusMonths(1);
        List<Edge> edges = new ArrayList<>(2);
        if (fullFrom.isAfter(first)) {
            edges.add(new Edge(first, from, min(to, first.atEndOfMonth())));
        }
        if (fullTo.isBefore(last) && (last.isAfter(first) || !fullFrom.isAfter(first))) {
            edges.add(new Edge(last, max(from, last.atDay(1)), to));
        }
        return new Parts(fullFrom.atDay(1), fullTo.atDay(1), edges);
    }

    /** Per certificate, the last day it signed before {@code from}. */
    Map<Long, LocalDate> lastSignedBefore(LocalDate from) {
        Map<Long, LocalDate> out = new HashMap<>();
        YearMonth month = YearMonth.from(from);
        jdbc.query("""
                SELECT certificate_id, MAX(last_signed) FROM usage_monthly
                WHERE rollup_key < ? AND last_signed IS NOT NULL GROUP BY certificate_id""",
                (ResultSet rs) -> {
                    out.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
                }, RollupKey.first(month.atDay(1)));
        if (from.getDayOfMonth() > 1) {
            daysPerCertificate(month.atDay(1), from.minusDays(1), (certificate, signatures, lastDay) ->
                    out.merge(certificate, lastDay, RollupReader::max));
        }
        return out;
    }

    /** Hears one certificate's signatures over some days, and the last of those days it signed. */
    private interface DaySums {
        void accept(long certificateId, long signatures, LocalDate lastDay);
    }

    /** Per certificate with signatures in [from, to]: their number and the last day with one. */
    private void daysPerCertificate(LocalDate from, LocalDate to, DaySums out) {
        Object[] range = { RollupKey.first(from), RollupKey.first(to.plusDays(1)) };
        if (groupInDatabase) {
            jdbc.query("""
                    SELECT certificate_id, SUM(signed + seen), MAX(use_day) FROM usage_daily
                    WHERE rollup_key >= ? AND rollup_key < ? AND signed + seen > 0 GROUP BY certificate_id""",
                    (ResultSet rs) -> {
                        out.accept(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class));
                    }, range);
            return;
        }
        Map<Long, long[]> sums = new HashMap<>();
        jdbc.query("SELECT rollup_key, signed + seen FROM usage_daily WHERE rollup_key >= ? AND rollup_key < ?",
                (ResultSet rs) -> {
                    long signatures = rs.getLong(2);
                    if (signatures > 0) {
                        long key = rs.getLong(1);
                        long[] s = sums.computeIfAbsent(RollupKey.certificateId(key), k -> new long[2]);
                        s[0] += signatures;
                        s[1] = Math.max(s[1], RollupKey.period(key).toEpochDay());
                    }
                }, range);
        sums.forEach((certificate, s) -> out.accept(certificate, s[0], LocalDate.ofEpochDay(s[1])));
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
