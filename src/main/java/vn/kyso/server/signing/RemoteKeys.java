package vn.kyso.server.signing;

import java.net.http.HttpClient;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.kyso.server.csc.client.CscCallException;
import vn.kyso.server.csc.client.CscConnection;
import vn.kyso.server.signing.SigningProperties.RemoteService;
import vn.kyso.server.signing.SigningRefusedException.Reason;
import vn.kyso.signing.DigestAlgorithm;

/**
 * Keys held by a remote-signing service that speaks the CSC API v2 (issue 15): the national
 * remote-signing services, another kyso, this one. Only the services of
 * {@code kyso.signing.remote-services} are ever called: a request names a service by its id,
 * never by an address. The officer signs in to the service with its account and password (or a
 * token it issued) for each request, and gives the key's PIN to that service only, for the very
 * hashes kyso prepared; kyso keeps the service's token in memory for a prepared handle's lifetime
 * and nothing after it.
 */
@Component
class RemoteKeys {

    /** A configured service as the console and {@code GET /api/v1/signatures/remote-services} show it. */
    record Service(String id, String name, String url) {
    }

    /**
     * How to reach the officer's remote key: the service's id, the credential's id on it, and one
     * way to sign in (an account and its password, or a bearer token). Never printed.
     */
    record Login(String service, String credential, String user, char[] password, char[] token) {
        @Override
        public String toString() {
            return "Login[" + service + ", " + credential + "]";
        }
    }

    /** A signed-in session with the service and the credential it described. */
    record Session(String service, CscConnection connection, CscConnection.Credential credential) {
        @Override
        public String toString() {
            return "Session[" + service + ", " + credential.id() + "]";
        }
    }

    private final SigningProperties properties;
    private final HttpClient http;

    RemoteKeys(SigningProperties properties) {
        this.properties = properties;
        this.http = CscConnection.client(properties.remoteTimeout());
    }

    List<Service> services() {
        return properties.remoteServices().entrySet().stream()
                .map(e -> new Service(e.getKey(), name(e.getKey(), e.getValue()), e.getValue().url())).toList();
    }

    /** Signs in to the named service and reads the credential's certificate chain. */
    Session open(Login login) {
        if (login.service() == null || login.service().isBlank()) {
            throw new SigningRefusedException(Reason.INVALID_FIELD, "remote service required", "remoteService");
        }
        RemoteService service = properties.remoteServices().get(login.service().strip());
        if (service == null) {
            throw new SigningRefusedException(Reason.REMOTE_SERVICE_UNKNOWN, "unknown remote service",
                    String.join(", ", properties.remoteServices().keySet()));
        }
        if (login.credential() == null || login.credential().isBlank()) {
            throw new SigningRefusedException(Reason.INVALID_FIELD, "credential required", "credential");
        }
        boolean byPassword = login.password() != null && login.password().length > 0;
        boolean byToken = login.token() != null && login.token().length > 0;
        if (byPassword == byToken || (byPassword && (login.user() == null || login.user().isBlank()))) {
            throw new SigningRefusedException(Reason.REMOTE_LOGIN_REQUIRED, "one way to sign in to the remote service");
        }
        String id = login.service().strip();
        String name = name(id, service);
        try {
            CscConnection connection = CscConnection.signIn(http, CscConnection.baseUrl(service.url()),
                    byPassword ? login.user().strip() : null, byPassword ? login.password() : null,
                    byToken ? login.token() : null, properties.remoteTimeout());
            return new Session(name, connection, connection.info(login.credential().strip()));
        } catch (CscCallException e) {
            throw refusal(name, e);
        }
    }

    /** The remote key's signatures of the hashes, in order: one PIN entry (SAD) per group the service allows. */
    List<byte[]> sign(Session session, List<byte[]> hashes, DigestAlgorithm digest, char[] pin) {
        if (pin == null || pin.length == 0) {
            throw new SigningRefusedException(Reason.CREDENTIAL_REQUIRED, "PIN required");
        }
        try {
            return session.connection().sign(session.credential(), hashes, digest, pin);
        } catch (CscCallException e) {
            throw refusal(session.service(), e);
        }
    }

    /** The service's failure in the user's words: its refusal with its own description, or its silence. */
    static SigningRefusedException refusal(String service, CscCallException e) {
        if (e.kind() == CscCallException.Kind.REFUSED) {
            return new SigningRefusedException(Reason.REMOTE_REFUSED, "the remote service refused " + e.method(),
                    service, e.method(), e.status(), e.description());
        }
        return new SigningRefusedException(Reason.REMOTE_UNAVAILABLE, "the remote service failed " + e.method(),
                service, e.method());
    }

    private static String name(String id, RemoteService service) {
        return service.name() == null || service.name().isBlank() ? id : service.name().strip();
    }
}
