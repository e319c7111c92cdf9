package vn.kyso.ca.crl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.CsrIssueRequest;
import vn.kyso.ca.PublishedCrl;
import vn.kyso.ca.RevocationReason;
import vn.kyso.ca.testing.Csrs;
import vn.kyso.ca.testing.DatabaseTest;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.Openssl;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;

class CrlTest {

    @TempDir
    Path dir;

    @DatabaseTest
    void opensslListsRevokedSerialsWithReasonAndTheCrlNumberGrows(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079000000010");
        BigInteger revoked = t.ca.issueFromCsr("admin",
                new CsrIssueRequest(officer, "personal", Csrs.csr(Csrs.ecP256()))).serial();
        BigInteger held = t.ca.issueFromCsr("admin",
                new CsrIssueRequest(officer, "personal", Csrs.csr(Csrs.ecP256()))).serial();
        PublishedCrl first = t.ca.publishCrl("admin");
        t.ca.revoke("admin", revoked, RevocationReason.KEY_COMPROMISE);
        t.ca.suspend("admin", held);

        PublishedCrl second = t.ca.publishCrl("admin");

        assertThat(second.crlNumber()).isGreaterThan(first.crlNumber());
        assertThat(t.ca.latestCrl()).get().extracting(PublishedCrl::crlNumber).isEqualTo(second.crlNumber());
        Path crl = Openssl.write(dir, "issuing.crl", second.der());
        Path issuing = Openssl.pem(dir, "issuing.pem", t.ca.issuingCertificate());
        Openssl.Result text = Openssl.run(dir, "openssl", "crl", "-inform", "DER", "-in", crl.toString(), "-text",
                "-noout", "-CAfile", issuing.toString());
        assertThat(text.exit()).as(text.output()).isZero();
        String out = text.output().toUpperCase();
        assertThat(out).contains("VERIFY OK", "X509V3 CRL NUMBER", "KEY COMPROMISE", "CERTIFICATE HOLD",
                revoked.toString(16).toUpperCase(), held.toString(16).toUpperCase());
        assertThat(text.output()).contains(Long.toString(second.crlNumber()));

        t.ca.release("admin", held);
        PublishedCrl third = t.ca.publishCrl("admin");
        Openssl.Result after = Openssl.run(dir, "openssl", "crl", "-inform", "DER", "-in",
                Openssl.write(dir, "third.crl", third.der()).toString(), "-text", "-noout");
        assertThat(after.output().toUpperCase()).doesNotContain(held.toString(16).toUpperCase())
                .contains(revoked.toString(16).toUpperCase());
        assertThat(third.crlNumber()).isGreaterThan(second.crlNumber());
        assertThat(third.nextUpdate()).isEqualTo(third.thisUpdate().plus(t.settings.responders().crlNextUpdate()));
    }
}
