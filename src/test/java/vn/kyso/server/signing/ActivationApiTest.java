package vn.kyso.server.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.server.signing.SignatureApiTest.problem;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.RevocationReason;
import vn.kyso.signing.Indication;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.SignatureReport;

/**
 * Key activations over the API: the PIN once, then a token for a bounded number of signatures,
 * and a clear problem for each way a token can be unusable.
 */
class ActivationApiTest extends SigningTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ACTIVATIONS = "/api/v1/signatures/activations";

    @Autowired
    PdfVerifier verifier;

    @Test
    void onePinEntryAllowsTheGrantedSignaturesThroughTheFieldOrTheHeaderThenIsExhausted() {
        Signer officer = newOfficer("kichhoat");
        int before = events().size();

        HttpResponse<String> created = activate(officer.username(), "{\"pin\":\"" + PIN + "\",\"signatures\":3,\"ttl\":600}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        JsonNode body = JSON.readTree(created.body());
        String token = body.get("token").asString();
        assertThat(token).startsWith("kysa_");
        assertThat(body.get("certificate").asString()).isEqualTo(officer.serial());
        assertThat(body.get("signaturesLeft").asInt()).isEqualTo(3);
        Instant expires = Instant.parse(body.get("expiresAt").asString());
        assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofSeconds(500), Duration.ofSeconds(601));
        assertThat(created.headers().firstValue("Location").orElseThrow())
                .endsWith(ACTIVATIONS + "/" + body.get("id").asLong());

        HttpResponse<byte[]> byField = post(officer.username(), "/api/v1/signatures",
                multipart(Map.of("activation", token), List.of(Map.entry("file", onePagePdf()))));
        assertThat(byField.statusCode()).as(text(byField)).isEqualTo(200);
        SignatureReport signature = verifier.verify(byField.body()).signatures().get(0);
        assertThat(signature.indication()).as(signature.problems().toString()).isEqualTo(Indication.VALID);
        assertThat(signature.level()).isEqualTo(PadesLevel.B_LT);
        assertThat(signature.certificateSerial()).isEqualTo(officer.serial());

        HttpResponse<byte[]> byHeader = postWithHeader(officer.username(), "/api/v1/signatures", token,
                multipart(Map.of("level", "B"), List.of(Map.entry("file", onePagePdf()))));
        assertThat(byHeader.statusCode()).as(text(byHeader)).isEqualTo(200);

        HttpResponse<byte[]> batchTooBig = post(officer.username(), "/api/v1/signatures/batch", multipart(
                Map.of("activation", token), List.of(Map.entry("file", onePagePdf()), Map.entry("file", onePagePdf()))));
        JsonNode exhausted = problem(batchTooBig, 409);
        assertThat(exhausted.get("code").asString()).isEqualTo("ACTIVATION_EXHAUSTED");
        assertThat(exhausted.get("signaturesLeft").asInt()).isEqualTo(1);

        HttpResponse<byte[]> last = post(officer.username(), "/api/v1/signatures",
                multipart(Map.of("activation", token), List.of(Map.entry("file", onePagePdf()))));
        assertThat(last.statusCode()).as(text(last)).isEqualTo(200);
        HttpResponse<byte[]> none = post(officer.username(), "/api/v1/signatures?lang=en",
                multipart(Map.of("activation", token), List.of(Map.entry("file", onePagePdf()))));
        JsonNode noneLeft = problem(none, 409);
        assertThat(noneLeft.get("signaturesLeft").asInt()).isZero();
        assertThat(noneLeft.get("detail").asString()).contains("0 signature");

        JsonNode state = TestHttp2.json(http().basic(officer.username(), USER_PASSWORD)
                .get(ACTIVATIONS + "/" + body.get("id").asLong()));
        assertThat(state.get("signaturesLeft").asInt()).isZero();
        assertThat(state.has("token")).isFalse();
        List<DocumentSigned> published = SignatureApiTest.signedEventsSince(before);
        assertThat(published).filteredOn(e -> e.outcome() == DocumentSigned.Outcome.SIGNED).hasSize(3);
        assertThat(published).filteredOn(e -> e.outcome() == DocumentSigned.Outcome.FAILED)
                .extracting(DocumentSigned::failure).containsOnly("ACTIVATION_EXHAUSTED");
    }

    @Test
    void aWrongPinActivatesNothingAndSaysHowManyAttemptsAreLeft() {
        Signer officer = newOfficer("saipin");

        HttpResponse<String> response = activate(officer.username(), "{\"pin\":\"999999\",\"signatures\":10}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo("WRONG_PIN");
        assertThat(problem.get("attemptsLeft").asInt()).isEqualTo(4);
        assertThat(response.body()).doesNotContain("999999").doesNotContain("kysa_");
    }

    @Test
    void someoneElsesTokenIsRefusedAndTakesNothing() {
        Signer owner = newOfficer("chu");
        Signer other = newOfficer("khac");
        JsonNode activation = created(owner.username(), 5);

        HttpResponse<byte[]> response = post(other.username(), "/api/v1/signatures", multipart(
                Map.of("activation", activation.get("token").asString()), List.of(Map.entry("file", onePagePdf()))));

        assertThat(problem(response, 403).get("code").asString()).isEqualTo("ACTIVATION_NOT_YOURS");
        assertThat(http().basic(other.username(), USER_PASSWORD).delete(ACTIVATIONS + "/" + activation.get("id").asLong())
                .statusCode()).isEqualTo(403);
        assertThat(TestHttp2.json(http().basic(owner.username(), USER_PASSWORD)
                .get(ACTIVATIONS + "/" + activation.get("id").asLong())).get("signaturesLeft").asInt()).isEqualTo(5);
    }

    @Test
    void anEndedOrExpiredActivationIsGoneAndAnUnknownTokenIsNotFound() throws InterruptedException {
        Signer officer = newOfficer("ketthuc");
        JsonNode activation = created(officer.username(), 5);

        assertThat(http().basic(officer.username(), USER_PASSWORD).delete(ACTIVATIONS + "/" + activation.get("id").asLong())
                .statusCode()).isEqualTo(204);
        HttpResponse<byte[]> ended = post(officer.username(), "/api/v1/signatures", multipart(
                Map.of("activation", activation.get("token").asString()), List.of(Map.entry("file", onePagePdf()))));
        assertThat(problem(ended, 410).get("code").asString()).isEqualTo("ACTIVATION_EXPIRED");

        HttpResponse<String> shortOne = activate(officer.username(), "{\"pin\":\"" + PIN + "\",\"signatures\":5,\"ttl\":\"PT1S\"}");
        assertThat(shortOne.statusCode()).as(shortOne.body()).isEqualTo(201);
        Thread.sleep(1100); // the server's clock is the real one: wait out the one-second lifetime
        HttpResponse<byte[]> expired = post(officer.username(), "/api/v1/signatures", multipart(
                Map.of("activation", JSON.readTree(shortOne.body()).get("token").asString()),
                List.of(Map.entry("file", onePagePdf()))));
        assertThat(problem(expired, 410).get("detail").asString()).contains("hết hạn");

        HttpResponse<byte[]> unknown = post(officer.username(), "/api/v1/signatures", multipart(
                Map.of("activation", "kysa_khong-co"), List.of(Map.entry("file", onePagePdf()))));
        assertThat(problem(unknown, 404).get("code").asString()).isEqualTo("ACTIVATION_UNKNOWN");
    }

    @Test
    void revokingOrSuspendingTheCertificateStopsTheActivationAtOnce() {
        Signer suspended = newOfficer("tamdung");
        String token = created(suspended.username(), 5).get("token").asString();
        ca.suspend("test", new BigInteger(suspended.serial(), 16));
        HttpResponse<byte[]> response = post(suspended.username(), "/api/v1/signatures",
                multipart(Map.of("activation", token), List.of(Map.entry("file", onePagePdf()))));
        assertThat(problem(response, 422).get("code").asString()).isEqualTo("CERTIFICATE_SUSPENDED");

        ca.release("test", new BigInteger(suspended.serial(), 16));
        response = post(suspended.username(), "/api/v1/signatures",
                multipart(Map.of("activation", token), List.of(Map.entry("file", onePagePdf()))));
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);

        ca.revoke("test", new BigInteger(suspended.serial(), 16), RevocationReason.AFFILIATION_CHANGED);
        response = post(suspended.username(), "/api/v1/signatures",
                multipart(Map.of("activation", token), List.of(Map.entry("file", onePagePdf()))));
        assertThat(problem(response, 422).get("code").asString()).isEqualTo("CERTIFICATE_REVOKED");
    }

    @Test
    void disablingTheAccountStopsItsActivations() {
        Signer officer = newOfficer("nghiviec");
        String token = created(officer.username(), 5).get("token").asString();
        long accountId = accounts.find(officer.username()).orElseThrow().id();

        accounts.setEnabled("test", accountId, false);
        HttpResponse<byte[]> response = post(officer.username(), "/api/v1/signatures",
                multipart(Map.of("activation", token), List.of(Map.entry("file", onePagePdf()))));

        assertThat(response.statusCode()).isEqualTo(401);
        accounts.setEnabled("test", accountId, true);
    }

    @Test
    void limitsMissingFieldsAndMixedCredentialsAreBadRequests() {
        Signer officer = newOfficer("gioihan");
        JsonNode tooMany = JSON.readTree(activate(officer.username(), "{\"pin\":\"" + PIN + "\",\"signatures\":1001}").body());
        assertThat(tooMany.get("status").asInt()).isEqualTo(400);
        assertThat(tooMany.get("code").asString()).isEqualTo("ACTIVATION_LIMIT");
        assertThat(tooMany.get("detail").asString()).contains("1.000").contains("15");
        assertThat(JSON.readTree(activate(officer.username(), "{\"pin\":\"" + PIN + "\",\"signatures\":5,\"ttl\":\"PT1H\"}")
                .body()).get("code").asString()).isEqualTo("ACTIVATION_LIMIT");
        assertThat(JSON.readTree(activate(officer.username(), "{\"pin\":\"" + PIN + "\"}").body()).get("code").asString())
                .isEqualTo("INVALID_FIELD");
        assertThat(JSON.readTree(activate(officer.username(), "{\"pin\":\"" + PIN + "\",\"signatures\":5,\"ttl\":\"soon\"}")
                .body()).get("code").asString()).isEqualTo("INVALID_FIELD");
        assertThat(ca.isKeyLocked(new BigInteger(officer.serial(), 16))).isFalse();

        HttpResponse<byte[]> neither = post(officer.username(), "/api/v1/signatures",
                multipart(Map.of(), List.of(Map.entry("file", onePagePdf()))));
        assertThat(problem(neither, 400).get("code").asString()).isEqualTo("CREDENTIAL_REQUIRED");
        String token = created(officer.username(), 2).get("token").asString();
        HttpResponse<byte[]> both = post(officer.username(), "/api/v1/signatures",
                multipart(Map.of("pin", PIN, "activation", token), List.of(Map.entry("file", onePagePdf()))));
        assertThat(problem(both, 400).get("code").asString()).isEqualTo("INVALID_FIELD");
    }

    @Test
    void aClerkActivatesTheAgencyCertificateForAppendicesAndCopies() {
        CertificateRecord agency = newAgencyCertificate();
        String clerk = newClerk();
        put("admin", ADMIN_PASSWORD, "/api/v1/certificates/" + agency.serialHex() + "/clerks/" + clerk, null);
        HttpResponse<String> form = http().basic(clerk, USER_PASSWORD).postForm(ACTIVATIONS,
                Map.of("certificate", agency.serialHex(), "pin", PIN, "signatures", "2"));
        assertThat(form.statusCode()).as(form.body()).isEqualTo(201);
        String token = JSON.readTree(form.body()).get("token").asString();

        HttpResponse<byte[]> appendix = postWithHeader(clerk, "/api/v1/signatures/appendix", token, multipart(
                Map.of("documentNumber", "12/KH-UBND"), List.of(Map.entry("file", onePagePdf()))));
        HttpResponse<byte[]> copy = post(clerk, "/api/v1/signatures/copy", multipart(
                Map.of("activation", token, "copyKind", "SAO_Y"), List.of(Map.entry("file", onePagePdf()))));

        assertThat(appendix.statusCode()).as(text(appendix)).isEqualTo(200);
        assertThat(copy.statusCode()).as(text(copy)).isEqualTo(200);
        assertThat(verifier.verify(copy.body()).allValid()).isTrue();
    }

    @Test
    void theTokenAndPinNeverReachTheLogs() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel(org.slf4j.Logger.ROOT_LOGGER_NAME, LogLevel.DEBUG);
        String token;
        try {
            Signer officer = newOfficer("nhatky");
            token = created(officer.username(), 2).get("token").asString();
            postWithHeader(officer.username(), "/api/v1/signatures", token,
                    multipart(Map.of("level", "B"), List.of(Map.entry("file", onePagePdf()))));
            post(newOfficer("nguoila").username(), "/api/v1/signatures",
                    multipart(Map.of("activation", token), List.of(Map.entry("file", onePagePdf()))));
            post(officer.username(), "/api/v1/signatures", multipart(Map.of("activation", token + "x"),
                    List.of(Map.entry("file", onePagePdf()))));
        } finally {
            captured.stop();
            logging.setLogLevel(org.slf4j.Logger.ROOT_LOGGER_NAME, LogLevel.INFO);
            root.detachAppender(captured);
        }
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : captured.list) {
            if (event.getLoggerName().startsWith("jdk.")) {
                continue; // the test's own HTTP client
            }
            lines.add(event.getFormattedMessage());
            lines.add(String.valueOf(event.getMDCPropertyMap()));
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                lines.add(t.getMessage());
            }
        }
        assertThat(lines).hasSizeGreaterThan(20);
        String secretPart = token.substring("kysa_".length(), "kysa_".length() + 20);
        assertThat(String.join("\n", lines)).doesNotContain(secretPart).doesNotContain(PIN);
    }

    private HttpResponse<String> activate(String username, String json) {
        return http().basic(username, USER_PASSWORD).postJson(ACTIVATIONS, json);
    }

    private JsonNode created(String username, int signatures) {
        HttpResponse<String> response = activate(username, "{\"pin\":\"" + PIN + "\",\"signatures\":" + signatures + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private HttpResponse<byte[]> postWithHeader(String username, String path, String token, Multipart multipart) {
        return http().basic(username, USER_PASSWORD).header(SignatureApi.ACTIVATION_HEADER, token)
                .postBytes(path, multipart.contentType(), multipart.body());
    }

    /** JSON of a String response, via the shared test client's mapper. */
    private static final class TestHttp2 {
        static JsonNode json(HttpResponse<String> response) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body().getBytes(StandardCharsets.UTF_8));
        }
    }
}
