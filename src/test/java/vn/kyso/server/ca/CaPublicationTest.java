package vn.kyso.server.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.cert.CRLException;
import java.security.cert.CRLReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import vn.kyso.server.TestHttp;

/**
 * What a relying party finds without an account: the CRL the service re-issues by itself after
 * a revocation, and the URLs (AIA, CDP) written into certificates, each answering.
 */
class CaPublicationTest extends CaHttpTest {

    @Autowired
    Environment environment;

    @Test
    void aRevocationReachesTheServedCrlWithinSecondsWithoutAnyoneAskingForIt() throws Exception {
        String serial = issueFromOpensslCsr("079201008181");
        long before = crlNumber(servedCrl());
        long audited = TestHttp.json(admin().get("/api/v1/audit/verification")).get("entriesChecked").asLong();

        HttpResponse<String> revoked = revoke(serial, "affiliationChanged");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

        // no POST /api/v1/crl: CaHousekeeping publishes within a few seconds of a status change
        BigInteger wanted = new BigInteger(serial, 16);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        X509CRL crl = servedCrl();
        while (crl.getRevokedCertificate(wanted) == null && System.nanoTime() < deadline) {
            Thread.sleep(250);
            crl = servedCrl();
        }
        X509CRLEntry entry = crl.getRevokedCertificate(wanted);
        assertThat(entry).as("serial %s on the served CRL within 15 s", serial).isNotNull();
        assertThat(entry.getRevocationReason()).isEqualTo(CRLReason.AFFILIATION_CHANGED);
        long number = crlNumber(crl);
        assertThat(number).isGreaterThan(before);
        crl.verify(certificate(http().getBytes("/ca/issuing.crt").body()).getPublicKey());
        assertThat(TestHttp.json(admin().get("/api/v1/audit?limit=1000&after=" + audited)).valueStream()
                .filter(e -> e.get("action").asString().equals("CRL_PUBLISHED")
                        && e.get("target").asString().equals(Long.toString(number)))
                .map(e -> e.get("actor").asString())).as("who published CRL %d", number).containsExactly("system");
    }

    @Test
    void withoutAPublicUrlCertificatesPointAtThisServersOwnUrls() throws Exception {
        assertThat(environment.getProperty("kyso.public-url")).as("this test runs without kyso.public-url").isNull();
        issueFromOpensslCsr("079201008282");
        fetchChain();
        X509Certificate issued = certificate(Files.readAllBytes(dir.resolve("cert.pem")));
        String base = "http://127.0.0.1:" + port;

        String ocsp = onlyUrl(issued, Extension.authorityInfoAccess, AccessDescription.id_ad_ocsp);
        String caIssuers = onlyUrl(issued, Extension.authorityInfoAccess, AccessDescription.id_ad_caIssuers);
        String crl = onlyUrl(issued, Extension.cRLDistributionPoints, null);
        assertThat(ocsp).isEqualTo(base + "/ocsp");
        assertThat(caIssuers).isEqualTo(base + "/ca/issuing.crt");
        assertThat(crl).isEqualTo(base + "/crl/issuing.crl");

        // and each answers for this certificate
        X509Certificate issuer = certificate(fetch(caIssuers));
        issued.verify(issuer.getPublicKey());
        ((X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(fetch(crl))))
                .verify(issuer.getPublicKey());
        assertThat(Peer.run(dir, "openssl", "ocsp", "-issuer", "issuing.pem", "-cert", "cert.pem", "-url", ocsp,
                "-CAfile", "chain.pem").output()).contains("cert.pem: good").contains("Response verify OK");
    }

    private X509CRL servedCrl() throws CRLException, CertificateException {
        return (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(http().getBytes("/crl/issuing.crl").body()));
    }

    private static long crlNumber(X509CRL crl) throws IOException {
        return ASN1Integer.getInstance(JcaX509ExtensionUtils.parseExtensionValue(
                crl.getExtensionValue(Extension.cRLNumber.getId()))).longValueExact();
    }

    /**
     * The one URL of an AIA access method, or (method null) of the CRL distribution points; more
     * than one would be a finding too.
     */
    private static String onlyUrl(X509Certificate certificate, ASN1ObjectIdentifier extension,
            ASN1ObjectIdentifier accessMethod) throws IOException {
        ASN1Primitive value = JcaX509ExtensionUtils.parseExtensionValue(certificate.getExtensionValue(extension.getId()));
        List<GeneralName> names = new ArrayList<>();
        if (accessMethod != null) {
            for (AccessDescription d : AuthorityInformationAccess.getInstance(value).getAccessDescriptions()) {
                if (d.getAccessMethod().equals(accessMethod)) {
                    names.add(d.getAccessLocation());
                }
            }
        } else {
            for (DistributionPoint point : CRLDistPoint.getInstance(value).getDistributionPoints()) {
                names.addAll(List.of(GeneralNames.getInstance(point.getDistributionPoint().getName()).getNames()));
            }
        }
        assertThat(names).hasSize(1);
        assertThat(names.get(0).getTagNo()).isEqualTo(GeneralName.uniformResourceIdentifier);
        return ((ASN1String) names.get(0).getName()).getString();
    }

    /** An absolute URL as a relying party fetches it: no base, no account. */
    private static byte[] fetch(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }
}
