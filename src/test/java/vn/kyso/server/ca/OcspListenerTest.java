package vn.kyso.server.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kyso.ca.CertificateAuthority;

/**
 * OCSP on its own port: a real listener on a free port, over the suite's CA, asked by Bouncy
 * Castle's and OpenSSL's clients and by raw sockets sending what clients and attackers send.
 */
class OcspListenerTest extends CaHttpTest {

    private static final String OCSP_REQUEST = "application/ocsp-request";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    CertificateAuthority ca;

    @Autowired
    Clock clock;

    /** The service's own listener bean (off: the suite runs without the setting). */
    @Autowired
    OcspListener serviceListener;

    private final List<OcspListener> started = new ArrayList<>();

    @AfterEach
    void stopListeners() {
        started.forEach(OcspListener::stop);
    }

    @Test
    void answersGoodRevokedAndUnknownSerialsSignedWithTheNonceEchoed() throws Exception {
        OcspListener listener = listener(settings(2, "2s", "5s", 100));
        String good = issueFromOpensslCsr("079201016101");
        String revoked = issueFromOpensslCsr("079201016102");
        assertThat(revoke(revoked, "keyCompromise").statusCode()).isEqualTo(200);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        for (String serial : List.of(good, revoked, "7fffffffffff0001")) {
            byte[] nonce = new byte[16];
            RANDOM.nextBytes(nonce);
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri(listener, "/ocsp"))
                    .header("Content-Type", OCSP_REQUEST)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request(new BigInteger(serial, 16), nonce))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/ocsp-response");
            assertThat(response.headers().firstValue("Cache-Control")).contains("no-cache");
            assertThat(response.headers().firstValue("Date")).isPresent();
            BasicOCSPResp basic = signedAnswer(response.body());
            assertThat(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets())
                    .isEqualTo(new DEROctetString(nonce).getEncoded());
            SingleResp single = basic.getResponses()[0];
            assertThat(single.getCertID().getSerialNumber()).isEqualTo(new BigInteger(serial, 16));
            CertificateStatus status = single.getCertStatus();
            if (serial.equals(good)) {
                assertThat(status).isEqualTo(CertificateStatus.GOOD);
            } else if (serial.equals(revoked)) {
                assertThat(status).isInstanceOf(RevokedStatus.class);
                assertThat(((RevokedStatus) status).getRevocationReason()).isEqualTo(1); // keyCompromise
            } else {
                assertThat(status).isInstanceOf(UnknownStatus.class);
            }
        }
    }

    @Test
    void theGetFormAndThePostFormGetTheSameAnswer() throws Exception {
        OcspListener listener = listener(settings(2, "2s", "5s", 100));
        byte[] request = request(new BigInteger(64, RANDOM), null);
        String path = "/ocsp/" + URLEncoder.encode(Base64.getEncoder().encodeToString(request), StandardCharsets.US_ASCII);

        Answer get = exchange(listener, "GET " + path + " HTTP/1.0\r\n\r\n");
        Answer post = exchange(listener, post(request, "HTTP/1.0", ""));

        assertThat(get.status()).isEqualTo(200);
        assertThat(post.status()).isEqualTo(200);
        assertThat(signedAnswer(get.body()).getResponses()[0].getCertStatus()).isInstanceOf(UnknownStatus.class);
        // without nonce, the responder's short cache gives both doors the very same signed bytes
        assertThat(get.body()).isEqualTo(post.body());
        assertThat(get.closed()).as("HTTP/1.0 without keep-alive: closed after the answer").isTrue();
    }

    @Test
    void opensslOcspClientGetsAVerifiedGoodAnswerFromTheListener() throws Exception {
        OcspListener listener = listener(settings(2, "2s", "5s", 100));
        issueFromOpensslCsr("079201016103");
        fetchChain();

        Peer answer = Peer.run(dir, "openssl", "ocsp", "-issuer", "issuing.pem", "-cert", "cert.pem", "-url",
                "http://127.0.0.1:" + listener.port() + "/ocsp", "-CAfile", "chain.pem");

        assertThat(answer.output()).contains("cert.pem: good").contains("Response verify OK");
    }

    @Test
    void aKeptAliveConnectionIsAnsweredUntilItsLimitThenClosed() throws Exception {
        OcspListener listener = listener(settings(2, "2s", "5s", 3));
        byte[] request = request(BigInteger.TWO, null);
        try (Socket socket = connect(listener)) {
            OutputStream out = socket.getOutputStream();
            // two requests pipelined in one write, then a third one
            out.write(ascii(post(request, "HTTP/1.1", "Host: x\r\n") + post(request, "HTTP/1.1", "Host: x\r\n")));
            out.write(ascii(post(request, "HTTP/1.1", "Host: x\r\n")));
            for (int i = 1; i <= 3; i++) {
                Answer answer = readOne(socket.getInputStream());
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.head()).contains(i < 3 ? "Connection: keep-alive" : "Connection: close");
                assertThat(new OCSPResp(answer.body()).getStatus()).isEqualTo(OCSPRespBuilder.SUCCESSFUL);
            }
            assertThat(socket.getInputStream().read()).as("closed after the third").isEqualTo(-1);
        }
    }

    @Test
    void whatIsNotAnOcspRequestGetsAShortHttpErrorAndTheConnectionClosed() throws Exception {
        OcspListener listener = listener(settings(2, "2s", "5s", 100));
        byte[] request = request(BigInteger.TEN, null);

        // a body that is not DER: the responder's own answer, as on the main port
        Answer garbage = exchange(listener, post(ascii("not DER at all"), "HTTP/1.1", "Host: x\r\nConnection: close\r\n"));
        assertThat(garbage.status()).isEqualTo(200);
        assertThat(new OCSPResp(garbage.body()).getStatus()).isEqualTo(OCSPRespBuilder.MALFORMED_REQUEST);

        assertRefused(listener, "POST /ocsp HTTP/1.1\r\nHost: x\r\nContent-Type: " + OCSP_REQUEST
                + "\r\nContent-Length: " + (OcspHttp.MAX_REQUEST + 1) + "\r\n\r\n", 413);
        assertRefused(listener, "POST /ocsp HTTP/1.1\r\nHost: x\r\nContent-Type: " + OCSP_REQUEST + "\r\n\r\n", 411);
        assertRefused(listener, "POST /ocsp HTTP/1.1\r\nHost: x\r\nContent-Type: " + OCSP_REQUEST
                + "\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 411);
        assertRefused(listener, "POST /ocsp HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 1\r\n\r\nx",
                415);
        assertThat(assertRefused(listener, "GET /ocsp HTTP/1.1\r\nHost: x\r\n\r\n", 405).head()).contains("Allow: POST");
        assertThat(assertRefused(listener, "DELETE /ocsp/AAAA HTTP/1.1\r\nHost: x\r\n\r\n", 405).head())
                .contains("Allow: GET");
        assertRefused(listener, "GET /actuator/health HTTP/1.1\r\nHost: x\r\n\r\n", 404);
        assertRefused(listener, "GET /ocspx HTTP/1.1\r\nHost: x\r\n\r\n", 404);
        assertRefused(listener, "GET /ocsp/AAAA HTTP/1.1\r\n\r\n", 400); // HTTP/1.1 needs Host
        assertRefused(listener, "GET /ocsp/AAAA HTTP/1.1\r\nHost: x\r\n folded: line\r\n\r\n", 400);
        assertRefused(listener, "POST /ocsp HTTP/1.1\r\nHost: x\r\nContent-Type: " + OCSP_REQUEST
                + "\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", 400);
        assertRefused(listener, "POST /ocsp HTTP/1.1\r\nHost: x\r\nContent-Type: " + OCSP_REQUEST
                + "\r\nContent-Length: -1\r\n\r\n", 400);
        assertRefused(listener, "\u0016\u0003\u0001 TLS hello, not HTTP\r\n\r\n", 400);
        assertRefused(listener, "GET /ocsp/AAAA HTTP/2.0\r\n\r\n", 505);
        assertRefused(listener, "GET /ocsp/AAAA HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(OcspConnection.MAX_HEAD)
                + "\r\n\r\n", 431);

        // and it still answers
        assertThat(exchange(listener, post(request, "HTTP/1.0", "")).status()).isEqualTo(200);
    }

    @Test
    void aSlowClientIsCutOffAtTheRequestDeadlineWhileOthersAreAnswered() throws Exception {
        OcspListener listener = listener(settings(2, "500ms", "1500ms", 100));
        byte[] request = request(BigInteger.ONE, null);
        long began = System.nanoTime();
        try (Socket slow = connect(listener); Socket silent = connect(listener)) {
            // slowloris: a byte well within the read timeout each time, never the end of the head
            CompletableFuture<Void> dripping = CompletableFuture.runAsync(() -> {
                try {
                    OutputStream out = slow.getOutputStream();
                    out.write(ascii("POST /ocsp HTTP/1.1\r\nHost: x\r\n"));
                    for (int i = 0; i < 40; i++) {
                        out.write(ascii("X-" + i + ": y\r\n"));
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException cutOff) {
                    // the listener closed the connection: what is expected
                }
            });
            silent.getOutputStream().write(ascii("POST /ocsp HTTP/1.1\r\n"));

            // both threads held: a third client waits (in the backlog) only until one is freed
            Answer other = exchange(listener, post(request, "HTTP/1.0", ""));
            assertThat(other.status()).isEqualTo(200);

            Answer cutOff = readOne(slow.getInputStream());
            Duration slowHeld = Duration.ofNanos(System.nanoTime() - began);
            assertThat(cutOff.status()).isEqualTo(408);
            assertThat(slowHeld).as("the slow client is cut off at the 1.5 s deadline, not after its 4 s")
                    .isLessThan(Duration.ofMillis(3000));
            Answer silentEnd = readOne(silent.getInputStream());
            assertThat(silentEnd.status()).as("half a request, then nothing: read timeout").isEqualTo(408);
            dripping.get();
        }
    }

    @Test
    void stoppingClosesTheListeningSocketAndTheOpenConnections() throws Exception {
        OcspListener listener = listener(settings(2, "5s", "5s", 100));
        int port = listener.port();
        try (Socket idle = connect(listener)) {
            idle.getOutputStream().write(ascii("POST /ocsp HTTP/1.1\r\n"));
            Thread.sleep(100); // accepted and being read

            long began = System.nanoTime();
            listener.stop();

            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(2));
            assertThat(listener.isRunning()).isFalse();
            assertThat(idle.getInputStream().read()).isEqualTo(-1);
        }
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void theServiceRunsNoListenerUnlessItIsEnabled() {
        assertThat(serviceListener.isRunning()).isFalse();
        assertThat(serviceListener.port()).isEqualTo(-1);
    }

    private OcspListener listener(CaProperties.Listener settings) {
        OcspListener listener = new OcspListener(ca, clock, settings);
        listener.start();
        started.add(listener);
        assertThat(listener.isRunning()).isTrue();
        assertThat(listener.port()).isPositive();
        return listener;
    }

    private static CaProperties.Listener settings(int threads, String readTimeout, String requestTimeout,
            int maxKeepAliveRequests) {
        return new CaProperties.Listener(true, 0, InetAddress.getLoopbackAddress(), threads,
                duration(readTimeout), duration(requestTimeout), maxKeepAliveRequests);
    }

    private static Duration duration(String text) {
        return org.springframework.boot.convert.DurationStyle.detectAndParse(text);
    }

    private static URI uri(OcspListener listener, String path) {
        return URI.create("http://127.0.0.1:" + listener.port() + path);
    }

    private static Socket connect(OcspListener listener) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String post(byte[] body, String version, String headers) {
        return "POST /ocsp " + version + "\r\n" + headers + "Content-Type: " + OCSP_REQUEST + "\r\nContent-Length: "
                + body.length + "\r\n\r\n" + new String(body, StandardCharsets.ISO_8859_1);
    }

    private Answer assertRefused(OcspListener listener, String raw, int status) throws IOException {
        Answer answer = exchange(listener, raw);
        assertThat(answer.status()).as(raw.length() > 200 ? raw.substring(0, 200) : raw).isEqualTo(status);
        assertThat(answer.head()).contains("Connection: close").contains("Content-Type: text/plain");
        assertThat(answer.body().length).isLessThan(64);
        assertThat(answer.closed()).isTrue();
        return answer;
    }

    /** Sends one raw request on a new connection and reads one answer, and whether the connection closed after it. */
    private static Answer exchange(OcspListener listener, String raw) throws IOException {
        try (Socket socket = connect(listener)) {
            socket.getOutputStream().write(ascii(raw));
            Answer answer = readOne(socket.getInputStream());
            return new Answer(answer.head(), answer.body(), socket.getInputStream().read() == -1);
        }
    }

    /** One HTTP answer: its head up to the empty line, then Content-Length bytes. */
    private static Answer readOne(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before an answer: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int at = text.indexOf("Content-Length: ") + "Content-Length: ".length();
        int length = Integer.parseInt(text.substring(at, text.indexOf('\r', at)));
        return new Answer(text, in.readNBytes(length), false);
    }

    private record Answer(String head, byte[] body, boolean closed) {
        int status() {
            return Integer.parseInt(head.substring(9, 12));
        }
    }

    private BasicOCSPResp signedAnswer(byte[] der) throws Exception {
        return OcspMessages.signedAnswer(ca, der);
    }

    private byte[] request(BigInteger serial, byte[] nonce) throws Exception {
        return OcspMessages.request(ca, serial, nonce);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
