package vn.kyso.server.ca;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.kyso.ca.CertificateAuthority;

/**
 * One {@link OcspListener} thread's HTTP/1.0 and 1.1: it reads the requests of the connection the
 * thread accepted and answers each itself, the two RFC 6960 forms as {@link OcspValve} does
 * ({@link OcspHttp}), anything else with a short 4xx and the connection closed. Everything a
 * client sends is bounded: the request line and headers ({@link #MAX_HEAD}), the body
 * ({@link OcspHttp#MAX_REQUEST}), each wait for bytes (read timeout) and a whole request
 * (request timeout), so that no client holds a thread longer than that. Its buffers are reused
 * from one connection to the next: a thread serves one connection at a time.
 */
final class OcspConnection {

    /** The request line and headers of an OCSP request are a few hundred bytes. */
    static final int MAX_HEAD = 8 * 1024;
    /** After a refusal, what is read (and dropped) at most so that the client reads the answer, not a reset. */
    private static final int MAX_DRAIN = 64 * 1024;
    private static final long DRAIN_MILLIS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(OcspConnection.class);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final byte[] STATUS_OK = ascii("HTTP/1.1 200 OK\r\n");
    private static final byte[] OK_HEADERS = ascii("Content-Type: " + OcspHttp.RESPONSE_TYPE
            + "\r\nCache-Control: " + OcspHttp.CACHE_CONTROL + "\r\nX-Content-Type-Options: nosniff\r\nContent-Length: ");
    private static final byte[] CONTINUE = ascii("HTTP/1.1 100 Continue\r\n\r\n");
    private static final byte[] KEEP_ALIVE = ascii("\r\nConnection: keep-alive\r\n");
    private static final byte[] CLOSE = ascii("\r\nConnection: close\r\n");
    private static final byte[] END = ascii("\r\n");

    private final CertificateAuthority ca;
    private final Clock clock;
    private final int readTimeoutMillis;
    private final long requestTimeoutNanos;
    private final int maxRequests;
    /** Bytes read and not yet used: in[start, end) (the rest of a head, a body, a pipelined request). */
    private final byte[] in = new byte[MAX_HEAD];
    private int start;
    private int end;
    private byte[] out = new byte[4 * 1024];
    private long dateSecond = Long.MIN_VALUE;
    private byte[] dateLine;
    /** The connection being served, for {@link OcspListener#stop} to close. */
    volatile Socket current;

