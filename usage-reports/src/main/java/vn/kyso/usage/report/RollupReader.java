package vn.kyso.usage.report;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.kyso.usage.CertificateKind;
import vn.kyso.usage.CertificateRef;
import vn.kyso.usage.CertificateStatus;
import vn.kyso.usage.event.RollupKey;
import vn.kyso.usage.inventory.CertificateInventory;

/**
 * Reads what a report needs: the certificates in scope, and per certificate and month the
 * signatures in the period. Whole months come from the monthly rollup; a period that starts or
 * ends inside a month reads those edge days from the daily rollup.
 */
final class RollupReader {

    /** A certificate in scope. */
    record Scoped(long id, CertificateRef ref, String subject, CertificateKind kind, String unitCode,
            String owner, String contact, CertificateStatus status, java.time.Instant notAfter, String unitPath) {
    }

    /** Signatures of one certificate in one month of the period, and the last day it signed. */
    record MonthUse(long certificateId, YearMonth month, long signatures, LocalDate lastDay) {
    }

    private final JdbcTemplate jdbc;
    /**
     * Whether GROUP BY runs in the database. PostgreSQL hash-aggregates and saves shipping rows;
     * embedded H2 groups through a sorted map of row values and ships rows for free, so there
     * the edge days are summed here instead.
     */
    private final boolean groupInDatabase;

    RollupReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.groupInDatabase = !"H2".equalsIgnoreCase(jdbc.execute(
                (org.springframework.jdbc.core.ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
    }

    /**
     * Certificates in force during part of the period at least (issued before its end, not
     * expired nor revoked before its start), in the unit subtree and of the kind asked.
     */
    List<Scoped> certificates(LocalDate from, LocalDate to, ZoneId zone, String unitPath, CertificateKind kind) {
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        StringBuilder sql = new StringBuilder("""
                SELECT c.id, c.issuer_dn, c.serial, c.subject_dn, c.kind, c.unit_code, c.owner_name, c.owner_contact,
                    c.status, c.not_after, u.unit_path
                FROM usage_certificate c LEFT JOIN usage_unit u ON u.code = c.unit_code
                WHERE (c.not_before IS NULL OR c.not_before < ?) AND (c.not_after IS NULL OR c.not_after >= ?)
                    AND (c.revoked_at IS NULL OR c.revoked_at >= ?)""");
        List<Object> params = new ArrayList<>(List.of(end, start, start));
        if (unitPath != null) {
            sql.append(" AND u.unit_path LIKE ?");
            params.add(unitPath + "%");
        }
        if (kind != null) {
            sql.append(" AND c.kind = ?");
            params.add(kind.name());
        }
        return jdbc.query(sql.toString(), (rs, n) -> new Scoped(rs.getLong(1),
                new CertificateRef(rs.getString(2), rs.getString(3)), rs.getString(4),
                CertificateKind.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                CertificateStatus.valueOf(rs.getString(9)), CertificateInventory.instant(rs, "not_after"),
                rs.getString(11)), params.toArray());
    }

    /** Per certificate and month, the signatures made within [from, to]. */
    List<MonthUse> monthsInPeriod(LocalDate from, LocalDate to) {
        List<MonthUse> out = new ArrayList<>();
        YearMonth first = YearMonth.from(from);
        YearMonth last = YearMonth.from(to);
        YearMonth fullFrom = from.getDayOfMonth() == 1 ? first : first.plusMonths(1);
        YearMonth fullTo = to.equals(last.atEndOfMonth()) ? last : last.minusMonths(1);
        if (!fullFrom.isAfter(fullTo)) {
            // a key range of the primary index; rows without signatures are dropped here, not by
            // a condition the database would evaluate on every row
            jdbc.query("SELECT rollup_key, signed + seen, last_signed FROM usage_monthly"
                    + " WHERE rollup_key >= ? AND rollup_key < ?",
                    (ResultSet rs) -> {
                        long signatures = rs.getLong(2);
                        if (signatures > 0) {
                            long key = rs.getLong(1);
                            out.add(new MonthUse(RollupKey.certificateId(key), YearMonth.from(RollupKey.period(key)),
                                    signatures, rs.getObject(3, LocalDate.class)));
                        }
                    }, RollupKey.first(fullFrom.atDay(1)), RollupKey.first(fullTo.plusMonths(1).atDay(1)));
        }
        if (fullFrom.isAfter(first)) {
            edge(first, from, min(to, first.atEndOfMonth()), out);
        }
        if (fullTo.isBefore(last) && (last.isAfter(first) || !fullFrom.isAfter(first))) {
            edge(last, max(from, last.atDay(1)), to, out);
        }
        return out;
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

    /** The days [from, to] of {@code month}, summed per certificate from the daily rollup. */
    private void edge(YearMonth month, LocalDate from, LocalDate to, List<MonthUse> out) {
        daysPerCertificate(from, to, (certificate, signatures, lastDay) ->
                out.add(new MonthUse(certificate, month, signatures, lastDay)));
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
                        s[1] = Math.max(s[1], key >> 32);
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
