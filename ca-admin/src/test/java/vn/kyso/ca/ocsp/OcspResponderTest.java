package vn.kyso.ca.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.jcajce.JcaRespID;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.CaSettings;
import vn.kyso.ca.CertificateStatus;
import vn.kyso.ca.CsrIssueRequest;
import vn.kyso.ca.KeyAlgorithm;
import vn.kyso.ca.OcspRequested;
import vn.kyso.ca.RevocationReason;
import vn.kyso.ca.testing.Csrs;
import vn.kyso.ca.testing.DatabaseTest;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.Openssl;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;
import vn.kyso.signing.crypto.NativeCrypto;

class OcspResponderTest {

    @TempDir
    Path dir;

    /** The production key types: P-384 CA, RSA-2048 responder. */
    private TestCa productionLike(TestDatabase db) {
        return TestCa.open(db, CaSettings.defaults(dir, "http://127.0.0.1:8080")
                .withCustody(TestCa.fastSettings(dir).custody()), MutableClock.now());
    }

    private Openssl.Result ask(TestCa t, X509Certificate cert, String name, boolean nonce, String... verifyOptions)
            throws Exception {
        Path issuing = Openssl.pem(dir, "issuing.pem", t.ca.issuingCertificate());
        Path root = Openssl.pem(dir, "root.pem", t.ca.rootCertificate());
        Path leaf = Openssl.pem(dir, name + ".pem", cert);
        Path req = dir.resolve(name + "-req.der");
        Openssl.Result made = Openssl.run(dir, "openssl", "ocsp", "-issuer", issuing.toString(), "-cert",
                leaf.toString(), nonce ? "-nonce" : "-no_nonce", "-reqout", req.toString());
        assertThat(made.exit()).as(made.output()).isZero();
        byte[] response = t.ca.ocsp(Files.readAllBytes(req));
        Path resp = Openssl.write(dir, name + "-resp.der", response);
        Path chain = Openssl.pem(dir, "chain.pem", t.ca.issuingCertificate(), t.ca.rootCertificate());
        // No -issuer/-cert here: with them openssl builds a fresh request (new nonce) instead of -reqin's.
        List<String> verify = new ArrayList<>(List.of("openssl", "ocsp", "-reqin", req.toString(), "-respin",
                resp.toString(), "-CAfile", root.toString(), "-verify_other", chain.toString(), "-resp_text"));
        verify.addAll(List.of(verifyOptions));
        return Openssl.run(dir, verify.toArray(String[]::new));
    }

    @DatabaseTest
    void opensslSeesGoodThenRevokedWithReasonAndTheNonceEchoed(TestDatabase db) throws Exception {
        TestCa t = productionLike(db);
        long officer = t.officer("079000000020");
        X509Certificate cert = t.ca.issueFromCsr("admin",
                new CsrIssueRequest(officer, "personal", Csrs.csr(Csrs.ecP256()))).certificate();

        Openssl.Result good = ask(t, cert, "good", true);
        assertThat(good.output()).contains("Response verify OK", "Cert Status: good", "OCSP Nonce");

        t.ca.revoke("admin", cert.getSerialNumber(), RevocationReason.KEY_COMPROMISE);
        Openssl.Result revoked = ask(t, cert, "revoked", true);
        assertThat(revoked.output()).contains("Response verify OK", "Cert Status: revoked", "keyCompromise", "OCSP Nonce");

        assertThat(t.events(OcspRequested.class)).extracting(OcspRequested::serial)
                .containsOnly(cert.getSerialNumber()).hasSize(2);
        assertThat(t.events(OcspRequested.class)).extracting(OcspRequested::answer)
                .containsExactly(CertificateStatus.ACTIVE, CertificateStatus.REVOKED);
    }

