package vn.kyso.server.ca;

import java.util.Locale;

import vn.kyso.server.ca.OcspConnection.Refusal;

/**
 * The request line and headers of one HTTP/1.x request to {@link OcspListener}, parsed strictly
 * (RFC 9112) and refused with the HTTP status that says why: only the two OCSP forms of
 * {@link OcspHttp} get through.
 *
 * @param form            which of the two forms it is
 * @param path            the path, without query
 * @param contentLength   the body's length (0 for GET)
 * @param keepAlive       whether the client keeps the connection for another request
 * @param expectsContinue whether it waits for "100 Continue" before sending its body
 */
record OcspRequestHead(OcspHttp.Form form, String path, long contentLength, boolean keepAlive,
                       boolean expectsContinue) {

    /** The head, from the request line to the empty line, as ISO-8859-1 text. */
    static OcspRequestHead parse(String head) throws Refusal {
        int lineEnd = head.indexOf('\n');
        String requestLine = stripCr(head.substring(0, lineEnd));
        int space = requestLine.indexOf(' ');
        int secondSpace = requestLine.indexOf(' ', space + 1);
        if (space <= 0 || secondSpace < 0 || requestLine.indexOf(' ', secondSpace + 1) >= 0) {
            throw new Refusal(400);
        }
        String method = requestLine.substring(0, space);
        String target = requestLine.substring(space + 1, secondSpace);
        String version = requestLine.substring(secondSpace + 1);
        boolean http11 = version.equals("HTTP/1.1");
        if (!http11 && !version.equals("HTTP/1.0")) {
            throw new Refusal(version.matches("HTTP/\\d\\.\\d") ? 505 : 400);
        }

        String contentType = null;
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        boolean keepAliveAsked = false;
        boolean expectsContinue = false;
        int hosts = 0;
        for (int at = lineEnd + 1; at < head.length(); ) {
            int end = head.indexOf('\n', at);
            String line = stripCr(head.substring(at, end));
            at = end + 1;
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            // no folded lines, no space before the colon (RFC 9112 5.1, 5.2)
            if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t' || line.charAt(colon - 1) == ' '
                    || line.charAt(colon - 1) == '\t') {
                throw new Refusal(400);
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> {
                    long length = contentLength(value);
                    if (contentLength >= 0 && contentLength != length) {
                        throw new Refusal(400);
                    }
                    contentLength = length;
                }
                case "content-type" -> contentType = value;
                case "transfer-encoding" -> chunked = true;
                case "host" -> hosts++;
                case "expect" -> expectsContinue = value.equalsIgnoreCase("100-continue");
                case "connection" -> {
                    for (String token : value.toLowerCase(Locale.ROOT).split(",")) {
                        close |= token.strip().equals("close");
                        keepAliveAsked |= token.strip().equals("keep-alive");
                    }
                }
                default -> {
                    // not needed to answer OCSP
                }
            }
        }
        if (http11 && hosts != 1 || hosts > 1) {
            throw new Refusal(400);
        }

        String path = path(target);
        if (!OcspHttp.isOcspPath(path)) {
            throw new Refusal(404);
        }
        OcspHttp.Form form = OcspHttp.form(method, path, contentType);
        if (form == null) {
            boolean bare = path.equals(OcspHttp.PATH);
            throw bare && method.equals("POST") ? new Refusal(415) : new Refusal(405, bare ? "POST" : "GET");
        }
        if (form == OcspHttp.Form.POST) {
            if (chunked || contentLength < 0) {
                throw new Refusal(411);
            }
            if (contentLength > OcspHttp.MAX_REQUEST) {
                throw new Refusal(413);
            }
        } else if (chunked || contentLength > 0) {
            throw new Refusal(400); // a GET carries its request in the path, never a body
        }
        boolean keepAlive = http11 ? !close : keepAliveAsked && !close;
        return new OcspRequestHead(form, path, Math.max(0, contentLength), keepAlive, http11 && expectsContinue);
    }

    /** The path of an origin-form ("/ocsp/...") or absolute-form ("http://host/ocsp/...") target, without query. */
    private static String path(String target) throws Refusal {
        String path = target;
        if (!target.startsWith("/")) {
            int scheme = target.indexOf("://");
            String lower = target.toLowerCase(Locale.ROOT);
            if (scheme < 0 || !(lower.startsWith("http://") || lower.startsWith("https://"))) {
                throw new Refusal(400);
            }
            int slash = target.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : target.substring(slash);
        }
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static long contentLength(String value) throws Refusal {
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Refusal(400);
        }
        return Long.parseLong(value);
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
