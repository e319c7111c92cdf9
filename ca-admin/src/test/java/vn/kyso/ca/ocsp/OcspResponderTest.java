package vn.kyso.ca.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.CaSettings;
import vn.kyso.ca.CertificateStatus;
import vn.kyso.ca.CsrIssueRequest;
import vn.kyso.ca.OcspRequested;
import vn.kyso.ca.RevocationReason;
import vn.kyso.ca.testing.Csrs;
import vn.kyso.ca.testing.DatabaseTest;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.Openssl;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;

class OcspResponderTest {

    @TempDir
    Path dir;

    /** The production key types: P-384 CA, RSA-2048 responder. */
    private TestCa productionLike(TestDatabase db) {
        return TestCa.open(db, CaSettings.defaults(dir, "http://127.0.0.1:8080")
                .withCustody(TestCa.fastSettings(dir).custody()), MutableClock.now());
    }

    private Openssl.Result ask(TestCa t, X509Certificate cert, String name, boolean nonce) throws Exception {
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
        return Openssl.run(dir, "openssl", "ocsp", "-reqin", req.toString(), "-respin", resp.toString(),
                "-CAfile", root.toString(), "-verify_other", chain.toString(), "-resp_text");
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
}