    @DatabaseTest
    void suspendedIsRevokedWithCertificateHoldAndCachedAnswersAreForgottenOnChange(TestDatabase db) throws Exception {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079000000021");
        X509Certificate cert = t.ca.issueFromCsr("admin",
                new CsrIssueRequest(officer, "personal", Csrs.csr(Csrs.ecP256()))).certificate();

        assertThat(ask(t, cert, "before", false).output()).contains("Response verify OK", "Cert Status: good");
        t.ca.suspend("admin", cert.getSerialNumber());
        Openssl.Result held = ask(t, cert, "held", false);
        assertThat(held.output()).contains("Response verify OK", "Cert Status: revoked", "certificateHold");
        t.ca.release("admin", cert.getSerialNumber());
        assertThat(ask(t, cert, "released", false).output()).contains("Cert Status: good");
    }

    @DatabaseTest
    void unknownSerialIsUnknownAndGarbageIsMalformed(TestDatabase db) throws Exception {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079000000022");
        X509Certificate cert = t.ca.issueFromCsr("admin",
                new CsrIssueRequest(officer, "personal", Csrs.csr(Csrs.ecP256()))).certificate();
        Path issuing = Openssl.pem(dir, "issuing.pem", t.ca.issuingCertificate());
        Path req = dir.resolve("unknown.der");
        Openssl.run(dir, "openssl", "ocsp", "-issuer", issuing.toString(), "-serial", "0x0123456789ABCDEF",
                "-reqout", req.toString());
        Path resp = Openssl.write(dir, "unknown-resp.der", t.ca.ocsp(Files.readAllBytes(req)));
        assertThat(Openssl.run(dir, "openssl", "ocsp", "-respin", resp.toString(), "-resp_text", "-noverify").output())
                .contains("Cert Status: unknown");
        assertThat(cert).isNotNull();

        assertThat(new OCSPResp(t.ca.ocsp(new byte[] {0x30, 0x03, 1, 2, 3})).getStatus())
                .isEqualTo(OCSPRespBuilder.MALFORMED_REQUEST);
        assertThat(new OCSPResp(t.ca.ocsp(new byte[0])).getStatus()).isEqualTo(OCSPRespBuilder.MALFORMED_REQUEST);
        assertThat(new OCSPResp(t.ca.ocsp("GET /ocsp".getBytes())).getStatus())
                .isEqualTo(OCSPRespBuilder.MALFORMED_REQUEST);
        assertThat(t.events(OcspRequested.class)).singleElement()
                .satisfies(e -> assertThat(e.serial()).isEqualTo(new BigInteger("0123456789ABCDEF", 16)));
    }

    @DatabaseTest
    void theResponderCertificateIsRenewedBeforeItExpires(TestDatabase db) throws Exception {
        MutableClock clock = MutableClock.now();
        TestCa t = TestCa.open(db, dir, clock);
        X509Certificate first = t.ca.ocspResponderCertificate();
        assertThat(first.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.9");
        assertThat(first.getNonCriticalExtensionOIDs()).contains("1.3.6.1.5.5.7.48.1.5");

        clock.advance(t.settings.responders().ocspValidity().minus(t.settings.responders().ocspRenewBefore())
                .plusMinutes(1));
        t.ca.maintain();

        X509Certificate second = t.ca.ocspResponderCertificate();
        assertThat(second.getSerialNumber()).isNotEqualTo(first.getSerialNumber());
        assertThat(second.getNotAfter()).isAfter(first.getNotAfter());
    }

    @DatabaseTest
    void aRevokedAnswerCarriesEachRevocationsTimeAndReason(TestDatabase db) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-05-20T02:03:04.567Z"));
        TestCa t = TestCa.open(db, dir, clock);
        long officer = t.officer("079000000023");
        X509Certificate compromised = issue(t, officer);
        X509Certificate moved = issue(t, officer);
        clock.advance(Duration.ofHours(5));
        Instant compromisedAt = clock.instant();
        t.ca.revoke("admin", compromised.getSerialNumber(), RevocationReason.KEY_COMPROMISE);
        clock.advance(Duration.ofDays(2).plusMillis(250));
        Instant movedAt = clock.instant();
        t.ca.revoke("admin", moved.getSerialNumber(), RevocationReason.AFFILIATION_CHANGED);
        clock.advance(Duration.ofMinutes(7));

        SingleResp[] answers = basic(t.ca.ocsp(request(t, compromised, moved))).getResponses();

        // To the second: the time is a GeneralizedTime without fraction, as RFC 5280 has it.
        assertThat(answers).hasSize(2);
        assertRevoked(answers[0], compromised, compromisedAt.truncatedTo(ChronoUnit.SECONDS),
                RevocationReason.KEY_COMPROMISE);
        assertRevoked(answers[1], moved, movedAt.truncatedTo(ChronoUnit.SECONDS), RevocationReason.AFFILIATION_CHANGED);
        assertThat(t.ca.certificate(moved.getSerialNumber())).get()
                .satisfies(r -> assertThat(r.revokedAt()).isEqualTo(movedAt.truncatedTo(ChronoUnit.SECONDS)));
    }

