package vn.kyso.server.csc.client;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import vn.kyso.server.csc.client.CscCallException.Kind;
import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.SigningException;

/**
 * A signed-in session with a CSC API v2 service: the calls of the spec that sign with a remote
 * key, and {@link #sign} which gives the PIN once per group of as many hashes as the credential's
 * {@code multisign} allows (one SAD per group, bound to its hashes) and returns one raw signature
 * value per hash, in order. Every call has a time limit and a size limit on the answer: a slow or
 * hostile service costs a bounded wait and a {@link CscCallException}, never a hang. The bearer
 * token lives in this object only; no PIN, password or token appears in a message.
 */
public final class CscConnection {

    /** What {@code credentials/info} says of a credential: its chain (signer first) and batch limit. */
    public record Credential(String id, List<X509Certificate> chain, int multisign) {
        public Credential {
            chain = List.copyOf(chain);
        }

        public X509Certificate certificate() {
            return chain.get(0);
        }
    }

    /** The most an answer of a CSC service may weigh (a chain of certificates, a few hundred signatures). */
    static final int MAX_ANSWER_BYTES = 1 << 20;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;
    private String authorization;

    private CscConnection(HttpClient http, URI base, Duration timeout) {
        this.http = http;
        this.base = base;
        this.timeout = timeout;
    }

