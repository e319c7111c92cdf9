package vn.kyso.ca.crl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.CsrIssueRequest;
import vn.kyso.ca.PublishedCrl;
import vn.kyso.ca.testing.Csrs;
import vn.kyso.ca.testing.DatabaseTest;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.Openssl;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;

class RootCrlTest {

    @TempDir
    Path dir;

    @DatabaseTest
    void theRootPublishesAnEmptySignedCrlWhenTheHierarchyIsCreated(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());

        PublishedCrl crl = t.ca.rootCrl().orElseThrow();

        Path root = Openssl.pem(dir, "root.pem", t.ca.rootCertificate());
        Openssl.Result text = Openssl.run(dir, "openssl", "crl", "-inform", "DER", "-in",
                Openssl.write(dir, "root.crl", crl.der()).toString(), "-text", "-noout", "-CAfile", root.toString());
        assertThat(text.exit()).as(text.output()).isZero();
        assertThat(text.output()).contains("verify OK", "kyso Root CA", "No Revoked Certificates")
                .containsIgnoringCase("X509v3 CRL Number");
        assertThat(text.output()).doesNotContain("kyso Issuing CA");
        assertThat(crl.nextUpdate()).isEqualTo(crl.thisUpdate().plus(t.settings.responders().rootCrlNextUpdate()));
    }

    @DatabaseTest
    void theIssuingCaNamesTheRootCrlAndAnEndEntityPassesACrlCheckOfTheWholeChain(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079000000011");
        var leaf = t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal", Csrs.csr(Csrs.ecP256())));
        PublishedCrl issuingCrl = t.ca.publishCrl("admin");
        Path root = Openssl.pem(dir, "root.pem", t.ca.rootCertificate());
        Path issuing = Openssl.pem(dir, "issuing.pem", t.ca.issuingCertificate());

        Openssl.Result cdp = Openssl.run(dir, "openssl", "x509", "-in", issuing.toString(), "-noout", "-ext",
                "crlDistributionPoints,authorityInfoAccess");
        assertThat(cdp.output()).contains("URI:" + t.settings.rootCrlUrl(), "URI:" + t.settings.rootCaUrl());

        Openssl.Result verify = Openssl.run(dir, "openssl", "verify", "-crl_check_all", "-CAfile", root.toString(),
                "-untrusted", issuing.toString(),
                "-CRLfile", pemCrl("root-crl.pem", t.ca.rootCrl().orElseThrow()).toString(),
                "-CRLfile", pemCrl("issuing-crl.pem", issuingCrl).toString(),
                Openssl.pem(dir, "leaf.pem", leaf.certificate()).toString());
        assertThat(verify.output()).contains("leaf.pem: OK");

        Openssl.Result withoutRootCrl = Openssl.run(dir, "openssl", "verify", "-crl_check_all", "-CAfile",
                root.toString(), "-untrusted", issuing.toString(),
                "-CRLfile", dir.resolve("issuing-crl.pem").toString(), dir.resolve("leaf.pem").toString());
        assertThat(withoutRootCrl.exit()).as("the root CRL is what makes the chain checkable").isNotZero();
    }

    @DatabaseTest
    void maintainReissuesTheRootCrlBeforeItExpiresWithAGreaterNumber(TestDatabase db) {
        MutableClock clock = MutableClock.now();
        TestCa t = TestCa.open(db, dir, clock);
        PublishedCrl first = t.ca.rootCrl().orElseThrow();
        Duration lifetime = t.settings.responders().rootCrlNextUpdate();

        clock.advance(Duration.ofDays(1));
        t.ca.maintain();
        assertThat(t.ca.rootCrl().orElseThrow().crlNumber()).as("still fresh").isEqualTo(first.crlNumber());

        clock.advance(lifetime.dividedBy(2));
        t.ca.maintain();
        PublishedCrl second = t.ca.rootCrl().orElseThrow();
        assertThat(second.crlNumber()).isGreaterThan(first.crlNumber());
        assertThat(second.nextUpdate()).isAfter(first.nextUpdate());
    }

    private Path pemCrl(String name, PublishedCrl crl) {
        String pem = "-----BEGIN X509 CRL-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(crl.der())
                + "\n-----END X509 CRL-----\n";
        return Openssl.write(dir, name, pem.getBytes(StandardCharsets.US_ASCII));
    }
}
