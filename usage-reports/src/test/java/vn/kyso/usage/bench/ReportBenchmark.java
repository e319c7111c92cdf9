package vn.kyso.usage.bench;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.kyso.usage.CertificateKind;
import vn.kyso.usage.CertificateNotice;
import vn.kyso.usage.CertificateRef;
import vn.kyso.usage.Language;
import vn.kyso.usage.ReportRequest;
import vn.kyso.usage.Unit;
import vn.kyso.usage.UsageReport;
import vn.kyso.usage.UsageReports;
import vn.kyso.usage.event.RollupKey;

/**
 * Report latency over a country's year: 10,000,000 events on 10,000 certificates spread over
 * the province's units. Reports read only the rollups, so the benchmark writes the daily and
 * monthly rollup rows those events produce (about 1.1 million daily rows) with plain JDBC
 * batches instead of recording 10 million raw events one by one; the certificates go through
 * the facade. Then it times full-year, mid-month and district reports.
 * Usage: ReportBenchmark h2|postgres [certificates] [events] [timed runs].
 */
public final class ReportBenchmark {

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int certificates = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        long events = args.length > 2 ? Long.parseLong(args[2]) : 10_000_000L;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        try (BenchDatabase database = new BenchDatabase(db)) {
            Clock clock = Clock.fixed(Instant.parse("2026-01-15T03:00:00Z"), ZoneOffset.UTC);
            UsageReports usage = UsageReports.builder().dataSource(database.dataSource()).clock(clock)
                    .unitHistory(vn.kyso.usage.TestUnits.caMau())
                    .random(new SecureRandom()).build();
            List<Unit> units = usage.units();
            Random random = new Random(7);
            long t0 = System.nanoTime();
            for (int i = 0; i < certificates; i++) {
                CertificateRef ref = new CertificateRef("C=VN,O=kyso bench,CN=kyso Bench CA", Integer.toHexString(0x100000 + i));
                usage.onCertificate(CertificateNotice.issued(ref, clock.instant(), "C=VN,CN=Bench " + i,
                        i % 4 == 0 ? CertificateKind.AGENCY : CertificateKind.PERSONAL,
                        units.get(1 + random.nextInt(units.size() - 1)).code(), "Bench " + i, "bench" + i + "@camau.gov.vn",
                        Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")));
            }
            JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
            long rows = fillRollups(jdbc, certificates, events, random);
            // statistics, as autovacuum (PostgreSQL) or H2's own sampling would have them on a live database
            jdbc.execute("ANALYZE");
            System.out.printf("%s: %,d certificates, %,d events as %,d daily rollup rows (setup %.0f s)%n", db,
                    certificates, events, rows, (System.nanoTime() - t0) / 1e9);
            boolean server = db.equals("postgres");
            time(usage, "full year 2025", usage.defaultPeriod(), runs, server);
            time(usage, "2025-03-15..2025-09-14", ReportRequest.of(LocalDate.of(2025, 3, 15), LocalDate.of(2025, 9, 14)),
                    runs, server);
            time(usage, "district 964, full year", usage.defaultPeriod().withUnit("964"), runs, server);
        }
    }

    /**
     * Writes the rollups of {@code events} SIGNED events spread unevenly over the certificates and
     * 2025's days, in day order (as kyso creates them: a day's row when a certificate first signs
     * that day, a month's row in its first signature of the month), so a period's rows lie
     * together as they would in a real database.
     */
    private static long fillRollups(JdbcTemplate jdbc, int certificates, long events, Random random) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM usage_certificate ORDER BY id", Long.class);
        double[] weight = new double[certificates];
        double sum = 0;
        for (int i = 0; i < certificates; i++) {
            // a long tail: a few heavy users, many light ones, a quarter idle
            weight[i] = random.nextInt(4) == 0 ? 0 : Math.pow(random.nextDouble(), 3);
            sum += weight[i];
        }
        int[][] perDay = new int[certificates][];
        for (int c = 0; c < certificates; c++) {
            long n = Math.round(events * weight[c] / sum);
            if (n == 0) {
                continue;
            }
            perDay[c] = new int[365];
            int activeDays = (int) Math.min(250, Math.max(1, n / 4));
            int[] days = random.ints(0, 365).distinct().limit(activeDays).toArray();
            for (long k = 0; k < n; k++) {
                perDay[c][days[(int) (k % days.length)]]++;
            }
        }
        long rows = 0;
        List<Object[]> daily = new ArrayList<>();
        List<Object[]> monthly = new ArrayList<>();
        LocalDate first = LocalDate.of(2025, 1, 1);
        for (int m = 0; m < 12; m++) {
            LocalDate month = first.plusMonths(m);
            for (int c = 0; c < certificates; c++) {
                int signatures = 0;
                LocalDate last = null;
                for (int d = (int) (month.toEpochDay() - first.toEpochDay()); perDay[c] != null && d < 365
                        && first.plusDays(d).getMonthValue() == m + 1; d++) {
                    signatures += perDay[c][d];
                    last = perDay[c][d] > 0 ? first.plusDays(d) : last;
                }
                if (signatures > 0) {
                    monthly.add(new Object[] { RollupKey.of(month, ids.get(c)), ids.get(c), month, signatures, last });
                }
            }
            for (LocalDate day = month; day.getMonthValue() == m + 1 && day.getYear() == 2025; day = day.plusDays(1)) {
                int d = (int) (day.toEpochDay() - first.toEpochDay());
                for (int c = 0; c < certificates; c++) {
                    if (perDay[c] != null && perDay[c][d] > 0) {
                        daily.add(new Object[] { RollupKey.of(day, ids.get(c)), ids.get(c), day, perDay[c][d] });
                    }
                }
                if (daily.size() > 20_000) {
                    rows += flush(jdbc, daily, monthly);
                }
            }
        }
        return rows + flush(jdbc, daily, monthly);
    }

