package vn.kyso.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client against the test server (cookies kept, redirects not followed), so tests go
 * through the same filters, security and error pages as a browser or a script.
 */
public final class TestHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final HttpClient client;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public TestHttp(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The JSON body of a response. */
    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public TestHttp basic(String username, String password) {
        headers.put("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public TestHttp bearer(String token) {
        headers.put("Authorization", "Bearer " + token);
        return this;
    }

    public TestHttp header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> putJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public HttpResponse<byte[]> postBytes(String path, String contentType, byte[] body) {
        try {
            return client.send(request(path).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a URL-encoded form, as a browser does. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts one file as multipart/form-data field {@code name}, plus text fields. */
    public HttpResponse<String> postMultipart(String path, String name, String filename, byte[] content,
            Map<String, String> fields) {
        String boundary = "kyso-" + UUID.randomUUID();
        return post(path, "multipart/form-data; boundary=" + boundary, multipart(boundary, name, filename, content, fields));
    }

    /** {@link #postMultipart} for a binary answer (a signed PDF, a PDF report). */
    public HttpResponse<byte[]> postMultipartBytes(String path, String name, String filename, byte[] content,
            Map<String, String> fields) {
        String boundary = "kyso-" + UUID.randomUUID();
        return postBytes(path, "multipart/form-data; boundary=" + boundary,
                multipart(boundary, name, filename, content, fields));
    }

    private static byte[] multipart(String boundary, String name, String filename, byte[] content,
            Map<String, String> fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((key, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + key + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** The CSRF token of the form on a console page. */
    public String csrfToken(String page) {
        HttpResponse<String> response = get(page);
        Matcher m = CSRF.matcher(response.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF field on " + page + " (status " + response.statusCode() + ")");
        }
        return m.group(1);
    }

    /** Logs in through the console form (with its CSRF token); returns the login response. */
    public HttpResponse<String> login(String username, String password) {
        String csrf = csrfToken("/login");
        return postForm("/login", Map.of("username", username, "password", password, "_csrf", csrf));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(path)));
        headers.forEach(builder::header);
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
