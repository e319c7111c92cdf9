package vn.kyso.server.ca;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

import vn.kyso.ca.CertificateAuthority;

/**
 * The OCSP responder's HTTP path (RFC 6960 appendix A), answered in Tomcat before the servlet
 * filters and Spring MVC: relying parties call it many thousand times a second, anonymously,
 * and it needs neither security filters (it is public and sessionless), content negotiation nor
 * per-request logging. Only the two forms of the RFC are answered here: POST of
 * {@code application/ocsp-request} to {@code /ocsp}, and GET {@code /ocsp/<url-encoded base64>};
 * anything else (another method or content type) goes on to {@link ProtocolEndpoints} as before.
 */
final class OcspValve extends ValveBase {

    static final String PATH = "/ocsp";
    /** An OCSP request is a few hundred bytes; anything much larger is not one. */
    static final int MAX_REQUEST = 64 * 1024;
    private static final String REQUEST_TYPE = "application/ocsp-request";
    private static final String RESPONSE_TYPE = "application/ocsp-response";
    private static final byte[] EMPTY = new byte[0];

    private final Supplier<CertificateAuthority> caSource;
    private volatile CertificateAuthority ca;

    OcspValve(Supplier<CertificateAuthority> ca) {
        super(true);
        this.caSource = ca;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String uri = request.getRequestURI();
        int start = request.getContextPath().length();
        if (!uri.startsWith(PATH, start)) {
            getNext().invoke(request, response);
            return;
        }
        boolean bare = uri.length() == start + PATH.length();
        boolean withPath = !bare && uri.charAt(start + PATH.length()) == '/';
        String method = request.getMethod();
        byte[] der;
        if (bare && "POST".equals(method) && isOcspRequest(request.getContentType())) {
            der = body(request);
        } else if (withPath && "GET".equals(method)) {
            der = fromPath(uri.substring(start + PATH.length() + 1));
        } else {
            getNext().invoke(request, response);
            return;
        }
        CertificateAuthority authority = ca;
        if (authority == null) {
            authority = caSource.get();
            ca = authority;
        }
        byte[] answer = authority.ocsp(der);
        response.setStatus(200);
        response.setContentType(RESPONSE_TYPE);
        // responses differ per request (nonce) and a status changes at once: no shared caching
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }

    private static boolean isOcspRequest(String contentType) {
        if (contentType == null) {
            return false;
        }
        int end = contentType.indexOf(';');
        String type = (end < 0 ? contentType : contentType.substring(0, end)).trim();
        return type.equalsIgnoreCase(REQUEST_TYPE);
    }

    /** The body, or nothing (answered malformedRequest) when it is larger than any OCSP request. */
    private static byte[] body(Request request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > MAX_REQUEST) {
            return EMPTY;
        }
        byte[] buffer = new byte[declared >= 0 ? (int) declared : 1024];
        int length = 0;
        try (InputStream in = request.getInputStream()) {
            while (true) {
                if (length == buffer.length) {
                    if (declared >= 0 || length >= MAX_REQUEST + 1) {
                        break;
                    }
                    buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_REQUEST + 1));
                }
                int read = in.read(buffer, length, buffer.length - length);
                if (read < 0) {
                    break;
                }
                length += read;
            }
        }
        if (length > MAX_REQUEST) {
            return EMPTY;
        }
        return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
    }

    /** RFC 6960 A.1: the base64 of the DER request, URL-encoded ('/' may come as %2F), as the path's rest. */
    static byte[] fromPath(String encoded) {
        try {
            String base64 = encoded.indexOf('%') < 0 && encoded.indexOf('+') < 0 ? encoded
                    : URLDecoder.decode(encoded, StandardCharsets.UTF_8);
            return Base64.getDecoder().decode(base64.replace(' ', '+'));
        } catch (IllegalArgumentException notBase64) {
            return EMPTY; // the responder answers malformedRequest
        }
    }
}
