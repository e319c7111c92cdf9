package vn.kyso.ca.crl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CsrIssueRequest;
import vn.kyso.ca.PublishedCrl;
import vn.kyso.ca.RevocationReason;
import vn.kyso.ca.testing.Crls;
import vn.kyso.ca.testing.Csrs;
import vn.kyso.ca.testing.DatabaseTest;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;
import vn.kyso.signing.crypto.NativeCrypto;

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

    @DatabaseTest
    void aRevocationCommittedWhileACrlWaitsForItsNumberIsInThatCrl(TestDatabase db) throws Exception {
        MutableClock clock = MutableClock.now();
        TestCa first = TestCa.open(db, dir, clock);
        // An operator may well make the pool default to REPEATABLE READ: publishing must not depend on it.
        CertificateAuthority repeatableRead = TestCa.open(repeatableRead(db.dataSource()), TestCa.fastSettings(dir),
                clock, NativeCrypto.system()).ca;
        long officer = first.officer("079000000060");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // Published by the instance that revokes, then by the other one.
            for (CertificateAuthority publisher : List.of(first.ca, repeatableRead)) {
                BigInteger serial = first.ca.issueFromCsr("admin",
                        new CsrIssueRequest(officer, "personal", Csrs.csr(Csrs.ecP256()))).serial();
                PublishedCrl crl;
                try (Connection counter = db.dataSource().getConnection()) {
                    counter.setAutoCommit(false);
                    long drawn = Crls.lockCounter(counter);
                    Future<PublishedCrl> publishing = pool.submit(() -> publisher.publishCrl("scheduler"));
                    awaitSessionWaitingForALock(db); // the publisher's transaction has begun and waits to draw
                    first.ca.revoke("admin", serial, RevocationReason.KEY_COMPROMISE);
                    counter.commit();
                    crl = publishing.get(1, TimeUnit.MINUTES);
                    assertThat(crl.crlNumber()).isEqualTo(drawn + 1);
                }
                assertThat(Crls.serials(crl)).contains(serial);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static DataSource repeatableRead(DataSource pool) {
        return new DelegatingDataSource(pool) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection c = super.getConnection();
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // the pool resets it on return
                return c;
            }
        };
    }

    private static void awaitSessionWaitingForALock(TestDatabase db) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(15));
        while (db.sessionsWaitingForALock() == 0) {
            assertThat(Instant.now()).as("a session waits for the CRL counter's lock").isBefore(giveUp);
            Thread.sleep(10);
        }
    }
}
