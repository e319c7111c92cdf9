package vn.kyso.usage.bench;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import vn.kyso.signing.PadesLevel;
import vn.kyso.usage.CertificateKind;
import vn.kyso.usage.CertificateNotice;
import vn.kyso.usage.CertificateRef;
import vn.kyso.usage.Channel;
import vn.kyso.usage.RecordResult;
import vn.kyso.usage.UsageEvent;
import vn.kyso.usage.UsageReports;

/**
 * Batch recording throughput: SIGNED events for 2,000 certificates, recorded through
 * {@link UsageReports#recordAll} in batches (events, rollups and once-only check included).
 * Usage: EventIngestBenchmark h2|postgres [events per round] [batch size] [rounds].
 */
public final class EventIngestBenchmark {

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private static final String ISSUER = "C=VN,O=kyso bench,CN=kyso Bench CA";

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        try (BenchDatabase database = new BenchDatabase(db)) {
            Clock clock = Clock.fixed(Instant.parse("2026-01-15T03:00:00Z"), ZoneOffset.UTC);
            UsageReports usage = UsageReports.builder().dataSource(database.dataSource()).clock(clock)
                    .unitHistory(vn.kyso.usage.TestUnits.caMau())
                    .random(new SecureRandom()).build();
            List<CertificateRef> refs = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                CertificateRef ref = new CertificateRef(ISSUER, Integer.toHexString(0x10000 + i));
                refs.add(ref);
                usage.onCertificate(CertificateNotice.issued(ref, clock.instant(), "C=VN,CN=Bench " + i,
                        CertificateKind.PERSONAL, "964", "Bench " + i, null, Instant.parse("2024-01-01T00:00:00Z"),
                        Instant.parse("2027-01-01T00:00:00Z")));
            }
            Random random = new Random(42);
            record(usage, generate(refs, 20_000, random), batch); // warm-up
            System.out.printf("%s: %,d events per round, batches of %,d%n", db, events, batch);
            boolean server = db.equals("postgres");
            for (int r = 1; r <= rounds; r++) {
                List<UsageEvent> list = generate(refs, events, random);
                long t0 = System.nanoTime();
                long c0 = THREADS.getCurrentThreadCpuTime();
                double s0 = server ? PostgresCpu.seconds() : 0;
                RecordResult result = record(usage, list, batch);
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
                double serverCpu = server ? PostgresCpu.seconds() - s0 : 0;
                // on a shared machine wall time says little: the recording thread's CPU time (which for
                // embedded H2 includes the database's work) gives the rate an unloaded core reaches
                System.out.printf("round %d: %,d recorded in %.2f s wall = %,.0f events/s; thread CPU %.2f s = %,.0f events/s",
                        r, result.recorded(), seconds, result.recorded() / seconds, cpu, result.recorded() / cpu);
                if (server) {
                    // PostgreSQL works in its own processes: client thread plus server CPU is one run's work
                    System.out.printf("; server CPU %.2f s, client+server %,.0f events/s", serverCpu,
                            result.recorded() / (cpu + serverCpu));
                }
                System.out.println();
            }
        }
    }

    private static RecordResult record(UsageReports usage, List<UsageEvent> events, int batch) {
        RecordResult total = new RecordResult(0, 0, 0);
        for (int i = 0; i < events.size(); i += batch) {
            total = total.plus(usage.recordAll(events.subList(i, Math.min(events.size(), i + batch))));
        }
        return total;
    }

    private static List<UsageEvent> generate(List<CertificateRef> refs, int n, Random random) {
        List<UsageEvent> out = new ArrayList<>(n);
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        byte[] doc = new byte[32];
        for (int i = 0; i < n; i++) {
            random.nextBytes(doc);
            out.add(UsageEvent.signed(refs.get(random.nextInt(refs.size())),
                    start.plusSeconds(random.nextInt(365 * 86_400)), HexFormat.of().formatHex(doc), "Signature1",
                    Channel.WEB, PadesLevel.B_LT, Duration.ofMillis(500)));
        }
        return out;
    }
}
