package vn.kyso.ca.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CertificateQuery;
import vn.kyso.ca.CertificateKind;
import vn.kyso.ca.CsrIssueRequest;
import vn.kyso.ca.PublishedCrl;
import vn.kyso.ca.RevocationReason;
import vn.kyso.ca.testing.Concurrently;
import vn.kyso.ca.testing.Crls;
import vn.kyso.ca.testing.Csrs;
import vn.kyso.ca.testing.DatabaseTest;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.Openssl;
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
        Concurrently.onThreads(8, thread -> {
            for (int i = 0; i < 250; i++) {
                serials.add(t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal",
                        csrs.get((thread + i) % csrs.size()))).serial());
            }
        });
        assertThat(serials).hasSize(2000);
        assertThat(t.ca.certificates(new CertificateQuery(officer, null, CertificateKind.PERSONAL, 1000, 0)))
                .hasSize(1000);
        assertThat(t.ca.verifyAuditChain().intact()).isTrue();
        assertThat(t.ca.auditLog(0, 5000)).filteredOn(e -> e.action().equals("CERTIFICATE_ISSUED")).hasSize(2000);
    }

    @DatabaseTest
    void concurrentIssuancesSharingCommitsAreEachStoredAuditedAndVerifiedAndARefusedOneCostsNoOther(TestDatabase db)
            throws Exception {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079000000052");
        long other = t.officer("079000000053");
        byte[] othersKey = Csrs.csr(Csrs.ecP256());
        t.ca.issueFromCsr("admin", new CsrIssueRequest(other, "personal", othersKey));
        List<byte[]> csrs = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            csrs.add(Csrs.csr(Csrs.ecP256()));
        }
        Set<BigInteger> serials = ConcurrentHashMap.newKeySet();
        AtomicLong refused = new AtomicLong();
        Concurrently.onThreads(8, thread -> {
            for (int i = 0; i < 25; i++) {
                if (i % 5 == 4) { // a key certified for someone else, among the others' issuances
                    try {
                        t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal", othersKey));
                    } catch (CaException e) {
                        assertThat(e.code()).isEqualTo(CaException.ErrorCode.DUPLICATE);
                        refused.incrementAndGet();
                    }
                } else {
                    serials.add(t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal",
                            csrs.get(thread * 20 + i - i / 5))).serial());
                }
            }
        });
        assertThat(refused.get()).isEqualTo(40);
        assertThat(serials).hasSize(160);
        List<CertificateRecord> stored = t.ca.certificates(new CertificateQuery(officer, null, null, 1000, 0));
        assertThat(stored).extracting(CertificateRecord::serial).containsExactlyInAnyOrderElementsOf(serials);
        assertThat(t.ca.verifyAuditChain().intact()).isTrue();
        assertThat(t.ca.auditLog(0, 5000)).filteredOn(e -> e.action().equals("CERTIFICATE_ISSUED"))
                .extracting(e -> new BigInteger(e.target(), 16)).containsAll(serials).hasSize(161);
        List<String> files = new ArrayList<>(List.of("openssl", "verify", "-CAfile",
                Openssl.pem(dir, "root.pem", t.ca.rootCertificate()).toString(), "-untrusted",
                Openssl.pem(dir, "issuing.pem", t.ca.issuingCertificate()).toString()));
        for (CertificateRecord r : stored) {
            files.add(Openssl.pem(dir, r.serialHex() + ".pem", r.certificate()).toString());
        }
        Openssl.Result verified = Openssl.run(dir, files.toArray(String[]::new));
        assertThat(verified.exit()).isZero();
        assertThat(verified.output().lines().filter(l -> l.endsWith(": OK"))).hasSize(160);
    }

    @DatabaseTest
    void crlNumbersStrictlyIncreaseAndEveryRevocationIsInTheNextCrl(TestDatabase db) throws Exception {
        MutableClock clock = MutableClock.now();
        TestCa t = TestCa.open(db, dir, clock);
        CertificateAuthority other = TestCa.open(db, dir, clock).ca; // a second instance on the same database
        List<CertificateAuthority> instances = List.of(t.ca, other);
        long officer = t.officer("079000000051");
        byte[] csr = Csrs.csr(Csrs.ecP256());
        List<BigInteger> toRevoke = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            toRevoke.add(t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal", csr)).serial());
        }
        AtomicLong ticks = new AtomicLong(); // orders calls and returns across threads
        ConcurrentLinkedQueue<Revoked> revocations = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Issued> crls = new ConcurrentLinkedQueue<>();
        AtomicBoolean revoking = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> revokers = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int offset = thread;
                CertificateAuthority ca = instances.get(thread % 2);
                revokers.add(pool.submit(() -> {
                    for (int i = offset; i < toRevoke.size(); i += 4) {
                        ca.revoke("admin", toRevoke.get(i), RevocationReason.KEY_COMPROMISE);
                        revocations.add(new Revoked(toRevoke.get(i), Crls.numbersDrawn(db.dataSource())));
                    }
                    return null;
                }));
            }
            List<Future<?>> publishers = new ArrayList<>();
            for (CertificateAuthority ca : instances) {
                publishers.add(pool.submit(() -> {
                    // at least three CRLs each, however fast the revocations run, so that they interleave
                    for (int published = 0; revoking.get() || published < 3; published++) {
                        long called = ticks.incrementAndGet();
                        PublishedCrl crl = ca.publishCrl("scheduler");
                        crls.add(new Issued(crl, called, ticks.incrementAndGet()));
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
        PublishedCrl last = other.publishCrl("scheduler");
        crls.add(new Issued(last, ticks.incrementAndGet(), ticks.incrementAndGet()));

        // Every number drawn once, none lost, and a CRL issued after another returned has a higher number.
        List<PublishedCrl> byNumber = crls.stream().map(Issued::crl)
                .sorted(Comparator.comparingLong(PublishedCrl::crlNumber)).toList();
        assertThat(byNumber).extracting(PublishedCrl::crlNumber)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, crls.size()).boxed().toList());
        assertThat(crls.size()).isGreaterThan(4);
        for (Issued a : crls) {
            for (Issued b : crls) {
                if (a.returned < b.called) {
                    assertThat(b.crl.crlNumber()).as("issued after CRL %d", a.crl.crlNumber())
                            .isGreaterThan(a.crl.crlNumber());
                }
            }
        }
        assertThat(instances).allSatisfy(ca -> assertThat(ca.latestCrl()).get()
                .extracting(PublishedCrl::crlNumber).isEqualTo(last.crlNumber()));
        List<Set<BigInteger>> listed = byNumber.stream().map(Crls::serials).toList();
        for (int i = 1; i < listed.size(); i++) {
            assertThat(listed.get(i)).as("CRL %d", i + 1).containsAll(listed.get(i - 1));
        }
        // The first CRL whose number was drawn after the revocation returned lists it (CRL numbers are 1, 2, ...).
        assertThat(revocations).hasSize(toRevoke.size()).allSatisfy(r ->
                assertThat(listed.get((int) r.numbersDrawn)).as("CRL %d", r.numbersDrawn + 1).contains(r.serial));
        assertThat(Crls.serials(last)).containsExactlyInAnyOrderElementsOf(toRevoke);
        assertThat(t.ca.verifyAuditChain().intact()).isTrue();
    }

    /** A revocation, and how many CRL numbers had been drawn once it returned. */
    private record Revoked(BigInteger serial, long numbersDrawn) {
    }

    /** A CRL, and the ticks just before its publishCrl call and just after it returned. */
    private record Issued(PublishedCrl crl, long called, long returned) {
    }
}
