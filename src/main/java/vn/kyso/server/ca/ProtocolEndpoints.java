package vn.kyso.server.ca;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.PublishedCrl;

/**
 * The fixed URLs that kyso's certificates point at (AIA, CDP) and that relying parties call
 * without an account: OCSP (RFC 6960, POST and GET), the CRL, the CA certificates, and the TSA
 * (RFC 3161). Bytes in, bytes out: the CA answers bad requests with its protocol's own errors.
 */
@RestController
@Hidden
class ProtocolEndpoints {

    static final MediaType OCSP_REQUEST = MediaType.parseMediaType("application/ocsp-request");
    static final MediaType OCSP_RESPONSE = MediaType.parseMediaType("application/ocsp-response");
    static final MediaType TIMESTAMP_QUERY = MediaType.parseMediaType("application/timestamp-query");
    static final MediaType TIMESTAMP_REPLY = MediaType.parseMediaType("application/timestamp-reply");
    static final MediaType PKIX_CRL = MediaType.parseMediaType("application/pkix-crl");
    static final MediaType PKIX_CERT = MediaType.parseMediaType("application/pkix-cert");
    static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");
    /** OCSP and time-stamp requests alike: a few hundred bytes, the limit the OCSP doors share. */
    private static final int MAX_PROTOCOL_REQUEST = OcspHttp.MAX_REQUEST;

    private final CertificateAuthority ca;
    private final Clock clock;

    ProtocolEndpoints(CertificateAuthority ca, Clock clock) {
        this.ca = ca;
        this.clock = clock;
    }

    @PostMapping(path = "/ocsp", consumes = "application/ocsp-request")
    ResponseEntity<byte[]> ocspPost(jakarta.servlet.http.HttpServletRequest http) {
        // the limit applies while reading (issue 13): an anonymous 50 MB body is never buffered
        byte[] request = vn.kyso.server.web.BoundedBody.read(http, MAX_PROTOCOL_REQUEST);
        return ocspAnswer(request == null ? new byte[0] : request);
    }

    /**
     * RFC 6960 appendix A.1. {@link OcspValve} answers these (and the POSTs above) before Spring
     * sees them; the mappings stay as the fallback when the valve is not installed, decoding alike.
     */
    @GetMapping("/ocsp/{*encoded}")
    ResponseEntity<byte[]> ocspGet(@PathVariable String encoded) {
        return ocspAnswer(OcspHttp.fromPath(encoded.startsWith("/") ? encoded.substring(1) : encoded));
    }

    @GetMapping("/crl/issuing.crl")
    ResponseEntity<byte[]> crl() {
        return crlAnswer(ca.latestCrl().orElseGet(() -> ca.publishCrl(CaHousekeeping.ACTOR)));
    }

    /** The root's CRL over CA certificates; 404 when the root key is not this CA's (imported issuing CA). */
    @GetMapping("/crl/root.crl")
    ResponseEntity<byte[]> rootCrl() {
        return ca.rootCrl().or(() -> ca.publishRootCrl(CaHousekeeping.ACTOR)).map(this::crlAnswer)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private ResponseEntity<byte[]> crlAnswer(PublishedCrl crl) {
        long secondsLeft = Math.max(0, Duration.between(clock.instant(), crl.nextUpdate()).toSeconds());
        return ResponseEntity.ok().contentType(PKIX_CRL)
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(Math.min(secondsLeft, 60))).cachePublic())
                .body(crl.der());
    }

    @GetMapping("/ca/{name}.crt")
    ResponseEntity<byte[]> caCertificate(@PathVariable String name) throws CertificateEncodingException {
        X509Certificate certificate = caCertificateNamed(name);
        if (certificate == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(PKIX_CERT).cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body(certificate.getEncoded());
    }

    @GetMapping("/ca/{name}.pem")
    ResponseEntity<String> caCertificatePem(@PathVariable String name) throws CertificateEncodingException {
        X509Certificate certificate = caCertificateNamed(name);
        if (certificate == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(PEM).cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body(Pem.certificate(certificate.getEncoded()));
    }

    @PostMapping(path = "/tsa", consumes = "application/timestamp-query")
    ResponseEntity<byte[]> timestamp(jakarta.servlet.http.HttpServletRequest http) {
        byte[] request = vn.kyso.server.web.BoundedBody.read(http, MAX_PROTOCOL_REQUEST);
        byte[] query = request == null ? new byte[0] : request;
        return ResponseEntity.ok().contentType(TIMESTAMP_REPLY).cacheControl(CacheControl.noStore())
                .body(ca.timestamp(query));
    }

    private ResponseEntity<byte[]> ocspAnswer(byte[] request) {
        // responses differ per request (nonce) and status changes at once: no shared caching
        return ResponseEntity.status(HttpStatus.OK).contentType(OCSP_RESPONSE).cacheControl(CacheControl.noCache())
                .body(ca.ocsp(request));
    }

    private X509Certificate caCertificateNamed(String name) {
        return switch (name) {
            case "root" -> ca.rootCertificate();
            case "issuing" -> ca.issuingCertificate();
            default -> null;
        };
    }
}