    @DatabaseTest
    void afterTheResponderIsRenewedAnswersAreSignedByAndCarryItsNewCertificate(TestDatabase db) throws Exception {
        MutableClock clock = MutableClock.now();
        TestCa t = TestCa.open(db, dir, clock);
        X509Certificate cert = issue(t, t.officer("079000000024"));
        byte[] request = request(t, cert); // no nonce: a cached answer must not outlive its signer either
        X509Certificate old = t.ca.ocspResponderCertificate();
        assertSignedBy(basic(t.ca.ocsp(request)), old);

        clock.advance(t.settings.responders().ocspValidity().minus(t.settings.responders().ocspRenewBefore())
                .plusMinutes(1));
        t.ca.maintain();
        X509Certificate renewed = t.ca.ocspResponderCertificate();
        BasicOCSPResp answer = basic(t.ca.ocsp(request));

        assertThat(renewed.getSerialNumber()).isNotEqualTo(old.getSerialNumber());
        assertThat(renewed.getPublicKey()).isNotEqualTo(old.getPublicKey());
        renewed.verify(t.ca.issuingCertificate().getPublicKey());
        assertThat(renewed.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.9");
        assertSignedBy(answer, renewed);
        assertThat(answer.isSignatureValid(new JcaContentVerifierProviderBuilder().build(old.getPublicKey()))).isFalse();
        assertThat(answer.getResponses()[0].getCertStatus()).isEqualTo(org.bouncycastle.cert.ocsp.CertificateStatus.GOOD);
    }

    @DatabaseTest
    void answersWithANonceAreSignedByTheRenewedKeyAtOnceAndOpensslVerifiesThem(TestDatabase db) throws Exception {
        MutableClock clock = MutableClock.now();
        TestCa t = TestCa.open(db, CaSettings.defaults(dir, "http://127.0.0.1:8080")
                .withCustody(TestCa.fastSettings(dir).custody()), clock); // RSA-2048 responder, as in production
        X509Certificate cert = issue(t, t.officer("079000000025"));
        X509Certificate old = t.ca.ocspResponderCertificate();
        for (int i = 0; i < 3; i++) { // the second and third reuse the first answer's signature engine
            assertSignedBy(answerWithNonce(t, cert), old);
        }
        assertThat(ask(t, cert, "before-renewal", true).output()).contains("Response verify OK", "OCSP Nonce");

        renew(t, clock);
        X509Certificate renewed = t.ca.ocspResponderCertificate();
        assertThat(renewed.getPublicKey()).isNotEqualTo(old.getPublicKey());
        for (int i = 0; i < 3; i++) {
            BasicOCSPResp answer = answerWithNonce(t, cert);
            assertSignedBy(answer, renewed);
            assertThat(answer.isSignatureValid(new JcaContentVerifierProviderBuilder().build(old.getPublicKey())))
                    .isFalse();
        }
        // the test's clock is days ahead now: the chain is checked at its time
        Openssl.Result after = ask(t, cert, "after-renewal", true, "-attime", String.valueOf(clock.instant().getEpochSecond()));
        assertThat(after.output()).contains("Response verify OK", "Cert Status: good", "OCSP Nonce");
    }

    /** The same with each way the responder's key can sign: natively or not, RSA or EC (Bouncy Castle off-native). */
    @Test
    void everyKindOfResponderKeyFollowsItsRenewal() throws Exception {
        record Kind(KeyAlgorithm key, NativeCrypto crypto) {
        }
        int n = 0;
        for (Kind kind : List.of(new Kind(KeyAlgorithm.RSA_2048, NativeCrypto.off()),
                new Kind(KeyAlgorithm.EC_P256, NativeCrypto.off()), new Kind(KeyAlgorithm.EC_P384, NativeCrypto.system()))) {
            Path own = Files.createDirectories(dir.resolve("kind-" + n++));
            CaSettings fast = TestCa.fastSettings(own);
            CaSettings.Responders r = fast.responders();
            CaSettings settings = fast.withResponders(new CaSettings.Responders(r.ocspName(), kind.key(),
                    r.ocspValidity(), r.ocspRenewBefore(), r.ocspResponseValidity(), r.ocspCacheTtl(), r.tsaName(),
                    r.tsaKey(), r.tsaValidity(), r.tsaPolicyOid(), r.tsaAccuracy(), r.crlNextUpdate(),
                    r.rootCrlNextUpdate()));
            MutableClock clock = MutableClock.now();
            try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
                TestCa t = TestCa.open(db, settings, clock, kind.crypto());
                X509Certificate cert = issue(t, t.officer("07900000003" + n));
                X509Certificate old = t.ca.ocspResponderCertificate();
                assertSignedBy(answerWithNonce(t, cert), old);
                assertSignedBy(answerWithNonce(t, cert), old);
                renew(t, clock);
                X509Certificate renewed = t.ca.ocspResponderCertificate();
                assertThat(renewed.getPublicKey()).as(kind.toString()).isNotEqualTo(old.getPublicKey());
                assertSignedBy(answerWithNonce(t, cert), renewed);
                assertSignedBy(answerWithNonce(t, cert), renewed);
            }
        }
    }

