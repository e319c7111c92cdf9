package vn.kyso.server.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.server.KysoServerTest;

/** OCSP's lean HTTP path: both RFC 6960 forms, answered before the filter chains, without a session. */
class OcspHttpPathTest extends KysoServerTest {

    private static final String OCSP_REQUEST = "application/ocsp-request";

    @Autowired
    CertificateAuthority ca;

    @Test
    void postAndEveryGetSpellingGetTheSameSignedAnswerWithoutSessionOrFilters() throws Exception {
        byte[] request = requestWhoseBase64Has('/', '+');
        String base64 = Base64.getEncoder().encodeToString(request);

        HttpResponse<byte[]> post = http().postBytes("/ocsp", OCSP_REQUEST + "; charset=binary", request);
        HttpResponse<byte[]> encoded = http().getBytes("/ocsp/" + URLEncoder.encode(base64, StandardCharsets.US_ASCII));
        HttpResponse<byte[]> raw = http().getBytes("/ocsp/" + base64);

        for (HttpResponse<byte[]> response : java.util.List.of(post, encoded, raw)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/ocsp-response");
            assertThat(response.headers().firstValue("Cache-Control")).contains("no-cache");
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
            // answered before the servlet filters: the request-id filter never saw it
            assertThat(response.headers().firstValue("X-Request-Id")).isEmpty();
            assertThat(signedAnswer(response.body()).getResponses()[0].getCertStatus()).isInstanceOf(UnknownStatus.class);
        }
        // a request without nonce is answered from the short cache: the very same signed bytes
        assertThat(encoded.body()).isEqualTo(post.body());
        assertThat(raw.body()).isEqualTo(post.body());
    }

    @Test
    void malformedTooLargeOrNonBase64RequestsGetMalformedRequest() throws Exception {
        assertThat(status(http().postBytes("/ocsp", OCSP_REQUEST, "not DER".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(OCSPRespBuilder.MALFORMED_REQUEST);
        assertThat(status(http().postBytes("/ocsp", OCSP_REQUEST, new byte[0])))
                .isEqualTo(OCSPRespBuilder.MALFORMED_REQUEST);
        byte[] huge = new byte[OcspHttp.MAX_REQUEST + 1];
        System.arraycopy(request(BigInteger.TEN), 0, huge, 0, request(BigInteger.TEN).length);
        assertThat(status(http().postBytes("/ocsp", OCSP_REQUEST, huge))).isEqualTo(OCSPRespBuilder.MALFORMED_REQUEST);
        assertThat(status(http().getBytes("/ocsp/not-base64!"))).isEqualTo(OCSPRespBuilder.MALFORMED_REQUEST);
        assertThat(status(http().getBytes("/ocsp/%25ZZ"))).isEqualTo(OCSPRespBuilder.MALFORMED_REQUEST);
    }

    @Test
    void otherMethodsAndContentTypesStillGoThroughSpringAsBefore() {
        HttpResponse<String> wrongType = http().post("/ocsp", "text/plain", "x".getBytes(StandardCharsets.US_ASCII));
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(wrongType.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(http().delete("/ocsp").statusCode()).isBetween(400, 499);
    }

    private BasicOCSPResp signedAnswer(byte[] der) throws Exception {
        return OcspMessages.signedAnswer(ca, der);
    }

    private static int status(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        return new OCSPResp(response.body()).getStatus();
    }

    /** A request (unknown serial of kyso's issuing CA, no nonce) whose base64 holds the characters URLs mangle. */
    private byte[] requestWhoseBase64Has(char... characters) throws Exception {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 10_000; i++) {
            byte[] request = request(new BigInteger(64, random));
            String base64 = Base64.getEncoder().encodeToString(request);
            if (new String(characters).chars().allMatch(c -> base64.indexOf(c) >= 0)) {
                return request;
            }
        }
        throw new AssertionError("no such request found");
    }

    private byte[] request(BigInteger serial) throws Exception {
        return OcspMessages.request(ca, serial, null);
    }
}
