package vn.kyso.server.config;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The base URL under which this kyso is reachable: {@code kyso.public-url} when set, otherwise
 * {@code http://127.0.0.1:<server.port>}, so that a kyso started on one machine is a complete
 * PKI (its certificates point at its own OCSP, CRL and CA certificate URLs). The CA writes it
 * into certificates, so it is known before the server listens; only a random port (0) is
 * learnt later, from the running server.
 */
@Component
public class PublicUrl {

    private static final Logger log = LoggerFactory.getLogger(PublicUrl.class);

    private final boolean configured;
    private volatile String base;

    public PublicUrl(KysoProperties properties, Environment environment) {
        URI url = properties.publicUrl();
        this.configured = url != null;
        String port = environment.getProperty("server.port", "8080");
        if (configured) {
            base = strip(url.toString());
        } else if ("0".equals(port)) {
            log.warn("server.port is random (0) and kyso.public-url is not set: URLs known before start use port 8080");
            base = "http://127.0.0.1:8080";
        } else {
            base = "http://127.0.0.1:" + port;
        }
    }

    @EventListener
    void onWebServerStarted(WebServerInitializedEvent event) {
        if (!configured && event.getApplicationContext().getServerNamespace() == null) {
            base = "http://127.0.0.1:" + event.getWebServer().getPort();
        }
    }

    /** The base URL without a trailing slash. */
    public String base() {
        return base;
    }

    /** An absolute URL for a path of this service, e.g. {@code resolve("/ocsp")}. */
    public String resolve(String path) {
        return base + (path.startsWith("/") ? path : "/" + path);
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