    /**
     * The HTTP client for CSC calls: no redirects (a service that redirects a PIN elsewhere is
     * not followed), no cookies. One serves every connection of a process: each client owns a
     * selector thread.
     */
    public static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Signs in: {@code auth/login} with the account's password (HTTP Basic), or with the bearer
     * token as it is (exactly one of the two). {@code timeout} limits each call.
     */
    public static CscConnection signIn(HttpClient http, URI base, String user, char[] password, char[] token,
            Duration timeout) {
        if ((password == null) == (token == null)) {
            throw new IllegalArgumentException("an account password or a bearer token, exactly one");
        }
        CscConnection connection = new CscConnection(http, base, timeout);
        if (token != null) {
            connection.authorization = "Bearer " + new String(token);
            return connection;
        }
        connection.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + new String(password)).getBytes(StandardCharsets.UTF_8));
        JsonNode login = connection.call("auth/login", JSON.createObjectNode(), password);
        connection.authorization = "Bearer " + text(login, "access_token", "auth/login");
        return connection;
    }

    /**
     * A CSC service's base URL (the part before {@code /credentials/...}) without a trailing
     * slash: http or https, a host, no user info, query or fragment.
     *
     * @throws IllegalArgumentException when the value is not such a URL
     */
    public static URI baseUrl(String value) {
        String v = value == null ? "" : value.strip();
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("not an http(s) base URL: " + value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an http(s) base URL: " + value, e);
        }
    }

    /** {@code credentials/info} with the whole chain. */
    public Credential info(String credentialId) {
        ObjectNode body = JSON.createObjectNode().put("credentialID", credentialId).put("certificates", "chain");
        JsonNode info = call("credentials/info", body);
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (JsonNode c : info.path("cert").path("certificates")) {
                chain.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(Base64.getDecoder().decode(c.asString()))));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new CscCallException(Kind.BAD_ANSWER, "credentials/info", 200, "");
        }
        if (chain.isEmpty()) {
            throw new CscCallException(Kind.BAD_ANSWER, "credentials/info", 200, "");
        }
        return new Credential(credentialId, chain, Math.max(1, info.path("multisign").asInt(1)));
    }

    /** {@code credentials/authorize}: the PIN for exactly these hashes; returns the SAD. */
    public String authorize(String credentialId, List<byte[]> hashes, String hashOid, char[] pin) {
        ObjectNode body = JSON.createObjectNode().put("credentialID", credentialId).put("numSignatures", hashes.size())
                .put("hashAlgorithmOID", hashOid).put("PIN", new String(pin));
        hashes.forEach(h -> body.withArray("hashes").add(Base64.getEncoder().encodeToString(h)));
        return text(call("credentials/authorize", body, pin), "SAD", "credentials/authorize");
    }

    /** {@code signatures/signHash}: one raw signature value (ECDSA: DER) per hash, in order. */
    public List<byte[]> signHash(String credentialId, String sad, List<byte[]> hashes, String hashOid,
            String signAlgo) {
        ObjectNode body = JSON.createObjectNode().put("credentialID", credentialId).put("SAD", sad)
                .put("hashAlgorithmOID", hashOid).put("signAlgo", signAlgo);
        hashes.forEach(h -> body.withArray("hashes").add(Base64.getEncoder().encodeToString(h)));
        JsonNode signatures = call("signatures/signHash", body).path("signatures");
        List<byte[]> values = new ArrayList<>();
        try {
            for (JsonNode s : signatures) {
                values.add(Base64.getDecoder().decode(s.asString()));
            }
        } catch (IllegalArgumentException e) {
            throw new CscCallException(Kind.BAD_ANSWER, "signatures/signHash", 200, "");
        }
        if (values.size() != hashes.size()) {
            throw new CscCallException(Kind.BAD_ANSWER, "signatures/signHash", 200, "");
        }
        return values;
    }

    /**
     * Signs the hashes with the credential's key: one {@code credentials/authorize} (the PIN, one
     * SAD) and one {@code signHash} per group of at most {@code multisign} hashes.
     */
    public List<byte[]> sign(Credential credential, List<byte[]> hashes, DigestAlgorithm digest, char[] pin) {
        String hashOid = digest.oid().getId();
        String signAlgo = signAlgo(credential.certificate().getPublicKey(), digest);
        List<byte[]> values = new ArrayList<>(hashes.size());
        for (int from = 0; from < hashes.size(); from += credential.multisign()) {
            List<byte[]> group = hashes.subList(from, Math.min(hashes.size(), from + credential.multisign()));
            String sad = authorize(credential.id(), group, hashOid, pin);
            values.addAll(signHash(credential.id(), sad, group, hashOid, signAlgo));
        }
        return values;
    }

    /** sha*WithRSAEncryption (PKCS#1 v1.5) or ecdsa-with-SHA*, as the signer certificate's key asks. */
    static String signAlgo(PublicKey key, DigestAlgorithm digest) {
        int n = switch (digest) {
            case SHA256 -> 0;
            case SHA384 -> 1;
            case SHA512 -> 2;
        };
        if (key instanceof RSAPublicKey) {
            return "1.2.840.113549.1.1." + (11 + n);
        }
        if (key instanceof ECPublicKey) {
            return "1.2.840.10045.4.3." + (2 + n);
        }
        throw new SigningException(SigningException.ErrorCode.UNSUPPORTED_KEY,
                "the credential's key is neither RSA nor EC: " + key.getAlgorithm());
    }

    /** One call; {@code secrets} given in the body are scrubbed from anything the service says back. */
    private JsonNode call(String method, ObjectNode body, char[]... secrets) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/" + method)).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<byte[]> response;
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request,
                info -> new BoundedAnswer(MAX_ANSWER_BYTES));
        try {
            response = pending.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS); // connect, then the answer
        } catch (ExecutionException e) {
            throw tooLarge(e) ? new CscCallException(Kind.BAD_ANSWER, method, 0, "")
                    : new CscCallException(Kind.UNREACHABLE, method, 0, "");
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new CscCallException(Kind.UNREACHABLE, method, 0, "");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new CscCallException(Kind.UNREACHABLE, method, 0, "");
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (JacksonException e) {
            answer = null;
        }
        if (response.statusCode() != 200) {
            String why = answer == null ? ""
                    : answer.path("error_description").asString(answer.path("error").asString(""));
            throw new CscCallException(Kind.REFUSED, method, response.statusCode(), clean(why, secrets));
        }
        if (answer == null || !answer.isObject()) {
            throw new CscCallException(Kind.BAD_ANSWER, method, 200, "");
        }
        return answer;
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BoundedAnswer.TooLarge) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode node, String field, String method) {
        String value = node.path(field).asString("");
        if (value.isEmpty()) {
            throw new CscCallException(Kind.BAD_ANSWER, method, 200, "");
        }
        return value;
    }

    /**
     * The service's words on one short line, without the secrets of the call: a hostile answer
     * can neither paint a terminal nor echo a PIN into a log or a page.
     */
    static String clean(String text, char[]... secrets) {
        String clean = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        for (char[] secret : secrets) {
            if (secret != null && secret.length > 0) {
                clean = clean.replace(new String(secret), "***");
            }
        }
        return clean.length() > 200 ? clean.substring(0, 200) + "..." : clean;
    }
}
