package vn.kyso.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads a small request body with its limit applied WHILE reading (issue 13): a declared length
 * over the limit is refused before a byte is read, and an undeclared (chunked) one is read only
 * up to the limit plus one byte. What is left unread is the container's to drain or drop, never
 * the heap's.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    /** The body, or null when it is larger than {@code max} bytes (or unreadable). */
    public static byte[] read(HttpServletRequest request, int max) {
        long declared = request.getContentLengthLong();
        if (declared > max) {
            return null;
        }
        byte[] buffer = new byte[declared >= 0 ? (int) declared : Math.min(max + 1, 8192)];
        int length = 0;
        try (InputStream in = request.getInputStream()) {
            while (true) {
                if (length == buffer.length) {
                    if (buffer.length > max) {
                        return null;
                    }
                    buffer = Arrays.copyOf(buffer, Math.min(max + 1, buffer.length * 2 + 1));
                }
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
                if (length > max) {
                    return null;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
    }
}
