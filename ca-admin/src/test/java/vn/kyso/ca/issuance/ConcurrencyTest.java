package vn.kyso.ca.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.CertificateQuery;
import vn.kyso.ca.CertificateKind;
import vn.kyso.ca.CsrIssueRequest;
import vn.kyso.ca.PublishedCrl;
import vn.kyso.ca.RevocationReason;
import vn.kyso.ca.testing.Csrs;
import vn.kyso.ca.testing.DatabaseTest;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;

class ConcurrencyTest {

    @TempDir
    Path dir;

    @DatabaseTest
    void eightThreadsIssuingTwoThousandCertificatesGetTwoThousandDistinctSerials(TestDatabase db) throws Exception {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079000000050");
        List<byte[]> csrs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            csrs.add(Csrs.csr(Csrs.ecP256()));
        }
        Set<BigInteger> serials = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int offset = thread;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        serials.add(t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal",
                                csrs.get((offset + i) % csrs.size()))).serial());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(serials).hasSize(2000);
        assertThat(t.ca.certificates(new CertificateQuery(officer, null, CertificateKind.PERSONAL, 1000, 0)))
                .hasSize(1000);
        assertThat(t.ca.verifyAuditChain().intact()).isTrue();
        assertThat(t.ca.auditLog(0, 5000)).filteredOn(e -> e.action().equals("CERTIFICATE_ISSUED")).hasSize(2000);
    }

    @DatabaseTest
    void crlNumbersStrictlyIncreaseAndEveryRevocationIsInTheNextCrl(TestDatabase db) throws Exception {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079000000051");
        byte[] csr = Csrs.csr(Csrs.ecP256());
        List<BigInteger> toRevoke = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            toRevoke.add(t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal", csr)).serial());
        }
        // For each revocation: its index and the newest committed CRL number once revoke() returned.
        ConcurrentLinkedQueue<long[]> revokedAfterCounter = new ConcurrentLinkedQueue<>();
        List<BigInteger> revokedOrder = java.util.Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<PublishedCrl> crls = new ConcurrentLinkedQueue<>();
        AtomicBoolean revoking = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> revokers = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int offset = thread;
                revokers.add(pool.submit(() -> {
                    for (int i = offset; i < toRevoke.size(); i += 4) {
                        t.ca.revoke("admin", toRevoke.get(i), RevocationReason.KEY_COMPROMISE);
                        revokedOrder.add(toRevoke.get(i));
                        long committed = t.ca.latestCrl().map(PublishedCrl::crlNumber).orElse(0L);
                        revokedAfterCounter.add(new long[] {i, committed});
                    }
                    return null;
                }));
            }
            List<Future<?>> publishers = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                publishers.add(pool.submit(() -> {
                    while (revoking.get()) {
                        PublishedCrl crl = t.ca.publishCrl("scheduler");
                        crls.add(crl);
                    }
                    return null;
                }));
            }
            for (Future<?> f : revokers) {
                f.get(5, TimeUnit.MINUTES);
            }
            revoking.set(false);
            for (Future<?> f : publishers) {
                f.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        PublishedCrl last = t.ca.publishCrl("scheduler");
        crls.add(last);

        List<Long> numbers = crls.stream().map(PublishedCrl::crlNumber).sorted().toList();
        assertThat(new HashSet<>(numbers)).hasSameSizeAs(numbers);
        assertThat(crls.size()).isGreaterThan(2);
        List<PublishedCrl> byNumber = crls.stream().sorted(java.util.Comparator.comparingLong(PublishedCrl::crlNumber))
                .toList();
        for (int i = 1; i < byNumber.size(); i++) {
            assertThat(byNumber.get(i).thisUpdate()).isAfterOrEqualTo(byNumber.get(i - 1).thisUpdate());
            assertThat(serials(byNumber.get(i))).containsAll(serials(byNumber.get(i - 1)));
        }
        for (long[] r : revokedAfterCounter) {
            BigInteger serial = toRevoke.get((int) r[0]);
            // CRL n was committed when the revocation had returned; n + 1 may have been in flight, but n + 2
            // took its number (the counter row lock) after n + 1 committed, so it read the revocation.
            byNumber.stream().filter(c -> c.crlNumber() >= r[1] + 2)
                    .forEach(c -> assertThat(serials(c)).as("CRL %d", c.crlNumber()).contains(serial));
        }
        assertThat(serials(last)).containsExactlyInAnyOrderElementsOf(toRevoke);
        assertThat(revokedOrder).hasSize(200);
    }

    private static Set<BigInteger> serials(PublishedCrl crl) {
        try {
            X509CRL x = (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(crl.der()));
            Set<BigInteger> out = new HashSet<>();
            if (x.getRevokedCertificates() != null) {
                for (X509CRLEntry e : x.getRevokedCertificates()) {
                    out.add(e.getSerialNumber());
                }
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
