package vn.kyso.signing.testpki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server for a {@link TestPki} whose certificates point at it: OCSP (POST and
 * GET, nonce echoed, signed by a delegated responder), the issuing CA's CRL, the issuing CA's
 * certificate (caIssuers) and an RFC 3161 TSA. The test controls revocation with {@link #revoke}
 * and {@link #markUnknown}.
 */
public final class TestPkiServer implements AutoCloseable {

    /** Paths served, relative to {@link #baseUrl()}. */
    public static final String OCSP = "/ocsp", CRL = "/crl/issuing.crl", CA_ISSUERS = "/ca/issuing.crt", TSA = "/tsa";

    private static final ASN1ObjectIdentifier TSA_POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1.1");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final TestPki pki;
    private final TestPki.Credential tsa;
    private final TestPki.Credential responder;
    private final Map<BigInteger, Instant> revoked = new ConcurrentHashMap<>();
    private final Map<BigInteger, Boolean> unknown = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    private TestPkiServer(TestPki.KeyType caKeyType, String name) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        pki = TestPki.create(Instant.now(), base, caKeyType, name);
        tsa = pki.tsa();
        responder = pki.ocspResponder();
        server.createContext(OCSP, handler(OCSP, this::ocsp));
        server.createContext(CRL, handler(CRL, ex -> reply(ex, "application/pkix-crl", crl())));
        server.createContext(CA_ISSUERS,
                handler(CA_ISSUERS, ex -> reply(ex, "application/pkix-cert", pki.issuingCa().certificate().getEncoded())));
        server.createContext(TSA, handler(TSA, this::timestamp));
        server.setExecutor(executor);
        server.start();
    }

    /** A server with an RSA-2048 hierarchy. */
    public static TestPkiServer start() {
        return start(TestPki.KeyType.RSA_2048);
    }

    public static TestPkiServer start(TestPki.KeyType caKeyType) {
        try {
            return new TestPkiServer(caKeyType, "Test");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test PKI server", e);
        }
    }

    public TestPki pki() {
        return pki;
    }

    public String baseUrl() {
        return pki.baseUrl();
    }

    public URI tsaUrl() {
        return URI.create(baseUrl() + TSA);
    }

    /** The TSA's credential (its certificate is in every token). */
    public TestPki.Credential tsa() {
        return tsa;
    }

    public TestPki.Credential ocspResponder() {
        return responder;
    }

    /** OCSP and the CRL report {@code certificate} revoked from now on. */
    public void revoke(X509Certificate certificate) {
        revoked.put(certificate.getSerialNumber(), Instant.now().minus(Duration.ofMinutes(1)));
    }

    /** OCSP answers "unknown" for {@code certificate}. */
    public void markUnknown(X509Certificate certificate) {
        unknown.put(certificate.getSerialNumber(), Boolean.TRUE);
    }

    /** How many requests reached {@code path} (one of the constants). */
    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private interface Body {
        void handle(HttpExchange exchange) throws Exception;
    }

    private HttpHandler handler(String path, Body body) {
        return ex -> {
            hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            try {
                body.handle(ex);
            } catch (Exception e) {
                ex.sendResponseHeaders(500, -1);
            } finally {
                ex.close();
            }
        };
    }

    private static void reply(HttpExchange ex, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", contentType);
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private void ocsp(HttpExchange ex) throws Exception {
        byte[] der;
        if ("GET".equals(ex.getRequestMethod())) {
            String path = ex.getRequestURI().getRawPath();
            String encoded = java.net.URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1),
                    java.nio.charset.StandardCharsets.US_ASCII);
            der = Base64.getDecoder().decode(encoded);
        } else {
            der = body(ex);
        }
        OCSPReq request = new OCSPReq(der);
        DigestCalculator sha1 = new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1);
        BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(responder.certificate().getPublicKey(), sha1);
        Date now = new Date();
        Date next = new Date(now.getTime() + Duration.ofDays(1).toMillis());
        for (Req r : request.getRequestList()) {
            BigInteger serial = r.getCertID().getSerialNumber();
            CertificateStatus status = CertificateStatus.GOOD;
            if (unknown.containsKey(serial)) {
                status = new UnknownStatus();
            } else if (revoked.containsKey(serial)) {
                status = new RevokedStatus(Date.from(revoked.get(serial)), CRLReason.keyCompromise);
            }
            builder.addResponse(r.getCertID(), status, now, next);
        }
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            builder.setResponseExtensions(new Extensions(nonce));
        }
        X509CertificateHolder[] chain = {new JcaX509CertificateHolder(responder.certificate())};
        var basic = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(responder.privateKey()), chain, now);
        reply(ex, "application/ocsp-response", new OCSPRespBuilder().build(OCSPResp.SUCCESSFUL, basic).getEncoded());
    }

    private byte[] crl() throws Exception {
        TestPki.Credential ca = pki.issuingCa();
        Date now = new Date();
        X509v2CRLBuilder b = new X509v2CRLBuilder(
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), now);
        b.setNextUpdate(new Date(now.getTime() + Duration.ofDays(7).toMillis()));
        for (Map.Entry<BigInteger, Instant> e : revoked.entrySet()) {
            b.addCRLEntry(e.getKey(), Date.from(e.getValue()), CRLReason.keyCompromise);
        }
        b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.getTime())));
        b.addExtension(Extension.authorityKeyIdentifier, false,
                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
        return b.build(new JcaContentSignerBuilder(TestPki.signatureAlgorithm(ca.privateKey())).build(ca.privateKey()))
                .getEncoded();
    }

    private void timestamp(HttpExchange ex) throws Exception {
        TimeStampRequest request = new TimeStampRequest(body(ex));
        TimeStampTokenGenerator generator = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", tsa.privateKey(), tsa.certificate()),
                new JcaDigestCalculatorProviderBuilder().build().get(
                        new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                                org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)),
                TSA_POLICY);
        generator.addCertificates(new org.bouncycastle.cert.jcajce.JcaCertStore(java.util.List.of(tsa.certificate())));
        TimeStampResponseGenerator responses = new TimeStampResponseGenerator(generator, TSPAlgorithms.ALLOWED);
        TimeStampResponse response = responses.generate(request, new BigInteger(64, RANDOM), new Date());
        reply(ex, "application/timestamp-reply", response.getEncoded());
    }
}