    /**
     * Many threads at once, each answer with a nonce of its own, while a status changes and the
     * responder is renewed midway: every answer carries its own nonce, the status of the moment,
     * and a signature by the responder certificate it carries (the old or the new one, never a mix).
     */
    @DatabaseTest
    void concurrentAnswersAllVerifyThroughARevocationAndARenewal(TestDatabase db) throws Exception {
        MutableClock clock = MutableClock.now();
        TestCa t = TestCa.open(db, CaSettings.defaults(dir, "http://127.0.0.1:8080")
                .withCustody(TestCa.fastSettings(dir).custody()), clock);
        long officer = t.officer("079000000026");
        X509Certificate stays = issue(t, officer);
        X509Certificate revoked = issue(t, officer);
        X509Certificate old = t.ca.ocspResponderCertificate();
        int threads = 16;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<BasicOCSPResp>>> work = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                work.add(pool.submit(() -> {
                    List<BasicOCSPResp> answers = new ArrayList<>();
                    for (int j = 0; j < perThread; j++) {
                        byte[] nonce = new byte[16];
                        ThreadLocalRandom.current().nextBytes(nonce);
                        BasicOCSPResp answer = basic(t.ca.ocsp(requestWithNonce(t, nonce, stays, revoked)));
                        assertThat(answer.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue()
                                .getOctets()).isEqualTo(new DEROctetString(nonce).getEncoded());
                        answers.add(answer);
                    }
                    return answers;
                }));
            }
            Thread.sleep(100);
            t.ca.revoke("admin", revoked.getSerialNumber(), RevocationReason.KEY_COMPROMISE);
            renew(t, clock);
            X509Certificate renewed = t.ca.ocspResponderCertificate();
            Set<X509CertificateHolder> responders = Set.of(new JcaX509CertificateHolder(old),
                    new JcaX509CertificateHolder(renewed));

