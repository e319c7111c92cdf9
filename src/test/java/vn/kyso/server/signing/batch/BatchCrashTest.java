package vn.kyso.server.signing.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import vn.kyso.server.signing.batch.BatchTestSupport.Multipart;

/**
 * Crash safety of batch signing: kyso runs as a child process, a batch of 30 documents is
 * started, and the process is killed with SIGKILL once a few documents are signed. After a
 * restart on the same data, every document is either signed (its PDF stored) and counted
 * (exactly one SIGNED usage event with its SHA-256), or neither; the job reads interrupted; the
 * signed ones are still downloadable; the CA's audit chain verifies. On H2 in file mode (the
 * embedded default) and on PostgreSQL (skipped when it does not answer, unless
 * {@code KYSO_TEST_POSTGRES_REQUIRED=true}, as in CI).
 */
class BatchCrashTest {

    private static final int DOCUMENTS = 30;
    private static final String PG_ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=3";
    private static final String PIN = BatchTestSupport.PIN;
    private static final String USER_PASSWORD = "Can-bo-Thu-nghiem-2026";
    private static final String ADMIN = BatchTestSupport.basic("admin", KysoProcess.ADMIN_PASSWORD);
    private static final Duration BOUND = Duration.ofSeconds(120);

    @TempDir
    Path data;