    OcspConnection(CertificateAuthority ca, Clock clock, CaProperties.Listener settings) {
        this.ca = ca;
        this.clock = clock;
        this.readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, settings.readTimeout().toMillis());
        this.requestTimeoutNanos = settings.requestTimeout().toNanos();
        this.maxRequests = settings.maxKeepAliveRequests();
    }

    /** Answers the connection's requests until it is to close; the caller closes it. */
    void serve(Socket socket) throws IOException {
        start = 0;
        end = 0;
        InputStream input = socket.getInputStream();
        OutputStream output = socket.getOutputStream();
        for (int served = 1; ; served++) {
            // the time a request may take counts from when the listener waits for it
            long deadline = System.nanoTime() + requestTimeoutNanos;
            byte[] answer;
            boolean keepAlive;
            try {
                OcspRequestHead request = readHead(socket, input, deadline);
                if (request == null) {
                    return; // closed, or idle too long, between requests
                }
                keepAlive = request.keepAlive() && served < maxRequests;
                byte[] der = request.form() == OcspHttp.Form.GET ? OcspHttp.fromGetPath(request.path())
                        : readBody(socket, input, output, request, deadline);
                answer = ca.ocsp(der);
            } catch (Refusal refusal) {
                refuse(socket, output, refusal.status, refusal.allow);
                return;
            } catch (SocketTimeoutException slow) {
                refuse(socket, output, 408, null);
                return;
            } catch (RuntimeException e) {
                LOG.warn("OCSP listener: the responder failed", e);
                refuse(socket, output, 500, null);
                return;
            }
            write(output, answer, keepAlive);
            if (!keepAlive) {
                return;
            }
        }
    }

    /** The next request's line and headers, or null when the client closed or stayed idle before sending any. */
    private OcspRequestHead readHead(Socket socket, InputStream input, long deadline) throws IOException, Refusal {
        while (true) {
            skipEmptyLines();
            int headEnd = headEnd();
            if (headEnd >= 0) {
                String head = new String(in, start, headEnd - start, StandardCharsets.ISO_8859_1);
                start = headEnd;
                return OcspRequestHead.parse(head);
            }
            if (end - start >= MAX_HEAD) {
                throw new Refusal(431);
            }
            if (end == in.length) {
                System.arraycopy(in, start, in, 0, end - start);
                end -= start;
                start = 0;
            }
            boolean begun = end > start;
            int n;
            try {
                n = read(socket, input, in, end, in.length - end, deadline);
            } catch (SocketTimeoutException idle) {
                if (begun) {
                    throw idle;
                }
                return null;
            }
            if (n < 0) {
                return null;
            }
            end += n;
        }
    }

    /** RFC 9112 2.2: empty lines before a request line are ignored. */
    private void skipEmptyLines() {
        while (start < end && (in[start] == '\r' || in[start] == '\n')) {
            start++;
        }
    }

    /** The index after the empty line that ends the head in in[start, end), or -1. */
    private int headEnd() {
        for (int i = start + 1; i < end; i++) {
            if (in[i] == '\n' && (in[i - 1] == '\n' || i - 2 >= start && in[i - 1] == '\r' && in[i - 2] == '\n')) {
                return i + 1;
            }
        }
        return -1;
    }

    private byte[] readBody(Socket socket, InputStream input, OutputStream output, OcspRequestHead request, long deadline)
            throws IOException {
        int length = (int) request.contentLength();
        byte[] body = new byte[length];
        int have = Math.min(length, end - start);
        System.arraycopy(in, start, body, 0, have);
        start += have;
        if (have < length && request.expectsContinue()) {
            output.write(CONTINUE);
        }
        while (have < length) {
            int n = read(socket, input, body, have, length - have, deadline);
            if (n < 0) {
                throw new EOFException("the client closed in the middle of a body");
            }
            have += n;
        }
        return body;
    }

    /** One read, waiting at most the read timeout and no later than the request's deadline. */
    private int read(Socket socket, InputStream input, byte[] buffer, int offset, int length, long deadline)
            throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("request timeout");
        }
        socket.setSoTimeout((int) Math.min(readTimeoutMillis, TimeUnit.NANOSECONDS.toMillis(left) + 1));
        return input.read(buffer, offset, length);
    }

    /** The head and the answer in one write: one segment for the client to wait for. */
    private void write(OutputStream output, byte[] answer, boolean keepAlive) throws IOException {
        byte[] date = date();
        byte[] length = ascii(Integer.toString(answer.length));
        byte[] connection = keepAlive ? KEEP_ALIVE : CLOSE;
        int size = STATUS_OK.length + date.length + OK_HEADERS.length + length.length + connection.length
                + END.length + answer.length;
        if (out.length < size) {
            out = new byte[Math.max(size, out.length * 2)];
        }
        int at = put(STATUS_OK, 0);
        at = put(date, at);
        at = put(OK_HEADERS, at);
        at = put(length, at);
        at = put(connection, at);
        at = put(END, at);
        at = put(answer, at);
        output.write(out, 0, at);
    }

    private int put(byte[] bytes, int at) {
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return at + bytes.length;
    }

    /** A short plain-text answer, then the connection is closed (what was left unread is drained a little). */
    private void refuse(Socket socket, OutputStream output, int status, String allow) {
        String reason = reason(status);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\n" + new String(date(), StandardCharsets.US_ASCII)
                + "Content-Type: text/plain; charset=us-ascii\r\nContent-Length: " + (reason.length() + 1) + "\r\n"
                + (allow == null ? "" : "Allow: " + allow + "\r\n") + "Connection: close\r\n\r\n" + reason + "\n";
        try {
            output.write(ascii(head));
            socket.shutdownOutput();
            if (status != 408) {
                drain(socket);
            }
        } catch (IOException gone) {
            // the client is gone: nothing more to tell it
        }
    }

    /** Reads what the client still sends, a little, so that closing does not reset the answer away. */
    private void drain(Socket socket) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
        InputStream input = socket.getInputStream();
        int drained = 0;
        while (drained < MAX_DRAIN) {
            int n = read(socket, input, in, 0, in.length, deadline);
            if (n < 0) {
                return;
            }
            drained += n;
        }
    }

    /** The Date header line (RFC 9110 6.6.1), formatted once a second. */
    private byte[] date() {
        long millis = clock.millis();
        long second = Math.floorDiv(millis, 1000);
        if (second != dateSecond) {
            dateLine = ascii("Date: " + HTTP_DATE.format(Instant.ofEpochSecond(second)) + "\r\n");
            dateSecond = second;
        }
        return dateLine;
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 411 -> "Length Required";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 431 -> "Request Header Fields Too Large";
            case 505 -> "HTTP Version Not Supported";
            default -> "Internal Server Error";
        };
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A request answered with an HTTP error and the connection closed; no stack trace (it is not a failure). */
    static final class Refusal extends Exception {
        final int status;
        final String allow;

        Refusal(int status) {
            this(status, null);
        }

        Refusal(int status, String allow) {
            super(null, null, false, false);
            this.status = status;
            this.allow = allow;
        }
    }
}
