package vn.kyso.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static vn.kyso.usage.Fixtures.issue;
import static vn.kyso.usage.Fixtures.sha256;
import static vn.kyso.usage.Fixtures.signed;
import static vn.kyso.usage.Fixtures.vn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The same signature counts once, however often (and however concurrently) it is recorded. */
class OnceOnlyCountingTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSignatureRecordedAgainCountsOnce(TestDatabase database) {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            CertificateRef ref = issue(usage, "abc", CertificateKind.PERSONAL, "AG-STP", "Lê Văn An");
            UsageEvent event = signed(ref, vn("2025-05-05T09:00"), "doc");

            assertThat(usage.record(event)).isEqualTo(new RecordResult(1, 0, 0));
            assertThat(usage.record(event)).isEqualTo(new RecordResult(0, 1, 0));
            // the same signature found later in an ingested copy of the document
            UsageEvent seen = UsageEvent.seen(new CertificateRef(ref.issuer(), "0ABC"), vn("2025-05-05T09:00"),
                    sha256("doc"), "Signature1");
            assertThat(usage.recordAll(List.of(seen, seen))).isEqualTo(new RecordResult(0, 2, 0));
            // a second signature field on the same document is another signature
            UsageEvent counterSignature = UsageEvent.seen(ref, vn("2025-05-06T09:00"), sha256("doc"), "Signature2");
            assertThat(usage.record(counterSignature).recorded()).isEqualTo(1);

            assertThat(usage.report(usage.defaultPeriod()).summary().signatures()).isEqualTo(2);
            assertThat(count(db, "SELECT COUNT(*) FROM usage_event")).isEqualTo(2);
            assertThat(count(db, "SELECT SUM(signed + seen) FROM usage_daily")).isEqualTo(2);
            assertThat(count(db, "SELECT SUM(signed + seen) FROM usage_monthly")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void checksWithTheSameReferenceCountOnceAndWithoutOneEachTime(TestDatabase database) {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            CertificateRef ref = issue(usage, "abd", CertificateKind.PERSONAL, "AG-STP", "Lê Văn Bình");
            UsageEvent check = UsageEvent.checked(ref, vn("2025-05-05T09:00"), "ocsp-nonce-1");
            UsageEvent anonymous = UsageEvent.checked(ref, vn("2025-05-05T09:00"), null);

            usage.recordAll(List.of(check, check, anonymous, anonymous));

            assertThat(count(db, "SELECT SUM(checked) FROM usage_daily")).isEqualTo(3);
            // checks are a signal, not signatures: the certificate is still never used
            assertThat(usage.report(usage.defaultPeriod()).summary().neverUsed()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void countedChecksAddToTheRollupsOfTheirDayWithoutStoringEvents(TestDatabase database) {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            CertificateRef ref = issue(usage, "abe", CertificateKind.PERSONAL, "AG-STP", "Trần Thị Cúc");
            CertificateRef stranger = new CertificateRef(ref.issuer(), "fff1");

            long counted = usage.recordCounts(List.of(
                    new SignalCount(EventType.CHECKED, ref, vn("2025-05-05T09:00"), 1_200),
                    new SignalCount(EventType.CHECKED, new CertificateRef(ref.issuer(), "0ABE"), vn("2025-05-05T23:59"), 34),
                    new SignalCount(EventType.CHECKED, ref, vn("2025-05-06T00:01"), 5),
                    new SignalCount(EventType.CHECKED, stranger, vn("2025-05-05T09:00"), 7)));
            usage.recordCounts(List.of(new SignalCount(EventType.CHECKED, ref, vn("2025-05-05T10:00"), 1)));

            assertThat(counted).isEqualTo(1_239);
            assertThat(count(db, "SELECT checked FROM usage_daily WHERE use_day = DATE '2025-05-05'")).isEqualTo(1_235);
            assertThat(count(db, "SELECT checked FROM usage_daily WHERE use_day = DATE '2025-05-06'")).isEqualTo(5);
            assertThat(count(db, "SELECT SUM(checked) FROM usage_monthly")).isEqualTo(1_240);
            assertThat(count(db, "SELECT COUNT(*) FROM usage_event")).isZero();
            // a check of a certificate the inventory does not know neither counts nor registers it
            assertThat(usage.certificate(stranger)).isEmpty();
            assertThat(usage.report(usage.defaultPeriod()).summary().neverUsed()).isEqualTo(1);
        }
    }

    @Test
    void signaturesCannotBeCounted() {
        CertificateRef ref = new CertificateRef("CN=CA", "1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SignalCount(EventType.SIGNED, ref, vn("2025-05-05T09:00"), 1))
                .withMessageContaining("one by one");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SignalCount(EventType.CHECKED, ref, vn("2025-05-05T09:00"), 0));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void concurrentWritersOfTheSameEventsCountEachOnce(TestDatabase database) throws Exception {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            List<CertificateRef> refs = new ArrayList<>();
            for (int c = 0; c < 20; c++) {
                refs.add(issue(usage, Integer.toHexString(0x100 + c), CertificateKind.PERSONAL, "964", "Cert " + c));
            }
            List<UsageEvent> events = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                events.add(signed(refs.get(i % refs.size()), vn("2025-%02d-%02dT09:00".formatted(1 + i % 12, 1 + i % 28)),
                        "doc-" + i));
            }
            int writers = 4;
            CyclicBarrier start = new CyclicBarrier(writers);
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<RecordResult>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                List<UsageEvent> mine = new ArrayList<>(events);
                java.util.Collections.shuffle(mine, new java.util.Random(w));
                Callable<RecordResult> task = () -> {
                    start.await();
                    return usage.recordAll(mine);
                };
                results.add(pool.submit(task));
            }
            int recorded = 0;
            int duplicates = 0;
            for (Future<RecordResult> f : results) {
                recorded += f.get().recorded();
                duplicates += f.get().duplicates();
            }
            pool.shutdown();

            assertThat(recorded).isEqualTo(3_000);
            assertThat(duplicates).isEqualTo(3 * 3_000);
            assertThat(count(db, "SELECT COUNT(*) FROM usage_event")).isEqualTo(3_000);
            assertThat(count(db, "SELECT SUM(signed) FROM usage_daily")).isEqualTo(3_000);
            assertThat(count(db, "SELECT SUM(signed) FROM usage_monthly")).isEqualTo(3_000);
        }
    }

    static long count(TestDatabase.Open db, String sql) {
        Long n = new JdbcTemplate(db.dataSource()).queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
