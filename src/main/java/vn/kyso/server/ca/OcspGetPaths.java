package vn.kyso.server.ca;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * RFC 6960 OCSP over GET puts the URL-encoded base64 request in the path, so a '/' of base64
 * arrives as %2F, which Tomcat rejects by default. Tomcat may decode it: Spring MVC matches on
 * the raw (still encoded) URI, so the request stays one path variable, and the security
 * firewall then sees no '%' in the decoded path.
 */
@Component
class OcspGetPaths implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("decode"));
    }
}
