package vn.kyso.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.testpki.TestPki;

/**
 * {@code kyso sign --csc} against a CSC service that is not kyso (a stand-in on loopback with a
 * bearer token and {@code multisign} 2): five files need three authorizations (2 + 2 + 1 hashes),
 * each SAD used for its own hashes only; the PIN and token reach the service and no message.
 */
class CscSignerGroupsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<List<String>> authorized = new CopyOnWriteArrayList<>();
    private final List<String> pins = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String start(TestPki.Credential signer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/csc/v2/", exchange -> {
            try {
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
                String method = exchange.getRequestURI().getPath().substring("/csc/v2/".length());
                ObjectNode answer = JSON.createObjectNode();
                switch (method) {
                    case "credentials/info" -> {
                        answer.put("multisign", 2);
                        var certificates = answer.putObject("cert").putArray("certificates");
                        for (var c : signer.chain()) {
                            certificates.add(Base64.getEncoder().encodeToString(c.getEncoded()));
                        }
                    }
                    case "credentials/authorize" -> {
                        List<String> hashes = new ArrayList<>();
                        body.get("hashes").forEach(h -> hashes.add(h.asString()));
                        assertThat(body.get("numSignatures").asInt()).isEqualTo(hashes.size());
                        pins.add(body.get("PIN").asString());
                        authorized.add(hashes);
                        answer.put("SAD", "sad-" + authorized.size());
                    }
                    case "signatures/signHash" -> {
                        List<String> mine = authorized.get(Integer.parseInt(body.get("SAD").asString().substring(4)) - 1);
                        var signatures = answer.putArray("signatures");
                        for (JsonNode h : body.get("hashes")) {
                            assertThat(mine).contains(h.asString());
                            Signature ecdsa = Signature.getInstance("NONEwithECDSA");
                            ecdsa.initSign(signer.privateKey());
                            ecdsa.update(Base64.getDecoder().decode(h.asString()));
                            signatures.add(Base64.getEncoder().encodeToString(ecdsa.sign()));
                        }
                    }
                    default -> {
                        reply(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"no " + method + "\"}");
                        return;
                    }
                }
                reply(exchange, 200, JSON.writeValueAsString(answer));
            } catch (Exception | AssertionError e) {
                reply(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"" + e.getClass().getSimpleName()
                        + "\"}");
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/csc/v2";
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void fiveFilesUnderAMultisignOfTwoTakeThreeAuthorizations() throws Exception {
        TestPki pki = TestPki.create();
        TestPki.Credential signer = pki.signer("Đặng Văn Lâm", TestPki.KeyType.EC_P256);
        String url = start(signer);
        List<String> args = new ArrayList<>(List.of("sign", "--csc", url, "--credential", "remote-1",
                "--csc-token-env", "TOKEN", "--pin-env", "PIN", "--level", "B", "--out-dir",
                dir.resolve("out").toString()));
        for (int i = 1; i <= 5; i++) {
            args.add(SignEndToEndTest.pdf(dir.resolve("f" + i + ".pdf"), "Van ban " + i).toString());
        }

        CliRun run = CliRun.run(Map.of("TOKEN", "bearer-xyz", "PIN", "13579"), Backends.library(),
                args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(authorized).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(pins).containsOnly("13579");
        assertThat(authorizations).containsOnly("Bearer bearer-xyz");
        assertThat(run.err() + run.out()).doesNotContain("13579", "bearer-xyz");
        PdfVerifier verifier = PdfVerifier.builder().trustAnchors(List.of(pki.root().certificate())).build();
        for (int i = 1; i <= 5; i++) {
            Path signed = dir.resolve("out").resolve("f" + i + ".pdf");
            assertThat(Files.exists(signed)).isTrue();
            var report = verifier.verify(signed).signatures().get(0);
            assertThat(report.signer()).isEqualTo("Đặng Văn Lâm");
            assertThat(report.modifications().name()).isEqualTo("NONE");
            assertThat(report.problems()).noneMatch(p -> p.contains("signature value"));
        }
    }
}
