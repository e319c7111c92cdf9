package vn.kyso.server.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The calls of the CSC API v2 that {@code kyso sign --csc} makes, as the spec has them
 * ({@code auth/login}, {@code credentials/info}, {@code credentials/authorize},
 * {@code signatures/signHash}). A refusal becomes one line with the service's
 * {@code error_description}; the PIN, password and token never appear in a message.
 */
final class CscClient {

    /** What {@code credentials/info} says of a credential: its chain (signer first) and batch limit. */
    record Credential(List<X509Certificate> chain, int multisign) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient http;
    private String authorization;

    private CscClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in: {@code auth/login} with the account's password, or the bearer token as it is. */
    static CscClient signIn(KeySource.Csc key) {
        CscClient client = new CscClient(key.base());
        if (key.token() != null) {
            client.authorization = "Bearer " + new String(key.token());
            return client;
        }
        client.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (key.user() + ":" + new String(key.password())).getBytes(StandardCharsets.UTF_8));
        JsonNode login = client.call("auth/login", JSON.createObjectNode());
        client.authorization = "Bearer " + text(login, "access_token", "auth/login");
        return client;
    }

    Credential info(String credentialId) {
        ObjectNode body = JSON.createObjectNode().put("credentialID", credentialId).put("certificates", "chain");
        JsonNode info = call("credentials/info", body);
        List<X509Certificate> chain = new ArrayList<>();
        JsonNode certificates = info.path("cert").path("certificates");
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (JsonNode c : certificates) {
                chain.add((X509Certificate) factory.generateCertificate(
                        new java.io.ByteArrayInputStream(Base64.getDecoder().decode(c.asString()))));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new CliFailure(ExitCodes.ERROR, "csc.badAnswer", "credentials/info");
        }
        if (chain.isEmpty()) {
            throw new CliFailure(ExitCodes.ERROR, "csc.badAnswer", "credentials/info");
        }
        int multisign = info.path("multisign").asInt(1);
        return new Credential(chain, Math.max(1, multisign));
    }

    /** {@code credentials/authorize}: the PIN for exactly these hashes; returns the SAD. */
    String authorize(String credentialId, List<byte[]> hashes, String hashOid, char[] pin) {
        ObjectNode body = JSON.createObjectNode().put("credentialID", credentialId).put("numSignatures", hashes.size())
                .put("hashAlgorithmOID", hashOid).put("PIN", new String(pin));
        hashes.forEach(h -> body.withArray("hashes").add(Base64.getEncoder().encodeToString(h)));
        return text(call("credentials/authorize", body), "SAD", "credentials/authorize");
    }

    /** {@code signatures/signHash}: one raw signature value (ECDSA: DER) per hash, in order. */
    List<byte[]> signHash(String credentialId, String sad, List<byte[]> hashes, String hashOid, String signAlgo) {
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
            throw new CliFailure(ExitCodes.ERROR, "csc.badAnswer", "signatures/signHash");
        }
        if (values.size() != hashes.size()) {
            throw new CliFailure(ExitCodes.ERROR, "csc.badAnswer", "signatures/signHash");
        }
        return values;
    }

    private JsonNode call(String method, ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/" + method)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.ERROR, "csc.unreachable", base);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.ERROR, "csc.unreachable", base);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (JacksonException e) {
            answer = null;
        }
        if (response.statusCode() != 200) {
            String why = answer == null ? "" : answer.path("error_description").asString(answer.path("error").asString(""));
            throw new CliFailure(ExitCodes.ERROR, "csc.refused", method, response.statusCode(), oneLine(why));
        }
        if (answer == null || !answer.isObject()) {
            throw new CliFailure(ExitCodes.ERROR, "csc.badAnswer", method);
        }
        return answer;
    }

    private static String text(JsonNode node, String field, String method) {
        String value = node.path(field).asString("");
        if (value.isEmpty()) {
            throw new CliFailure(ExitCodes.ERROR, "csc.badAnswer", method);
        }
        return value;
    }

    /** The service's words on one short line: a hostile answer cannot paint the terminal. */
    private static String oneLine(String text) {
        String clean = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return clean.length() > 200 ? clean.substring(0, 200) + "..." : clean;
    }
}
