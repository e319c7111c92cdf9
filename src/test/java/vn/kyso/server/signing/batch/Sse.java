package vn.kyso.server.signing.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain reader of server-sent events (text/event-stream) over {@link HttpClient}, as a script
 * would read kyso's progress: it collects events until one matches or the stream ends, within a
 * bound.
 */
final class Sse {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One event: its name and its data, parsed as JSON. */
    record Event(String name, String id, JsonNode data) {
    }

    /** What a stream gave: the status, the content type and the events read. */
    record Stream(int status, String contentType, List<Event> events) {
    }

    private Sse() {
    }

    /** Reads events until {@code last} matches one (included) or the server closes the stream. */
    static Stream read(String url, Map<String, String> headers, Predicate<Event> last, Duration bound) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<Stream> reading = CompletableFuture.supplyAsync(() -> {
            try {
                HttpResponse<InputStream> response = client.send(request.build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                String type = response.headers().firstValue("Content-Type").orElse("");
                List<Event> events = new ArrayList<>();
                try (InputStream body = response.body(); BufferedReader lines = new BufferedReader(
                        new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    if (response.statusCode() != 200) {
                        return new Stream(response.statusCode(), type, events);
                    }
                    String name = "message";
                    String id = null;
                    StringBuilder data = new StringBuilder();
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.isEmpty()) {
                            if (data.length() > 0) {
                                Event event = new Event(name, id, JSON.readTree(data.toString()));
                                events.add(event);
                                if (last.test(event)) {
                                    break;
                                }
                            }
                            name = "message";
                            data.setLength(0);
                        } else if (line.startsWith("event:")) {
                            name = line.substring(6).strip();
                        } else if (line.startsWith("id:")) {
                            id = line.substring(3).strip();
                        } else if (line.startsWith("data:")) {
                            data.append(line.substring(5).strip());
                        }
                    }
                }
                return new Stream(response.statusCode(), type, events);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        try {
            return reading.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            throw new AssertionError("no matching event within " + bound, e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
