package vn.kyso.server.production;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.server.trust.AnchoredDocuments.anchorOf;
import static vn.kyso.server.trust.AnchoredDocuments.pem;
import static vn.kyso.server.trust.AnchoredDocuments.signedUnder;
import static vn.kyso.server.trust.AnchoredDocuments.trustedUnder;
import static vn.kyso.server.trust.AnchoredDocuments.verifiedUntil;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.kyso.server.TestDatabase;
import vn.kyso.server.TestHttp;
import vn.kyso.signing.testpki.TestPki;
import vn.kyso.signing.testpki.TestPkiServer;

/**
 * Trust anchors across two kyso processes on one PostgreSQL database (the shape of
 * {@link TwoInstancesTest}): an anchor added in the first one's console makes a document signed
 * under it trusted, and named, on the second within seconds; retired through the second's API,
 * the first stops trusting it within seconds. Both seed the same anchor from
 * {@code kyso.verification.trust-anchors}: one row, one audit entry. Needs PostgreSQL.
 */
class TrustAnchorsAcrossInstancesTest {

    private static final String ADMIN_PASSWORD = "Quan-tri-Goc-Tin-Cay-2026";
    private static final String LABEL = "CA phục vụ các cơ quan Nhà nước (thử)";

    private static String database;
    private static TestPkiServer government;
    private static TestPki seeded;
    private static KysoProcess first;
    private static KysoProcess second;
    private static Path dataDir;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        if (!TestDatabase.postgresAnswers()) {
            if ("true".equalsIgnoreCase(System.getenv("KYSO_TEST_POSTGRES_REQUIRED"))) {
                throw new IllegalStateException("PostgreSQL does not answer at 127.0.0.1:5432 and "
                        + "KYSO_TEST_POSTGRES_REQUIRED=true: the two-instance test needs it");
            }
            Assumptions.abort("two kyso instances need one PostgreSQL: none answers at 127.0.0.1:5432");
        }
        government = TestPkiServer.start();
        seeded = TestPki.create();
        database = TestDatabase.createDatabase("kyso_anchors");
        dataDir = Files.createDirectories(Path.of("target", "test-data", "anchors-" + UUID.randomUUID()))
                .toAbsolutePath();
        Path seedFile = Files.writeString(dataDir.resolve("seed.pem"), pem(seeded.root().certificate()));
        int portA = KysoProcess.freePort();
        int portB = KysoProcess.freePort();
        Map<String, String> environment = Map.of(
                "KYSO_DB_URL", database,
                "KYSO_DB_USER", "postgres",
                "KYSO_DATA_DIR", dataDir.toString(),
                "KYSO_CA_PASSPHRASE", "Cum-tu-khoa-CA-Goc-Tin-Cay-2026-17",
                "KYSO_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "KYSO_PUBLIC_URL", "http://127.0.0.1:" + portA,
                "KYSO_VERIFICATION_TRUSTANCHORS_0", seedFile.toString());
        List<String> arguments = List.of("--spring.profiles.active=postgres");
        first = KysoProcess.start("anchors-first", portA, environment, arguments);
        first.awaitHealthy(Duration.ofMinutes(4));
        second = KysoProcess.start("anchors-second", portB, environment, arguments);
        second.awaitHealthy(Duration.ofMinutes(4));
    }

    @AfterAll
    static void stop() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        if (government != null) {
            government.close();
        }
        if (database != null) {
            TestDatabase.dropDatabase(database.substring(database.lastIndexOf('/') + 1));
        }
    }

    @Test
    void anAnchorAddedInOneConsoleIsTrustedByTheOtherAndRetiredOnBothWithinSeconds() throws Exception {
        byte[] signed = signedUnder(government, dataDir, "Trần Văn Công Vụ");
        TestHttp onSecond = new TestHttp(second.port());
        TestHttp onFirst = new TestHttp(first.port());
        assertThat(verifiedUntil(onSecond, signed, s -> true).get("subIndication").asString())
                .isEqualTo("NO_CERTIFICATE_CHAIN_FOUND");

        TestHttp console = new TestHttp(first.port());
        assertThat(console.login("admin", ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> added = console.postMultipart("/admin/trust-anchors", "file", "g2.pem",
                pem(anchorOf(government)).getBytes(StandardCharsets.US_ASCII), Map.of("_csrf",
                        console.csrfToken("/admin/trust-anchors"), "label", LABEL, "forSignatures", "true",
                        "forTimestamps", "true"));
        assertThat(added.statusCode()).isEqualTo(302);

        long addedAt = System.nanoTime();
        JsonNode onB = verifiedUntil(onSecond, signed, s -> trustedUnder(s, LABEL));
        assertThat(onB.get("indication").asString()).as(onB.toString()).isEqualTo("VALID");
        assertThat(onB.get("trustAnchor").asString()).isEqualTo(LABEL);
        assertThat(Duration.ofNanos(System.nanoTime() - addedAt)).isLessThan(Duration.ofSeconds(10));

        TestHttp admin = new TestHttp(second.port()).basic("admin", ADMIN_PASSWORD);
        JsonNode listed = TestHttp.json(admin.get("/api/v1/trust-anchors"));
        long id = listed.valueStream().filter(a -> a.get("label").asString().equals(LABEL)).findFirst().orElseThrow()
                .get("id").asLong();
        assertThat(listed.valueStream().filter(a -> a.get("source").asString().equals("SETTING")).toList())
                .as("the setting's anchor, seeded by both instances, is one row").hasSize(1);
        assertThat(admin.postJson("/api/v1/trust-anchors/" + id + "/retire", "").statusCode()).isEqualTo(200);

        JsonNode onA = verifiedUntil(onFirst, signed, s -> !"VALID".equals(s.get("indication").asString()));
        assertThat(onA.get("indication").asString()).isEqualTo("INDETERMINATE");
        assertThat(onA.get("subIndication").asString()).isEqualTo("NO_CERTIFICATE_CHAIN_FOUND");
        assertThat(onA.get("trustAnchor").isNull()).isTrue();

        List<String> audited = TestHttp.json(admin.get("/api/v1/audit?limit=1000")).valueStream()
                .map(e -> e.get("action").asString()).filter(a -> a.startsWith("TRUST_ANCHOR")).toList();
        assertThat(audited).containsExactly("TRUST_ANCHOR_SEEDED", "TRUST_ANCHOR_ADDED", "TRUST_ANCHOR_RETIRED");
    }
}
