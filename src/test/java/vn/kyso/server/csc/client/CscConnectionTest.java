package vn.kyso.server.csc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The CSC client against a hostile or broken service (a stand-in on loopback): an answer too
 * large, an answer that never comes, an error that echoes the PIN, a malformed answer, and no
 * service at all. Each is a {@link CscCallException} of its kind, in bounded time, without the
 * secrets of the call in its words.
 */
class CscConnectionTest {

    private static final char[] PIN = "135790".toCharArray();
    private final List<HttpServer> servers = new java.util.ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    private URI serve(HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/csc/v2/", handler);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/csc/v2");
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static CscConnection withToken(URI base, Duration timeout) {
        return CscConnection.signIn(CscConnection.client(timeout), base, null, null, "token-xyz".toCharArray(),
                timeout);
    }

    @Test
    void anAnswerLargerThanTheLimitIsRefusedWithoutReadingItAll() throws IOException {
        URI base = serve(exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0); // chunked, endless in intent
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) ' ');
                for (int i = 0; i < 64; i++) { // 4 MiB of white space, four times the limit
                    out.write(chunk);
                }
            } catch (IOException closedByTheClient) {
                // expected: the client stops reading at the limit
            }
        });

        assertThatThrownBy(() -> withToken(base, Duration.ofSeconds(5)).info("c1"))
                .isInstanceOfSatisfying(CscCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CscCallException.Kind.BAD_ANSWER);
                    assertThat(e.method()).isEqualTo("credentials/info");
                });
    }

    @Test
    void aServiceThatNeverAnswersCostsABoundedWait() throws IOException {
        URI base = serve(exchange -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long started = System.nanoTime();

        assertThatThrownBy(() -> withToken(base, Duration.ofMillis(500)).info("c1"))
                .isInstanceOfSatisfying(CscCallException.class,
                        e -> assertThat(e.kind()).isEqualTo(CscCallException.Kind.UNREACHABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aRefusalThatEchoesThePinOrPasswordKeepsNeither() throws IOException {
        URI base = serve(exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String echoed = request.replace("\"", "'").replace("\n", " ");
            answer(exchange, 400, ("{\"error\":\"invalid_request\",\"error_description\":\"bad \\u001b[31m"
                    + echoed + "\"}").getBytes(StandardCharsets.UTF_8));
        });
        CscConnection connection = withToken(base, Duration.ofSeconds(5));

        assertThatThrownBy(() -> connection.authorize("c1", List.of(new byte[32]), "2.16.840.1.101.3.4.2.1", PIN))
                .isInstanceOfSatisfying(CscCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CscCallException.Kind.REFUSED);
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.description()).doesNotContain(new String(PIN)).doesNotContain("\u001b")
                            .hasSizeLessThanOrEqualTo(203);
                    assertThat(e.getMessage()).doesNotContain(new String(PIN));
                });

        URI login = serve(exchange -> answer(exchange, 401, ("{\"error\":\"invalid_grant\",\"error_description\":"
                + "\"wrong password S3cret-Pass for user\"}").getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> CscConnection.signIn(CscConnection.client(Duration.ofSeconds(5)), login, "officer",
                "S3cret-Pass".toCharArray(), null, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(CscCallException.class, e -> {
                    assertThat(e.method()).isEqualTo("auth/login");
                    assertThat(e.description()).doesNotContain("S3cret-Pass").contains("***");
                });
    }

    @Test
    void anAnswerThatIsNotTheCscApisIsABadAnswer() throws IOException {
        URI base = serve(exchange -> answer(exchange, 200,
                "{\"cert\":{\"certificates\":[\"bm90IGEgY2VydGlmaWNhdGU=\"]}}".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> withToken(base, Duration.ofSeconds(5)).info("c1"))
                .isInstanceOfSatisfying(CscCallException.class,
                        e -> assertThat(e.kind()).isEqualTo(CscCallException.Kind.BAD_ANSWER));
        assertThatThrownBy(() -> withToken(base, Duration.ofSeconds(5)).signHash("c1", "sad", List.of(new byte[32]),
                "2.16.840.1.101.3.4.2.1", "1.2.840.10045.4.3.2")).isInstanceOfSatisfying(CscCallException.class,
                        e -> assertThat(e.kind()).isEqualTo(CscCallException.Kind.BAD_ANSWER));
    }

    @Test
    void noServiceAtTheAddressIsUnreachable() throws IOException {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI base = URI.create("http://127.0.0.1:" + port + "/csc/v2");

        assertThatThrownBy(() -> CscConnection.signIn(CscConnection.client(Duration.ofSeconds(2)), base, "u",
                "p".toCharArray(), null, Duration.ofSeconds(2)))
                .isInstanceOfSatisfying(CscCallException.class,
                        e -> assertThat(e.kind()).isEqualTo(CscCallException.Kind.UNREACHABLE));
    }

    @Test
    void onlyPlainHttpBaseUrlsAreAccepted() {
        assertThat(CscConnection.baseUrl(" https://rs.example.vn/csc/v2// "))
                .hasToString("https://rs.example.vn/csc/v2");
        for (String bad : new String[] {"file:///etc/passwd", "ftp://x/csc", "https://user:pw@x/csc",
                "https://x/csc?a=b", "https://x/csc#f", "csc/v2", ""}) {
            assertThatThrownBy(() -> CscConnection.baseUrl(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
