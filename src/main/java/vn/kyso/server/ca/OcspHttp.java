package vn.kyso.server.ca;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What kyso's two OCSP front doors share, {@link OcspValve} on the main port and
 * {@link OcspListener} on a port of its own: which of the two forms of RFC 6960 appendix A a
 * request is, how its DER is taken out of a GET path, and the headers of every answer. One place,
 * so that both doors answer the same request alike.
 */
final class OcspHttp {

    static final String PATH = "/ocsp";
    /** An OCSP request is a few hundred bytes; anything much larger is not one. */
    static final int MAX_REQUEST = 64 * 1024;
    static final String RESPONSE_TYPE = "application/ocsp-response";
    /** Responses differ per request (nonce) and a status changes at once: no shared caching. */
    static final String CACHE_CONTROL = "no-cache";
    static final byte[] EMPTY = new byte[0];
    private static final String REQUEST_TYPE = "application/ocsp-request";

    private OcspHttp() {
    }

    /** The two forms of an OCSP request over HTTP. */
    enum Form {
        /** POST of {@code application/ocsp-request} to {@code /ocsp}: the DER is the body. */
        POST,
        /** GET {@code /ocsp/<url-encoded base64>}: the DER is in the path ({@link #fromPath}). */
        GET
    }

    /**
     * The form of a request, or null when it is neither (another path, method or content type).
     *
     * @param path the request's path below the context, without query
     */
    static Form form(String method, String path, String contentType) {
        if (!path.startsWith(PATH)) {
            return null;
        }
        if (path.length() == PATH.length()) {
            return "POST".equals(method) && isOcspRequest(contentType) ? Form.POST : null;
        }
        return path.charAt(PATH.length()) == '/' && "GET".equals(method) ? Form.GET : null;
    }

    /** Whether the path is one of the responder's, whatever the method: 405 rather than 404 elsewhere. */
    static boolean isOcspPath(String path) {
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    static boolean isOcspRequest(String contentType) {
        if (contentType == null) {
            return false;
        }
        int end = contentType.indexOf(';');
        String type = (end < 0 ? contentType : contentType.substring(0, end)).trim();
        return type.equalsIgnoreCase(REQUEST_TYPE);
    }

    /** The DER of a GET request whose path is {@code path} ({@link Form#GET}). */
    static byte[] fromGetPath(String path) {
        return fromPath(path.substring(PATH.length() + 1));
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
