package vn.kyso.ca.crl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.PublishedCrl;
import vn.kyso.ca.testing.DatabaseTest;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;

class CrlAcrossInstancesTest {

    @TempDir
    Path dir;

    @DatabaseTest
    void twoInstancesOnOneDatabaseNeverIssueTheSameCrlNumber(TestDatabase db) throws Exception {
        CertificateAuthority first = TestCa.open(db, dir, MutableClock.now()).ca;
        CertificateAuthority second = TestCa.open(db, dir, MutableClock.now()).ca; // same key store, a second process
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<Long>>> runs = new ArrayList<>();
        try {
            for (CertificateAuthority ca : List.of(first, second, first, second)) {
                runs.add(pool.submit(() -> {
                    List<Long> numbers = new ArrayList<>();
                    for (int i = 0; i < 15; i++) {
                        numbers.add(ca.publishCrl("scheduler").crlNumber());
                    }
                    return numbers;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> run : runs) {
                List<Long> numbers = run.get(2, TimeUnit.MINUTES);
                assertThat(numbers).isSorted();
                all.addAll(numbers);
            }
            assertThat(new HashSet<>(all)).hasSize(60);
            assertThat(all).allSatisfy(n -> assertThat(n).isBetween(1L, 60L));
            assertThat(second.latestCrl()).get().extracting(PublishedCrl::crlNumber).isEqualTo(60L);
            assertThat(first.verifyAuditChain().intact()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
