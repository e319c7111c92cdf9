package vn.kyso.ca.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.CaSettings;
import vn.kyso.ca.CsrIssueRequest;
import vn.kyso.ca.testing.Csrs;
import vn.kyso.ca.testing.DatabaseTest;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.Openssl;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;

/** The OCSP URL certificates carry (AIA): the public URL's own, or a responder's of its own when one is set. */
class AiaOcspUrlTest {

    @TempDir
    Path dir;

    @DatabaseTest
    void certificatesNameTheOcspUrlSetForARespondersOwnPortWhileOtherUrlsStayOnThePublicUrl(TestDatabase db) {
        CaSettings settings = TestCa.fastSettings(dir).withOcspUrl("http://ocsp.camau.gov.vn:8081/ocsp");
        TestCa t = TestCa.open(db, settings, MutableClock.now());
        long officer = t.officer("079000000012");
        var leaf = t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal", Csrs.csr(Csrs.ecP256())));

        Openssl.Result aia = Openssl.run(dir, "openssl", "x509", "-in",
                Openssl.pem(dir, "leaf.pem", leaf.certificate()).toString(), "-noout", "-ext",
                "authorityInfoAccess,crlDistributionPoints");

        assertThat(aia.output()).contains("OCSP - URI:http://ocsp.camau.gov.vn:8081/ocsp",
                "CA Issuers - URI:" + settings.publicUrl() + "/ca/issuing.crt",
                "URI:" + settings.publicUrl() + "/crl/issuing.crl");
    }

    @DatabaseTest
    void withoutAnOcspUrlCertificatesNameThePublicUrlsOwnAndOnlyHttpUrlsAreTaken(TestDatabase db) {
        CaSettings settings = TestCa.fastSettings(dir);

        assertThat(settings.ocspUrl()).isEqualTo(settings.publicUrl() + "/ocsp");
        assertThat(settings.withOcspUrl(null).ocspUrl()).isEqualTo(settings.publicUrl() + "/ocsp");
        assertThatThrownBy(() -> settings.withOcspUrl("ldap://ocsp.camau.gov.vn/ocsp"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ocspUrl");
    }
}
