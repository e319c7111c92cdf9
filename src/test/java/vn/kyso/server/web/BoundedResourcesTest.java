package vn.kyso.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import vn.kyso.server.KysoServerTest;

/**
 * Issue 13, bounded resources for anonymous callers: /tsa and /ocsp apply their 64 KiB limit
 * before reading (12 parallel 45 MB bodies: no 500, and the server reads only a sliver of each),
 * malformed requests get a 4xx, GET /error is no 500, and large uploads are capped in number.
 */
class BoundedResourcesTest extends KysoServerTest {

    private static final long BODY = 45L * 1024 * 1024;

    @Autowired
    Problems problems;

    /** What one oversized request saw: the status line and how many body bytes the server took before answering. */
    private record Sent(String statusLine, long bytesAccepted) {
    }

    private Sent oversized(String path, String contentType) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.setSendBufferSize(64 * 1024);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + BODY + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] chunk = new byte[64 * 1024];
            long sent = 0;
            StringBuilder status = new StringBuilder();
            Thread reader = new Thread(() -> {
                try {
                    int c;
                    while ((c = in.read()) >= 0 && c != '\n') {
                        synchronized (status) {
                            status.append((char) c);
                        }
                    }
                } catch (IOException ignored) {
                    // the server closed the connection after answering
                }
            });
            reader.start();
            try {
                while (sent < BODY) {
                    synchronized (status) {
                        if (status.length() > 0 && !reader.isAlive()) {
                            break;
                        }
                    }
                    out.write(chunk);
                    sent += chunk.length;
                }
            } catch (IOException closedByServer) {
                // expected: the server answered without reading the body and closed
            }
            try {
                reader.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Sent(status.toString().trim(), sent);
        }
    }

    @Test
    void twelveParallel45MbAnonymousBodiesToTsaAndOcspGetNo500AndAreNeverRead() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Sent>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String path = i % 3 == 2 ? "/ocsp" : "/tsa";
                String type = path.equals("/tsa") ? "application/timestamp-query" : "application/ocsp-request";
                results.add(pool.submit(() -> oversized(path, type)));
            }
            for (Future<Sent> f : results) {
                Sent sent = f.get(120, TimeUnit.SECONDS);
                assertThat(sent.statusLine()).as("answered").startsWith("HTTP/1.1 ");
                int status = Integer.parseInt(sent.statusLine().substring(9, 12));
                assertThat(status).as(sent.statusLine()).isIn(200, 413, 503);
                // Tomcat drains at most 2 MB of an unread body, plus what the socket buffers held
                assertThat(sent.bytesAccepted()).as("bytes the client could push").isLessThan(BODY / 3);
            }
        } finally {
            pool.shutdownNow();
        }
        // the responders still answer
        assertThat(http().post("/tsa", "application/timestamp-query", new byte[] {0x30, 0x00}).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aTextFieldSentAsAFilePartIsA4xxNotA500() {
        for (String field : List.of("format", "lang")) {
            HttpResponse<String> response = multipartWithFileNamed("/api/v1/verifications", field);
            assertThat(response.statusCode()).as(field + ": " + response.body()).isBetween(400, 499);
        }
        HttpResponse<String> pin = http().basic(officer(), USER_PASSWORD).post("/api/v1/signatures",
                "multipart/form-data; boundary=b", ("--b\r\nContent-Disposition: form-data; name=\"pin\"; filename=\"pin.txt\""
                        + "\r\nContent-Type: text/plain\r\n\r\n123456\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--b--\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(pin.statusCode()).as(pin.body()).isBetween(400, 499);
        assertThat(pin.headers().firstValue("X-Request-Id")).isPresent();
    }

    private HttpResponse<String> multipartWithFileNamed(String path, String field) {
        String b = "kyso-" + UUID.randomUUID();
        String body = "--" + b + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"x.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\njson\r\n--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--" + b + "--\r\n";
        return http().post(path, "multipart/form-data; boundary=" + b, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void getErrorAskedForDirectlyIsNotA500() {
        assertThat(http().get("/error").statusCode()).isEqualTo(404);
        assertThat(http().header("Accept", "text/html").get("/error").statusCode()).isEqualTo(404);
    }

    @Test
    void largeUploadsBeyondTheCapWaitThenGet503WithRetryAfter() throws Exception {
        LargeUploadGate gate = new LargeUploadGate(new LargeUploadGate.Settings(DataSize.ofKilobytes(1), 1,
                Duration.ZERO), problems, new FixedLocaleResolver(Locale.ENGLISH));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = new Thread(() -> {
            try {
                gate.doFilter(large(), new MockHttpServletResponse(), (req, res) -> {
                    inside.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        first.start();
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        MockHttpServletResponse refused = new MockHttpServletResponse();
        gate.doFilter(large(), refused, (req, res) -> { throw new AssertionError("must not run"); });
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isNotNull();
        assertThat(refused.getContentAsString()).contains("UPLOADS_BUSY");

        MockHttpServletResponse small = new MockHttpServletResponse();
        MockHttpServletRequest ocsp = new MockHttpServletRequest("POST", "/ocsp");
        ocsp.setContent(new byte[100]);
        boolean[] ran = {false};
        gate.doFilter(ocsp, small, (req, res) -> ran[0] = true);
        assertThat(ran[0]).as("small requests never wait").isTrue();
        release.countDown();
        first.join();
    }

    private static MockHttpServletRequest large() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/verifications");
        request.setContent(new byte[4096]);
        return request;
    }
}
