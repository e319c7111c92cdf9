package vn.kyso.server.config;

import java.net.URI;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The base URL under which this kyso is reachable: {@code kyso.public-url} when set, otherwise
 * {@code http://127.0.0.1:<port>} of the running server, so that a kyso started on one machine
 * is a complete PKI (its certificates point at its own OCSP, CRL and CA certificate URLs).
 * The port is known only once the web server runs (it may be random), hence a component
 * rather than a fixed value.
 */
@Component
public class PublicUrl {

    private final URI configured;
    private volatile URI resolved;

    public PublicUrl(KysoProperties properties) {
        this.configured = properties.publicUrl();
        this.resolved = configured;
    }

    @EventListener
    void onWebServerStarted(WebServerInitializedEvent event) {
        if (configured == null && event.getApplicationContext().getServerNamespace() == null) {
            resolved = URI.create("http://127.0.0.1:" + event.getWebServer().getPort());
        }
    }

    /** The base URL without a trailing slash; fails if asked before the server listens. */
    public String base() {
        URI url = resolved;
        if (url == null) {
            throw new IllegalStateException("public URL asked before the web server started; set kyso.public-url");
        }
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** An absolute URL for a path of this service, e.g. {@code resolve("/ocsp")}. */
    public String resolve(String path) {
        return base() + (path.startsWith("/") ? path : "/" + path);
    }
}
