package vn.kyso.server.ca;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.server.web.BoundedBody;

/**
 * The OCSP responder's HTTP path (RFC 6960 appendix A), answered in Tomcat before the servlet
 * filters and Spring MVC: relying parties call it many thousand times a second, anonymously,
 * and it needs neither security filters (it is public and sessionless), content negotiation nor
 * per-request logging. Only the two forms of the RFC are answered here ({@link OcspHttp#form});
 * anything else (another method or content type) goes on to {@link ProtocolEndpoints} as before.
 * {@link OcspListener} answers the same forms on a port of its own.
 */
final class OcspValve extends ValveBase {

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
        String path = start == 0 ? uri : uri.substring(start);
        OcspHttp.Form form = OcspHttp.form(request.getMethod(), path, request.getContentType());
        if (form == null) {
            getNext().invoke(request, response);
            return;
        }
        byte[] der;
        if (form == OcspHttp.Form.POST) {
            // a body larger than any OCSP request is never read whole; it is answered malformedRequest
            der = BoundedBody.read(request, OcspHttp.MAX_REQUEST);
            der = der == null ? OcspHttp.EMPTY : der;
        } else {
            der = OcspHttp.fromGetPath(path);
        }
        CertificateAuthority authority = ca;
        if (authority == null) {
            authority = caSource.get();
            ca = authority;
        }
        byte[] answer = authority.ocsp(der);
        response.setStatus(200);
        response.setContentType(OcspHttp.RESPONSE_TYPE);
        response.setHeader("Cache-Control", OcspHttp.CACHE_CONTROL);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }
}
