package vn.kyso.server.signing.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.server.signing.batch.BatchTestSupport.PIN;
import static vn.kyso.server.signing.batch.BatchTestSupport.basic;
import static vn.kyso.server.signing.batch.BatchTestSupport.multipart;
import static vn.kyso.server.signing.batch.BatchTestSupport.pdfs;
import static vn.kyso.server.signing.batch.BatchTestSupport.sha256;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import vn.kyso.server.TestHttp;
import vn.kyso.server.signing.batch.BatchTestSupport.Multipart;
import vn.kyso.signing.Certification;
import vn.kyso.signing.Indication;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.signing.testpki.TestPki;
import vn.kyso.signing.PdfVerifier;

/**
 * Batch signing jobs over HTTP, read as a script would: 202 with the job, the status JSON, the
 * progress as server-sent events (read by a plain HTTP client), the zip; who may see a job; the
 * limits and refusals, which store nothing.
 */
class BatchApiTest extends BatchServerTest {

    private static final String BATCHES = "/api/v1/signatures/batches";
    private static final Duration BOUND = Duration.ofSeconds(90);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PdfVerifier verifier;

    @Test
    void aBatchIsAcceptedSignedOneByOneStreamedAndDownloadedWithEachDocumentCountedOnce() {
        String officer = newOfficer("lo");

        HttpResponse<String> accepted = start(officer, multipart(Map.of("pin", PIN, "level", "B"), pdfs(3)));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode job = TestHttp.json(accepted);
        String id = job.get("id").asString();
        assertThat(accepted.headers().firstValue("Location")).contains(BATCHES + "/" + id);
        assertThat(job.get("total").asInt()).isEqualTo(3);

        Sse.Stream stream = Sse.read(http().url(BATCHES + "/" + id + "/events"),
                Map.of("Authorization", basic(officer, USER_PASSWORD)), e -> e.name().equals("finished"), BOUND);
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        List<Sse.Event> events = stream.events();
        assertThat(events).isNotEmpty();
        assertThat(events.subList(0, events.size() - 1)).allSatisfy(e -> assertThat(e.name()).isEqualTo("progress"));
        Sse.Event last = events.get(events.size() - 1);
        assertThat(last.name()).isEqualTo("finished");
        assertThat(last.data().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(last.data().get("signed").asInt()).isEqualTo(3);
        List<Integer> done = events.stream().map(e -> e.data().get("done").asInt()).toList();
        assertThat(done).isSorted();

        JsonNode status = TestHttp.json(http().basic(officer, USER_PASSWORD).get(BATCHES + "/" + id));
        assertThat(status.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(status.get("done").asInt()).isEqualTo(3);
        assertThat(status.get("failed").asInt()).isZero();
        List<String> hashes = new ArrayList<>();
        status.get("documents").forEach(d -> {
            assertThat(d.get("status").asString()).isEqualTo("SIGNED");
            hashes.add(d.get("signedSha256").asString());
        });

        HttpResponse<byte[]> zip = http().basic(officer, USER_PASSWORD).getBytes(BATCHES + "/" + id + "/result");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/zip");
        Map<String, byte[]> entries = BatchTestSupport.unzip(zip.body());
        assertThat(entries.keySet()).containsExactly("doc0-signed.pdf", "doc1-signed.pdf", "doc2-signed.pdf");
        assertThat(entries.values().stream().map(BatchTestSupport::sha256).toList()).containsExactlyElementsOf(hashes);
        entries.values().forEach(pdf -> assertThat(verifier.verify(pdf).signatures())
                .singleElement().satisfies(s -> assertThat(s.indication()).isEqualTo(Indication.VALID)));
        // counted: one SIGNED usage event per signed PDF, by its hash
        hashes.forEach(h -> assertThat(signedEvents(h)).as(h).isEqualTo(1));
        // the uploads are not kept once signed; only the signed PDFs, until the retention ends
        assertThat(jdbc.sql("SELECT COUNT(*) FROM server_signing_batch_document WHERE batch_id = ? AND content IS NOT NULL")
                .param(id).query(Long.class).single()).isZero();
    }

    @Test
    void aDocumentThatCannotBeSignedFailsAloneAndTheOthersAreSigned() {
        String officer = newOfficer("mot-loi");
        TestPki pki = TestPki.create();
        var author = pki.signer("Tác giả", TestPki.KeyType.EC_P256);
        ByteArrayOutputStream certified = new ByteArrayOutputStream();
        // certified "no changes": a valid PDF, refused only when the signature is added
        PdfSigner.builder().build().sign(SignRequest.builder(InMemorySigningKey.of(author.privateKey(), author.chain()),
                PadesLevel.B_B).certification(Certification.NO_CHANGES).build(), BatchTestSupport.onePagePdf(), certified);
        List<byte[]> documents = List.of(BatchTestSupport.onePagePdf(), certified.toByteArray(),
                BatchTestSupport.onePagePdf());

        String id = TestHttp.json(start(officer, multipart(Map.of("pin", PIN, "level", "B"), documents)))
                .get("id").asString();
        Sse.Stream stream = Sse.read(http().url(BATCHES + "/" + id + "/events"),
                Map.of("Authorization", basic(officer, USER_PASSWORD)), e -> e.name().equals("finished"), BOUND);

        JsonNode end = stream.events().get(stream.events().size() - 1).data();
        assertThat(end.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(end.get("signed").asInt()).isEqualTo(2);
        assertThat(end.get("failed").asInt()).isEqualTo(1);
        JsonNode failed = end.get("documents").get(1);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("failure").asString()).isEqualTo("CERTIFICATION_FORBIDS_CHANGES");
        assertThat(failed.get("signedSha256").isNull()).isTrue();
        Map<String, byte[]> zip = BatchTestSupport.unzip(
                http().basic(officer, USER_PASSWORD).getBytes(BATCHES + "/" + id + "/result").body());
        assertThat(zip.keySet()).containsExactly("doc0-signed.pdf", "doc2-signed.pdf");
        zip.values().forEach(pdf -> assertThat(signedEvents(sha256(pdf))).isEqualTo(1));
    }

    @Test
    void aClientThatReconnectsGetsTheCurrentStateFirst() {
        String officer = newOfficer("noilai");
        String id = TestHttp.json(start(officer, multipart(Map.of("pin", PIN, "level", "B"), pdfs(2))))
                .get("id").asString();
        Map<String, String> auth = Map.of("Authorization", basic(officer, USER_PASSWORD));
        String events = http().url(BATCHES + "/" + id + "/events");

        // the first connection leaves after the first event (the state at that moment)
        Sse.Stream first = Sse.read(events, auth, e -> true, BOUND);
        assertThat(first.events()).hasSize(1);
        int seen = first.events().get(0).data().get("done").asInt();
        // a new connection starts with the state now: never behind what was seen
        Sse.Stream again = Sse.read(events, auth, e -> true, BOUND);
        assertThat(again.events().get(0).data().get("done").asInt()).isGreaterThanOrEqualTo(seen);
        Sse.read(events, auth, e -> e.name().equals("finished"), BOUND);

        // once finished, a reconnecting client gets the final event at once, and the stream ends
        Sse.Stream after = Sse.read(events, auth, e -> false, BOUND);
        assertThat(after.events()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("finished");
            assertThat(e.data().get("done").asInt()).isEqualTo(2);
            assertThat(e.data().get("documents")).hasSize(2);
        });
    }

    @Test
    void aScriptWithAnApiTokenFollowsTheStreamToTheEndAndDownloadsTheZip() {
        String officer = newOfficer("token");
        String token = TestHttp.json(http().basic(officer, USER_PASSWORD).postJson("/api/v1/tokens",
                "{\"name\": \"batch\", \"validDays\": 1}")).get("token").asString();
        Multipart body = multipart(Map.of("pin", PIN, "level", "B"), pdfs(2));
        HttpResponse<String> accepted = http().bearer(token).post(BATCHES, body.contentType(), body.body());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = TestHttp.json(accepted).get("id").asString();

        // the stream and the zip are written after the request's thread returned (async dispatch)
        Sse.Stream stream = Sse.read(http().url(BATCHES + "/" + id + "/events"),
                Map.of("Authorization", "Bearer " + token), e -> false, BOUND);
        assertThat(stream.events().get(stream.events().size() - 1).name()).isEqualTo("finished");
        HttpResponse<byte[]> zip = http().bearer(token).getBytes(BATCHES + "/" + id + "/result");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(BatchTestSupport.unzip(zip.body())).hasSize(2);
    }

    @Test
    void onlyTheOwnerSeesAJob() {
        String owner = newOfficer("chu");
        String other = newOfficer("khac");
        String id = TestHttp.json(start(owner, multipart(Map.of("pin", PIN, "level", "B"), pdfs(1))))
                .get("id").asString();
        Sse.read(http().url(BATCHES + "/" + id + "/events"), Map.of("Authorization", basic(owner, USER_PASSWORD)),
                e -> e.name().equals("finished"), BOUND);

        for (String path : List.of("", "/events", "/result")) {
            HttpResponse<String> response = http().basic(other, USER_PASSWORD).get(BATCHES + "/" + id + path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(TestHttp.json(response).get("code").asString()).isEqualTo("NOT_FOUND");
            assertThat(response.body()).doesNotContain(owner);
        }
        assertThat(http().get(BATCHES + "/" + id).statusCode()).isEqualTo(401);
        assertThat(http().basic(auditor(), USER_PASSWORD).get(BATCHES + "/" + id).statusCode()).isEqualTo(403);
        assertThat(http().basic(owner, USER_PASSWORD).get(BATCHES + "/not-a-job").statusCode()).isEqualTo(404);
        assertThat(http().basic(owner, USER_PASSWORD).getBytes(BATCHES + "/" + id + "/result").statusCode())
                .isEqualTo(200);
    }

    @Test
    void refusalsAnswerAProblemAndStoreNothing() {
        String officer = newOfficer("tuchoi");
        long before = jobsOf(officer);

        HttpResponse<String> wrongPin = start(officer, multipart(Map.of("pin", "000000"), pdfs(2)));
        assertThat(wrongPin.statusCode()).isEqualTo(422);
        assertThat(TestHttp.json(wrongPin).get("code").asString()).isEqualTo("WRONG_PIN");
        assertThat(wrongPin.body()).doesNotContain("000000");

        HttpResponse<String> tooMany = start(officer, multipart(Map.of("pin", PIN), pdfs(21)));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(tooMany).get("code").asString()).isEqualTo("TOO_MANY_DOCUMENTS");

        List<byte[]> notPdf = List.of(BatchTestSupport.onePagePdf(), "plain text".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> bad = start(officer, multipart(Map.of("pin", PIN), notPdf));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(bad).get("code").asString()).isEqualTo("NOT_A_PDF");

        // the tests' server allows 1 MB per request (kyso.limits.max-upload-size)
        HttpResponse<String> tooLarge = start(officer, multipart(Map.of("pin", PIN), List.of(new byte[1_200_000])));
        assertThat(tooLarge.statusCode()).isEqualTo(413);

        HttpResponse<String> none = start(officer, multipart(Map.of("pin", PIN), List.of()));
        assertThat(none.statusCode()).isBetween(400, 499);

        HttpResponse<String> badLevel = start(officer, multipart(Map.of("pin", PIN, "level", "Z"), pdfs(2)));
        assertThat(badLevel.statusCode()).isEqualTo(400);

        assertThat(jobsOf(officer)).isEqualTo(before);
    }

    @Test
    void theConsoleStartsABatchAndFollowsItWithTheSession() {
        String officer = newOfficer("trang");
        TestHttp browser = http();
        HttpResponse<String> login = browser.login(officer, USER_PASSWORD);
        String page = browser.get("/sign").body();
        assertThat(page).contains("id=\"batch-progress\"", "/js/batch.js", "id=\"sign-form\"");
        String csrf = browser.csrfToken("/sign");

        Multipart form = multipart(Map.of("pin", PIN, "level", "B", "_csrf", csrf), pdfs(2));
        HttpResponse<String> started = browser.post("/sign/batches", form.contentType(), form.body());
        assertThat(started.statusCode()).isEqualTo(302);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/sign\\?batch=[0-9a-f]{32}");
        String id = location.substring(location.indexOf("batch=") + 6);

        // the session cookie the login set, for a second client reading the stream
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        Sse.Stream stream = Sse.read(browser.url("/sign/batches/" + id + "/events"), Map.of("Cookie", cookie),
                e -> e.name().equals("finished"), BOUND);
        assertThat(stream.events().get(stream.events().size() - 1).data().get("signed").asInt()).isEqualTo(2);
        assertThat(browser.getBytes("/sign/batches/" + id + "/result").statusCode()).isEqualTo(200);
        assertThat(browser.get(location.substring(location.indexOf("/sign"))).body()).contains("batch-progress");

        // a refusal comes back as the page's message, in Vietnamese by default
        Multipart wrong = multipart(Map.of("pin", "999999", "_csrf", csrf), pdfs(2));
        HttpResponse<String> refused = browser.post("/sign/batches", wrong.contentType(), wrong.body());
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/sign");
        assertThat(browser.get("/sign").body()).contains("PIN");
    }

    @Test
    void finishedJobsPastTheirRetentionArePurgedButRunningOnesAreNot() {
        String officer = newOfficer("xoa");
        String id = TestHttp.json(start(officer, multipart(Map.of("pin", PIN, "level", "B"), pdfs(1))))
                .get("id").asString();
        Sse.read(http().url(BATCHES + "/" + id + "/events"), Map.of("Authorization", basic(officer, USER_PASSWORD)),
                e -> e.name().equals("finished"), BOUND);
        long running = jdbc.sql("SELECT COUNT(*) FROM server_signing_batch WHERE status = 'RUNNING'")
                .query(Long.class).single();

        new BatchStore(jdbc).purge(java.time.Instant.now().plus(Duration.ofDays(1)));

        assertThat(http().basic(officer, USER_PASSWORD).get(BATCHES + "/" + id).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM server_signing_batch_document WHERE batch_id = ?").param(id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM server_signing_batch WHERE status = 'RUNNING'")
                .query(Long.class).single()).isEqualTo(running);
    }

    private HttpResponse<String> start(String username, Multipart body) {
        return http().basic(username, USER_PASSWORD).post(BATCHES, body.contentType(), body.body());
    }

    private long signedEvents(String sha256) {
        // the usage module stores the document hash as its 32 bytes
        return jdbc.sql("SELECT COUNT(*) FROM usage_event WHERE event_type = 'SIGNED' AND document_sha256 = ?")
                .param(java.util.HexFormat.of().parseHex(sha256)).query(Long.class).single();
    }

    private long jobsOf(String username) {
        long account = accounts.find(username).orElseThrow().id();
        return jdbc.sql("SELECT COUNT(*) FROM server_signing_batch WHERE account_id = ?").param(account)
                .query(Long.class).single();
    }
}