            int count = 0;
            for (Future<List<BasicOCSPResp>> f : work) {
                for (BasicOCSPResp answer : f.get()) {
                    X509CertificateHolder carried = answer.getCerts()[0];
                    assertThat(responders).contains(carried);
                    assertSignedBy(answer, new JcaX509CertificateConverter().getCertificate(carried));
                    assertThat(answer.getResponses()[0].getCertStatus())
                            .isEqualTo(org.bouncycastle.cert.ocsp.CertificateStatus.GOOD);
                    count++;
                }
            }
            assertThat(count).isEqualTo(threads * perThread);
            // after both changes, from every thread: the new key and the revocation
            for (Future<BasicOCSPResp> f : pool.invokeAll(java.util.Collections.nCopies(threads,
                    (java.util.concurrent.Callable<BasicOCSPResp>) () -> basic(t.ca.ocsp(
                            requestWithNonce(t, new byte[] {1, 2, 3}, stays, revoked)))))) {
                BasicOCSPResp answer = f.get();
                assertSignedBy(answer, renewed);
                assertThat(answer.getResponses()[1].getCertStatus()).isInstanceOf(RevokedStatus.class);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Two instances on one database: each status change made through one shows at once in the
     * other's answers with a nonce, however many answers that one has signed before (the lookup is
     * read from the database at every answer).
     */
    @DatabaseTest
    void aStatusChangedByAnotherInstanceIsInTheVeryNextAnswer(TestDatabase db) throws Exception {
        MutableClock clock = MutableClock.now();
        TestCa answering = TestCa.open(db, dir, clock);
        TestCa other = TestCa.open(db, dir, clock); // same key store and database: a second process
        X509Certificate cert = issue(other, other.officer("079000000027"));
        for (int i = 0; i < 20; i++) {
            assertThat(answerWithNonce(answering, cert).getResponses()[0].getCertStatus())
                    .isEqualTo(org.bouncycastle.cert.ocsp.CertificateStatus.GOOD);
        }
        other.ca.suspend("admin", cert.getSerialNumber());
        assertThat(answerWithNonce(answering, cert).getResponses()[0].getCertStatus())
                .isInstanceOfSatisfying(RevokedStatus.class,
                        held -> assertThat(held.getRevocationReason()).isEqualTo(RevocationReason.CERTIFICATE_HOLD.code()));
        other.ca.release("admin", cert.getSerialNumber());
        assertThat(answerWithNonce(answering, cert).getResponses()[0].getCertStatus())
                .isEqualTo(org.bouncycastle.cert.ocsp.CertificateStatus.GOOD);
        other.ca.revoke("admin", cert.getSerialNumber(), RevocationReason.KEY_COMPROMISE);
        assertThat(answerWithNonce(answering, cert).getResponses()[0].getCertStatus())
                .isInstanceOfSatisfying(RevokedStatus.class,
                        revoked -> assertThat(revoked.getRevocationReason()).isEqualTo(RevocationReason.KEY_COMPROMISE.code()));
    }

    /**
     * The same without a nonce, where signed answers are reused for {@code ocsp.cache-ttl}: a
     * reused answer is checked against the register first, so the other instance's suspension and
     * revocation are in the very next answer too, not after the cache's lifetime.
     */
    @DatabaseTest
    void aCachedAnswerIsNotReusedOnceAnotherInstanceChangedTheStatus(TestDatabase db) throws Exception {
        MutableClock clock = MutableClock.now();
        TestCa answering = TestCa.open(db, dir, clock);
        TestCa other = TestCa.open(db, dir, clock);
        X509Certificate cert = issue(other, other.officer("079000000028"));
        byte[] first = answering.ca.ocsp(request(answering, cert));
        assertThat(answering.ca.ocsp(request(answering, cert))).as("reused while nothing changed").isEqualTo(first);

        other.ca.suspend("admin", cert.getSerialNumber());
        assertThat(basic(answering.ca.ocsp(request(answering, cert))).getResponses()[0].getCertStatus())
                .isInstanceOf(RevokedStatus.class);
        other.ca.release("admin", cert.getSerialNumber());
        assertThat(basic(answering.ca.ocsp(request(answering, cert))).getResponses()[0].getCertStatus())
                .isEqualTo(org.bouncycastle.cert.ocsp.CertificateStatus.GOOD);
        other.ca.revoke("admin", cert.getSerialNumber(), RevocationReason.KEY_COMPROMISE);
        assertThat(basic(answering.ca.ocsp(request(answering, cert))).getResponses()[0].getCertStatus())
                .isInstanceOfSatisfying(RevokedStatus.class,
                        revoked -> assertThat(revoked.getRevocationReason()).isEqualTo(RevocationReason.KEY_COMPROMISE.code()));
    }