    private static int flush(JdbcTemplate jdbc, List<Object[]> daily, List<Object[]> monthly) {
        jdbc.batchUpdate("INSERT INTO usage_daily (rollup_key, certificate_id, use_day, signed, seen, checked,"
                + " verified) VALUES (?, ?, ?, ?, 0, 0, 0)", daily);
        jdbc.batchUpdate("INSERT INTO usage_monthly (rollup_key, certificate_id, use_month, signed, seen, checked,"
                + " verified, last_signed) VALUES (?, ?, ?, ?, 0, 0, 0, ?)", monthly);
        int n = daily.size();
        daily.clear();
        monthly.clear();
        return n;
    }

    private static void time(UsageReports usage, String label, ReportRequest request, int runs, boolean server) {
        for (int i = 0; i < 5; i++) {
            usage.report(request, Language.EN);
        }
        long[] ms = new long[runs];
        long[] cpu = new long[runs];
        long[] serverMs = new long[runs];
        UsageReport last = null;
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            double s0 = server ? PostgresCpu.seconds() : 0;
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            last = usage.report(request, Language.EN);
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
            serverMs[i] = server ? Math.round((PostgresCpu.seconds() - s0) * 1000) : 0;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        Arrays.sort(serverMs);
        int p95 = (int) Math.ceil(runs * 0.95) - 1;
        // thread CPU time includes embedded H2's work, not PostgreSQL's (another process): for
        // PostgreSQL the server's CPU (all its processes, 10 ms ticks) is printed beside it
        System.out.printf("  %-26s wall p50 %4d ms, p95 %4d ms, max %4d ms; thread CPU p50 %4d ms, p95 %4d ms%s (%s; %,d signatures)%n",
                label, ms[runs / 2], ms[p95], ms[runs - 1], cpu[runs / 2], cpu[p95],
                server ? String.format("; server CPU p50 %4d ms, p95 %4d ms", serverMs[runs / 2], serverMs[p95]) : "",
                last.headline(Language.EN), last.summary().signatures());
    }
}
