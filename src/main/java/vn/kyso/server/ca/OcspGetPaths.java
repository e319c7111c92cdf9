package vn.kyso.server.ca;

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
 * answered by {@link OcspValve} before the filter chains.
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
        factory.addContextValves(new OcspValve(ca::getObject));
    }
}
