package vn.kyso.server.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.io.TempDir;

import vn.kyso.server.KysoServerTest;
import vn.kyso.server.TestHttp;

/**
 * The CA's tests over HTTP: registering, issuing from openssl's requests, fetching the chain
 * into a folder where openssl (the relying party) checks what the server answers.
 */
abstract class CaHttpTest extends KysoServerTest {

    @TempDir
    Path dir;

    TestHttp admin() {
        return http().basic("admin", ADMIN_PASSWORD);
    }

    long officer(String cccd) {
        String unit = TestHttp.json(admin().get("/api/v1/units")).get(0).get("code").asString();
        HttpResponse<String> response = admin().postJson("/api/v1/subscribers/officers", "{\"fullName\":\"Nguyễn Văn Ất\","
                + "\"positionTitle\":\"Chuyên viên\",\"cccd\":\"" + cccd + "\",\"email\":\"nva" + cccd.substring(8)
                + "@camau.gov.vn\",\"unitCode\":\"" + unit + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TestHttp.json(response).get("id").asLong();
    }

    /** Registers an officer, makes a key and CSR with openssl, has the CA issue; leaves cert.pem. */
    String issueFromOpensslCsr(String cccd) throws IOException {
        long subscriber = officer(cccd);
        HttpResponse<String> issued = issue(subscriber, "personal", opensslCsr("req"));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String serial = TestHttp.json(issued).get("serial").asString();
        HttpResponse<String> pem = admin().get("/api/v1/certificates/" + serial + ".pem");
        assertThat(pem.statusCode()).isEqualTo(200);
        Files.writeString(dir.resolve("cert.pem"), pem.body());
        return serial;
    }

    /** A new RSA key ({@code name}-key.pem) and its PKCS#10 request ({@code name}.pem), returned as PEM. */
    String opensslCsr(String name) throws IOException {
        Peer.run(dir, "openssl", "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", name + "-key.pem",
                "-subj", "/CN=ignored", "-out", name + ".pem").ok();
        return Files.readString(dir.resolve(name + ".pem"));
    }

    HttpResponse<String> issue(long subscriber, String profile, String csr) {
        return admin().postJson("/api/v1/certificates", "{\"subscriberId\":" + subscriber + ",\"profile\":\""
                + profile + "\",\"csr\":" + quote(csr) + "}");
    }

    HttpResponse<String> revoke(String serial, String reason) {
        return admin().postJson("/api/v1/certificates/" + serial + "/revoke", "{\"reason\":\"" + reason + "\"}");
    }

    /** DER or PEM. */
    static X509Certificate certificate(byte[] encoded) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(encoded));
    }

    void fetchChain() throws IOException {
        String root = http().get("/ca/root.pem").body();
        String issuing = http().get("/ca/issuing.pem").body();
        Files.writeString(dir.resolve("root.pem"), root);
        Files.writeString(dir.resolve("issuing.pem"), issuing);
        Files.writeString(dir.resolve("chain.pem"), issuing + root);
    }

    Peer ocsp() {
        return Peer.run(dir, "openssl", "ocsp", "-issuer", "issuing.pem", "-cert", "cert.pem", "-url",
                http().url("/ocsp"), "-CAfile", "chain.pem", "-resp_text");
    }

    static void assertCode(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        if (code != null) {
            assertThat(TestHttp.json(response).get("code").asString()).isEqualTo(code);
        }
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "") + "\"";
    }
}