    private static void renew(TestCa t, MutableClock clock) {
        clock.advance(t.settings.responders().ocspValidity().minus(t.settings.responders().ocspRenewBefore())
                .plusMinutes(1));
        t.ca.maintain();
    }

    private static BasicOCSPResp answerWithNonce(TestCa t, X509Certificate cert) throws Exception {
        byte[] nonce = new byte[20];
        ThreadLocalRandom.current().nextBytes(nonce);
        BasicOCSPResp answer = basic(t.ca.ocsp(requestWithNonce(t, nonce, cert)));
        assertThat(answer.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets())
                .isEqualTo(new DEROctetString(nonce).getEncoded());
        return answer;
    }

    /** An OCSP request for the certificates with this nonce (RFC 8954: the extension's value is an OCTET STRING). */
    private static byte[] requestWithNonce(TestCa t, byte[] nonce, X509Certificate... certs) throws Exception {
        DigestCalculator sha1 = new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1);
        OCSPReqBuilder builder = new OCSPReqBuilder();
        for (X509Certificate cert : certs) {
            builder.addRequest(new CertificateID(sha1, new JcaX509CertificateHolder(t.ca.issuingCertificate()),
                    cert.getSerialNumber()));
        }
        builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                new DEROctetString(new DEROctetString(nonce).getEncoded()))));
        return builder.build().getEncoded();
    }

    private static X509Certificate issue(TestCa t, long officer) {
        return t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal", Csrs.csr(Csrs.ecP256())))
                .certificate();
    }

    /** An OCSP request for the certificates, without nonce, as Java clients build it. */
    private static byte[] request(TestCa t, X509Certificate... certs) throws Exception {
        DigestCalculator sha1 = new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1);
        OCSPReqBuilder builder = new OCSPReqBuilder();
        for (X509Certificate cert : certs) {
            builder.addRequest(new CertificateID(sha1, new JcaX509CertificateHolder(t.ca.issuingCertificate()),
                    cert.getSerialNumber()));
        }
        return builder.build().getEncoded();
    }

    private static BasicOCSPResp basic(byte[] der) throws Exception {
        OCSPResp response = new OCSPResp(der);
        assertThat(response.getStatus()).isEqualTo(OCSPRespBuilder.SUCCESSFUL);
        return (BasicOCSPResp) response.getResponseObject();
    }

    private static void assertRevoked(SingleResp answer, X509Certificate cert, Instant at, RevocationReason reason) {
        assertThat(answer.getCertID().getSerialNumber()).isEqualTo(cert.getSerialNumber());
        assertThat(answer.getCertStatus()).isInstanceOfSatisfying(RevokedStatus.class, revoked -> {
            assertThat(revoked.getRevocationTime().toInstant()).isEqualTo(at);
            assertThat(revoked.hasRevocationReason()).isTrue();
            assertThat(revoked.getRevocationReason()).isEqualTo(reason.code());
        });
    }

    /** Signed with the certificate's key, the certificate carried in the answer, and named as the responder. */
    private static void assertSignedBy(BasicOCSPResp answer, X509Certificate responder) throws Exception {
        assertThat(answer.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder.getPublicKey())))
                .isTrue();
        assertThat(answer.getCerts()).containsExactly(new JcaX509CertificateHolder(responder));
        DigestCalculator sha1 = new JcaDigestCalculatorProviderBuilder().build().get(RespID.HASH_SHA1);
        assertThat(answer.getResponderId()).isEqualTo(new JcaRespID(responder.getPublicKey(), sha1));
    }
}
