package vn.kyso.signing.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;

/**
 * One HTTP request and its body, bounded in time (connect, read) and size, so a slow or hostile
 * responder cannot hold a signing thread or fill the heap.
 *
 * @param connectTimeout how long to wait for the connection
 * @param readTimeout    how long to wait for each read
 * @param maxBytes       the largest body accepted
 */
public record HttpExchange(Duration connectTimeout, Duration readTimeout, int maxBytes) {

    /** 5 s to connect, 15 s to read, 10 MiB. */
    public static HttpExchange defaults() {
        return new HttpExchange(Duration.ofSeconds(5), Duration.ofSeconds(15), 10 * 1024 * 1024);
    }

    /** POSTs {@code body} with {@code contentType} and returns the 200 response body. */
    public byte[] post(URI uri, String contentType, byte[] body, String accept) throws IOException {
        HttpURLConnection c = open(uri);
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", contentType);
        if (accept != null) {
            c.setRequestProperty("Accept", accept);
        }
        c.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        return read(c);
    }

    /** GETs {@code uri} and returns the 200 response body. */
    public byte[] get(URI uri) throws IOException {
        HttpURLConnection c = open(uri);
        c.setRequestMethod("GET");
        return read(c);
    }

    private HttpURLConnection open(URI uri) throws IOException {
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IOException("only http and https are fetched, not " + uri);
        }
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setConnectTimeout((int) connectTimeout.toMillis());
        c.setReadTimeout((int) readTimeout.toMillis());
        c.setUseCaches(false);
        c.setInstanceFollowRedirects(true);
        return c;
    }

    private byte[] read(HttpURLConnection c) throws IOException {
        try {
            int status = c.getResponseCode();
            if (status != 200) {
                throw new IOException("HTTP " + status + " from " + c.getURL());
            }
            long declared = c.getContentLengthLong();
            if (declared > maxBytes) {
                throw new IOException("response of " + declared + " bytes exceeds the limit of " + maxBytes);
            }
            try (InputStream in = c.getInputStream()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (out.size() + n > maxBytes) {
                        throw new IOException("response exceeds the limit of " + maxBytes + " bytes");
                    }
                    out.write(buffer, 0, n);
                }
                return out.toByteArray();
            }
        } finally {
            c.disconnect();
        }
    }
}