    @Test
    @Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aBatchKilledMidwayLeavesEachDocumentSignedAndCountedOrNeitherOnH2() throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("kyso") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";
        crashAndCheck(List.of(), Map.of(), () -> DriverManager.getConnection(url, "kyso", ""));
    }

    @Test
    @Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aBatchKilledMidwayLeavesEachDocumentSignedAndCountedOrNeitherOnPostgres() throws Exception {
        String name = "kyso_batch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        boolean created = admin("CREATE DATABASE " + name);
        if (!created && "true".equalsIgnoreCase(System.getenv("KYSO_TEST_POSTGRES_REQUIRED"))) {
            fail("PostgreSQL does not answer at 127.0.0.1:5432 and KYSO_TEST_POSTGRES_REQUIRED=true");
        }
        assumeTrue(created, "PostgreSQL at 127.0.0.1:5432 does not answer");
        String url = "jdbc:postgresql://127.0.0.1:5432/" + name;
        try {
            crashAndCheck(List.of("--spring.profiles.active=postgres"),
                    Map.of("KYSO_DB_URL", url, "KYSO_DB_USER", "postgres", "KYSO_DB_PASSWORD", ""),
                    () -> DriverManager.getConnection(url, "postgres", ""));
        } finally {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private interface Database {
        Connection open() throws SQLException;
    }

    private void crashAndCheck(List<String> arguments, Map<String, String> environment, Database database)
            throws Exception {
        List<String> args = new java.util.ArrayList<>(arguments);
        // room for the 30 documents of one batch; a quick heartbeat, so the restart finds the job silent soon
        args.addAll(List.of("--kyso.signing.max-batch-files=" + DOCUMENTS, "--kyso.signing.batches.heartbeat=1s",
                "--kyso.signing.batches.signing-threads=1"));
        try (KysoProcess kyso = new KysoProcess(data, args, environment)) {
            kyso.start();
            String officer = officerToken(kyso);

            Multipart batch = BatchTestSupport.multipart(Map.of("pin", PIN), BatchTestSupport.pdfs(DOCUMENTS));
            HttpResponse<String> accepted = kyso.post("/api/v1/signatures/batches", officer, batch.contentType(),
                    batch.body());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String job = "/api/v1/signatures/batches/" + KysoProcess.json(accepted).get("id").asString();
            kyso.await(job, officer, j -> j.get("done").asInt() >= 3, BOUND);
            kyso.kill();

            kyso.start();
            JsonNode after = kyso.await(job, officer, j -> j.get("status").asString().equals("INTERRUPTED"), BOUND);
            int signed = after.get("signed").asInt();
            assertThat(signed).as("documents signed before the kill").isGreaterThanOrEqualTo(3).isLessThan(DOCUMENTS);
            assertThat(after.get("done").asInt()).isEqualTo(DOCUMENTS);
            Map<String, String> reported = new HashMap<>();
            after.get("documents").forEach(d -> {
                String status = d.get("status").asString();
                assertThat(status).isIn("SIGNED", "FAILED");
                if (status.equals("FAILED")) {
                    assertThat(d.get("failure").asString()).isEqualTo("INTERRUPTED");
                } else {
                    reported.put(d.get("filename").asString() + "#" + d.get("position").asInt(),
                            d.get("signedSha256").asString());
                }
            });

            // the signed ones stay downloadable, exactly those
            HttpResponse<byte[]> zip = kyso.getBytes(job + "/result", officer);
            assertThat(zip.statusCode()).isEqualTo(200);
            assertThat(BatchTestSupport.unzip(zip.body()).values().stream().map(BatchTestSupport::sha256).toList())
                    .containsExactlyInAnyOrderElementsOf(reported.values());

            JsonNode audit = KysoProcess.json(kyso.get("/api/v1/audit/verification", ADMIN));
            assertThat(audit.get("intact").asBoolean()).as(audit.toString()).isTrue();
            assertThat(audit.get("entriesChecked").asLong()).isPositive();

            kyso.stop();
            try (Connection db = database.open()) {
                checkEachDocumentSignedAndCountedOrNeither(db, signed);
            }
        }
    }

    /** The database itself, read after the service stopped: the guarantee, document by document. */
    private static void checkEachDocumentSignedAndCountedOrNeither(Connection db, int signed) throws SQLException {
        int signedRows = 0;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT position, status, signed_pdf, signed_sha256, content FROM server_signing_batch_document")) {
            while (rs.next()) {
                String status = rs.getString(2);
                byte[] pdf = rs.getBytes(3);
                String sha = rs.getString(4);
                assertThat(rs.getBytes(5)).as("no upload is left once the job ended").isNull();
                if (status.equals("SIGNED")) {
                    signedRows++;
                    assertThat(pdf).isNotNull();
                    assertThat(BatchTestSupport.sha256(pdf)).isEqualTo(sha.strip());
                    assertThat(signedEvents(db, sha.strip())).as("SIGNED events of document " + rs.getInt(1))
                            .isEqualTo(1);
                } else {
                    assertThat(status).isEqualTo("FAILED");
                    assertThat(pdf).isNull();
                    assertThat(sha).isNull();
                }
            }
        }
        assertThat(signedRows).isEqualTo(signed);
        // no SIGNED event for a document that is not signed: the fresh database holds no other
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM usage_event WHERE event_type = 'SIGNED'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(signedRows);
        }
        // and the rollups the reports read agree with the events
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(signed), 0) FROM usage_daily")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(signedRows);
        }
    }

    private static long signedEvents(Connection db, String sha256) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(
                "SELECT COUNT(*) FROM usage_event WHERE event_type = 'SIGNED' AND document_sha256 = ?")) {
            s.setBytes(1, java.util.HexFormat.of().parseHex(sha256)); // stored as its 32 bytes
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** An officer with a custody certificate under {@link #PIN}, made through the admin API; its bearer token. */
    private static String officerToken(KysoProcess kyso) throws Exception {
        String unit = KysoProcess.json(kyso.get("/api/v1/units", ADMIN)).get(0).get("code").asString();
        long subscriber = kyso.postJson("/api/v1/subscribers/officers", ADMIN, """
                {"fullName": "Lê Văn Ký", "positionTitle": "Chuyên viên", "cccd": "%s",
                 "email": "ky@camau.gov.vn", "unitCode": "%s"}""".formatted(BatchTestSupport.twelveDigits(), unit))
                .get("id").asLong();
        String serial = kyso.postJson("/api/v1/certificates/custody", ADMIN, """
                {"subscriberId": %d, "profile": "personal", "allowExport": false}"""
                .formatted(subscriber)).get("serial").asString();
        kyso.postJson("/api/v1/accounts", ADMIN, """
                {"username": "canbo", "displayName": "Lê Văn Ký", "password": "Mot-lan-canbo-2026",
                 "roles": ["OFFICER"], "subscriberId": "%d"}""".formatted(subscriber));
        String firstLogin = BatchTestSupport.basic("canbo", "Mot-lan-canbo-2026");
        kyso.postJson("/api/v1/account/password", firstLogin, """
                {"currentPassword": "Mot-lan-canbo-2026", "newPassword": "%s"}""".formatted(USER_PASSWORD));
        kyso.putJson("/api/v1/signatures/keys/" + serial + "/pin", BatchTestSupport.basic("canbo", USER_PASSWORD),
                "{\"newPin\": \"" + PIN + "\"}"); // the officer chooses the PIN (issue 13)
        JsonNode token = kyso.postJson("/api/v1/tokens", BatchTestSupport.basic("canbo", USER_PASSWORD),
                "{\"name\": \"crash-test\", \"validDays\": 1}");
        return "Bearer " + token.get("token").asString();
    }

    private static boolean admin(String sql) {
        try (Connection c = DriverManager.getConnection(PG_ADMIN, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
