package vn.kyso.server.signing.batch;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * kyso as a child JVM, as it runs in production: same class path as the tests, main class
 * {@code vn.kyso.server.Kyso}, its own data folder and port, output in {@code kyso.log} of the
 * data folder. It can be stopped politely (SIGTERM) or killed (SIGKILL, no shutdown hook runs).
 */
final class KysoProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = "Quan-tri-Thu-nghiem-2026";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration START_BOUND = Duration.ofSeconds(180);

    private final Path data;
    private final int port;
    private final List<String> arguments;
    private final Map<String, String> environment;
    private final HttpClient client = HttpClient.newHttpClient();
    private Process process;

    KysoProcess(Path data, List<String> arguments, Map<String, String> environment) {
        this.data = data;
        this.port = freePort();
        this.arguments = List.copyOf(arguments);
        this.environment = Map.copyOf(environment);
    }

    /** Starts the service and waits until it answers {@code /actuator/health} with UP. */
    KysoProcess start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "vn.kyso.server.Kyso", "--server.port=" + port, "--kyso.data-dir=" + data,
                // one admin issues the officer's key, as in the shared test context (DualControlTest covers approval)
                "--kyso.security.dual-control.enabled=false"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("kyso.log").toFile()));
        builder.environment().put("KYSO_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().putAll(environment);
        process = builder.start();
        long deadline = System.nanoTime() + START_BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("kyso exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (get("/actuator/health", null).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("kyso did not start within " + START_BOUND + ":\n" + logTail());
    }

    /** SIGKILL: the process ends at once, without shutdown hooks, mid-transaction if it was in one. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** SIGTERM: a graceful stop. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> getBytes(String path, String authorization) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode postJson(String path, String authorization, String json) throws IOException, InterruptedException {
        return sendJson("POST", path, authorization, json);
    }

    JsonNode putJson(String path, String authorization, String json) throws IOException, InterruptedException {
        return sendJson("PUT", path, authorization, json);
    }

    private JsonNode sendJson(String method, String path, String authorization, String json)
            throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body().isBlank() ? null : JSON.readTree(response.body());
    }

    HttpResponse<String> post(String path, String authorization, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs JSON until {@code until} holds, within {@code bound}. */
    JsonNode await(String path, String authorization, Predicate<JsonNode> until, Duration bound)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get(path, authorization);
            if (response.statusCode() == 200) {
                last = JSON.readTree(response.body());
                if (until.test(last)) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("GET " + path + " did not reach the state within " + bound + "; last: " + last);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(data.resolve("kyso.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
