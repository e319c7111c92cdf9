package vn.kyso.server.ca;

import org.apache.coyote.http11.Http11Nio2Protocol;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import vn.kyso.ca.CertificateAuthority;

/**
 * OCSP over Tomcat. RFC 6960 OCSP over GET puts the URL-encoded base64 request in the path, so a
 * '/' of base64 arrives as %2F, which Tomcat rejects by default. Tomcat may decode it: Spring MVC
 * matches on the raw (still encoded) URI, so the request stays one path variable, and the
 * security firewall then sees no '%' in the decoded path. The two RFC forms of OCSP requests are
 * answered by {@link OcspValve} before the filter chains, as the engine's first valve; the
 * connector is Tomcat's NIO2 one (below).
 */
@Component
class OcspGetPaths implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ObjectProvider<CertificateAuthority> ca;

    /** The CA is looked up at the first request: the web server is configured before the CA exists. */
    OcspGetPaths(ObjectProvider<CertificateAuthority> ca) {
        this.ca = ca;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("decode"));
        // Relying parties (and OpenSSL's own client) open a connection per OCSP request. Tomcat's
        // NIO connector hands each new connection from its acceptor to its poller and then to a
        // worker; NIO2's asynchronous channels take one hand-off less, which on two busy cores was
        // 3,223 -> 3,512-3,641 signed answers a second with ApacheBench (docs/benchmarks.md).
        factory.setProtocol(Http11Nio2Protocol.class.getName());
        // First valve of the engine: no remote-address, host or context valve runs for OCSP.
        factory.addEngineValves(new OcspValve(ca::getObject));
    }
}
