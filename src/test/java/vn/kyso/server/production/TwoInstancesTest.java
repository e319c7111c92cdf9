package vn.kyso.server.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.kyso.server.TestDatabase;
import vn.kyso.server.TestHttp;

/**
 * Two kyso processes behind one imaginary load balancer: one PostgreSQL database, one data folder
 * (the CA keystore), the same CA passphrase. Issuance, revocation, signing and CRL publication go
 * through both at once; then no serial is duplicated, CRL numbers only grow, every revocation is in
 * the newest CRL and answered by the other instance's OCSP, and every signing is counted exactly once.
 * Needs PostgreSQL at 127.0.0.1:5432: skipped without it, failed without it when
 * {@code KYSO_TEST_POSTGRES_REQUIRED=true} (CI).
 */
class TwoInstancesTest {

    private static final String ADMIN_PASSWORD = "Quan-tri-Hai-May-2026";
    private static final String CA_PASSPHRASE = "Cum-tu-khoa-CA-Hai-May-2026-0042";
    private static final String USER_PASSWORD = "Can-bo-Hai-May-2026";
    private static final String PIN = "135791";
    private static final String WRONG_PIN = "864209";
    private static final int OFFICERS = 4;
    private static final int SIGNINGS_EACH = 3;
    private static final int TO_REVOKE = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static String database;
    private static Path dataDir;
    private static KysoProcess first;
    private static KysoProcess second;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        if (!TestDatabase.postgresAnswers()) {
            if ("true".equalsIgnoreCase(System.getenv("KYSO_TEST_POSTGRES_REQUIRED"))) {
                throw new IllegalStateException("PostgreSQL does not answer at 127.0.0.1:5432 and "
                        + "KYSO_TEST_POSTGRES_REQUIRED=true: the two-instance test needs it");
            }
            Assumptions.abort("two kyso instances need one PostgreSQL: none answers at 127.0.0.1:5432 "
                    + "(CI sets KYSO_TEST_POSTGRES_REQUIRED=true and runs this test)");
        }
        database = TestDatabase.createDatabase("kyso_two");
        dataDir = Files.createDirectories(Path.of("target", "test-data", "two-" + UUID.randomUUID())).toAbsolutePath();
        int portA = KysoProcess.freePort();
        int portB = KysoProcess.freePort();
        // Behind a load balancer both would name the balancer's URL; here the first instance's.
        Map<String, String> environment = Map.of(
                "KYSO_DB_URL", database,
                "KYSO_DB_USER", "postgres",
                "KYSO_DATA_DIR", dataDir.toString(),
                "KYSO_CA_PASSPHRASE", CA_PASSPHRASE,
                "KYSO_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "KYSO_PUBLIC_URL", "http://127.0.0.1:" + portA);
        // one admin issues and links here; second-person approval is DualControlTest's (issue 13)
        List<String> arguments = List.of("--spring.profiles.active=postgres", "--kyso.security.dual-control.enabled=false");
        // The first start creates the CA and the admin: start one, wait for it, then the other.
        first = KysoProcess.start("first", portA, environment, arguments);
        first.awaitHealthy(Duration.ofMinutes(4));
        second = KysoProcess.start("second", portB, environment, arguments);
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
        if (database != null) {
            TestDatabase.dropDatabase(database.substring(database.lastIndexOf('/') + 1));
        }
    }

    @Test
    void issuanceRevocationSigningAndCrlsThroughBothInstancesAtOnce() throws Exception {
        KysoProcess[] both = {first, second};
        String unit = TestHttp.json(admin(first).get("/api/v1/units")).get(0).get("code").asString();

        // officers registered alternately on each instance, with their accounts
        List<Long> subscribers = new ArrayList<>();
        for (int i = 0; i <= OFFICERS; i++) {
            subscribers.add(created(admin(both[i % 2]).postJson("/api/v1/subscribers/officers",
                    "{\"fullName\":\"Cán bộ " + i + "\",\"positionTitle\":\"Chuyên viên\",\"cccd\":\"" + twelveDigits()
                            + "\",\"email\":\"cb" + i + "-" + RANDOM.nextInt(1_000_000) + "@camau.gov.vn\",\"unitCode\":\""
                            + unit + "\"}")).get("id").asLong());
        }

        // issuance through both at once: every officer's certificate and TO_REVOKE more for the last subscriber
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> issuances = new ArrayList<>();
            for (int i = 0; i < OFFICERS + TO_REVOKE; i++) {
                long subscriber = subscribers.get(Math.min(i, OFFICERS));
                KysoProcess via = both[i % 2];
                issuances.add(() -> created(admin(via).postJson("/api/v1/certificates/custody",
                        "{\"subscriberId\":" + subscriber + ",\"profile\":\"personal\"}"))
                        .get("serial").asString());
            }
            List<String> serials = all(pool, issuances);
            assertThat(new HashSet<>(serials)).as("no duplicate serial").hasSize(serials.size());
            List<String> signerSerials = serials.subList(0, OFFICERS);
            List<String> toRevoke = serials.subList(OFFICERS, serials.size());

            List<String> usernames = new ArrayList<>();
            for (int i = 0; i < OFFICERS; i++) {
                usernames.add(account(both[(i + 1) % 2], "canbo" + i + "-" + RANDOM.nextInt(1_000_000), subscribers.get(i)));
                HttpResponse<String> chosen = new TestHttp(both[i % 2].port()).basic(usernames.get(i), USER_PASSWORD)
                        .putJson("/api/v1/signatures/keys/" + signerSerials.get(i) + "/pin", "{\"newPin\":\"" + PIN + "\"}");
                assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
            }

            // signing, revocation and CRL publication through both at once
            Map<String, AtomicInteger> signedBy = new ConcurrentHashMap<>();
            List<Long> publishedNumbers = Collections.synchronizedList(new ArrayList<>());
            List<Callable<String>> work = new ArrayList<>();
            for (int i = 0; i < OFFICERS; i++) {
                for (int j = 0; j < SIGNINGS_EACH; j++) {
                    String username = usernames.get(i);
                    String serial = signerSerials.get(i);
                    KysoProcess via = both[(i + j) % 2];
                    work.add(() -> {
                        HttpResponse<byte[]> response = new TestHttp(via.port()).basic(username, USER_PASSWORD)
                                .postBytes("/api/v1/signatures", Multipart.CONTENT_TYPE,
                                        Multipart.body(Map.of("pin", PIN), uniquePdf()));
                        assertThat(response.statusCode()).as("signing through " + via.url()).isEqualTo(200);
                        assertThat(new String(response.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                                .isEqualTo("%PDF-");
                        signedBy.computeIfAbsent(serial, s -> new AtomicInteger()).incrementAndGet();
                        return serial;
                    });
                }
            }
            for (int i = 0; i < toRevoke.size(); i++) {
                String serial = toRevoke.get(i);
                KysoProcess via = both[i % 2];
                work.add(() -> {
                    HttpResponse<String> response = admin(via).postJson("/api/v1/certificates/" + serial + "/revoke",
                            "{\"reason\":\"keyCompromise\"}");
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    return serial;
                });
            }
            for (int i = 0; i < 4; i++) {
                KysoProcess via = both[i % 2];
                work.add(() -> {
                    HttpResponse<String> response = admin(via).postJson("/api/v1/crl", "");
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    publishedNumbers.add(TestHttp.json(response).get("crlNumber").asLong());
                    return "crl";
                });
            }
            Collections.shuffle(work, RANDOM);
            all(pool, work);
            assertThat(new HashSet<>(publishedNumbers)).as("CRL numbers published at once are distinct")
                    .hasSize(publishedNumbers.size());

            // one after the other on alternate instances: strictly increasing
            long n1 = publish(first);
            long n2 = publish(second);
            long n3 = publish(first);
            assertThat(n1).isGreaterThan(Collections.max(publishedNumbers));
            assertThat(n2).isGreaterThan(n1);
            assertThat(n3).isGreaterThan(n2);

            // the CRL each instance serves: signed by the issuing CA, newest number, every revocation in it
            X509Certificate issuing = certificate(new TestHttp(first.port()).getBytes("/ca/issuing.crt").body());
            X509CRLHolder fromFirst = crl(first);
            X509CRLHolder fromSecond = crl(second);
            for (X509CRLHolder crl : List.of(fromFirst, fromSecond)) {
                assertThat(crl.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuing))).isTrue();
                assertThat(crlNumber(crl)).isGreaterThanOrEqualTo(n3);
                Set<String> listed = new HashSet<>();
                crl.getRevokedCertificates().forEach(e -> listed.add(
                        ((org.bouncycastle.cert.X509CRLEntryHolder) e).getSerialNumber().toString(16)));
                assertThat(listed).containsAll(toRevoke.stream().map(TwoInstancesTest::normal).toList());
                assertThat(listed).doesNotContainAnyElementsOf(signerSerials.stream().map(TwoInstancesTest::normal).toList());
            }
            assertThat(crlNumber(fromSecond)).isGreaterThanOrEqualTo(crlNumber(fromFirst));

            // a revocation made on one instance is answered at once by the other's OCSP (a request with a nonce)
            for (int i = 0; i < 2; i++) {
                assertThat(ocspRevoked(both[(i + 1) % 2], issuing, toRevoke.get(i)))
                        .as("OCSP of the other instance for a serial revoked through " + both[i % 2].url()).isTrue();
            }

            // a refused signing is logged with its request id, in the child's own output
            HttpResponse<byte[]> refused = new TestHttp(second.port()).basic(usernames.get(0), USER_PASSWORD)
                    .header("X-Request-Id", "two-instances-wrong-pin-1")
                    .postBytes("/api/v1/signatures", Multipart.CONTENT_TYPE,
                            Multipart.body(Map.of("pin", WRONG_PIN), uniquePdf()));
            assertThat(refused.statusCode()).isEqualTo(422);

            // every signing counted once, whichever instance made it
            int signings = OFFICERS * SIGNINGS_EACH;
            assertThat(signedBy.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(signings);
            try (Connection db = DriverManager.getConnection(database, "postgres", "")) {
                Map<String, Integer> events = counts(db, "SELECT c.serial, COUNT(*) FROM usage_event e "
                        + "JOIN usage_certificate c ON c.id = e.certificate_id WHERE e.event_type = 'SIGNED' GROUP BY c.serial");
                Map<String, Integer> daily = counts(db, "SELECT c.serial, SUM(d.signed) FROM usage_daily d "
                        + "JOIN usage_certificate c ON c.id = d.certificate_id GROUP BY c.serial HAVING SUM(d.signed) > 0");
                Map<String, Integer> expected = new HashMap<>();
                signedBy.forEach((serial, n) -> expected.put(normal(serial), n.get()));
                assertThat(events).as("SIGNED usage events per certificate").isEqualTo(expected);
                assertThat(daily).as("daily rollup of signatures per certificate").isEqualTo(expected);
                assertThat(counts(db, "SELECT 'crl', COUNT(*) FROM ca_crl c1 JOIN ca_crl c2 "
                        + "ON c2.crl_number > c1.crl_number AND c2.this_update < c1.this_update"))
                        .as("a later CRL number never has an earlier thisUpdate").containsEntry("crl", 0);
            }
            JsonNode audit = TestHttp.json(admin(second).get("/api/v1/audit/verification"));
            assertThat(audit.get("intact").asBoolean()).as(audit.toString()).isTrue();
        } finally {
            pool.shutdownNow();
        }

        for (KysoProcess instance : both) {
            JsonNode health = TestHttp.json(admin(instance).get("/actuator/health"));
            assertThat(health.get("status").asString()).isEqualTo("UP");
            assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
            assertThat(health.at("/components/ca/status").asString()).isEqualTo("UP");
        }
        // each instance's counter counts what it signed: together, every signing once
        assertThat(successfulSignings(first) + successfulSignings(second)).isEqualTo(OFFICERS * SIGNINGS_EACH);
        String logs = first.output() + second.output();
        assertThat(second.output()).containsPattern("\\[two-instances-wrong-pin-1\\].*Signing refused");
        assertThat(logs).doesNotContain(ADMIN_PASSWORD).doesNotContain(CA_PASSPHRASE).doesNotContain(USER_PASSWORD)
                .doesNotContainPattern("(?<![0-9])(" + PIN + "|" + WRONG_PIN + ")(?![0-9])");
    }

    private static final java.util.regex.Pattern SIGNATURES = java.util.regex.Pattern.compile(
            "(?m)^kyso_signatures_total\\{([^}]*)\\} ([0-9.eE+-]+)$");

    /** Successful signings this instance counted, as {@code /actuator/prometheus} shows them. */
    private static long successfulSignings(KysoProcess instance) {
        java.util.regex.Matcher m = SIGNATURES.matcher(admin(instance).get("/actuator/prometheus").body());
        double total = 0;
        while (m.find()) {
            if (m.group(1).contains("outcome=\"success\"")) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return Math.round(total);
    }

    private static TestHttp admin(KysoProcess instance) {
        return new TestHttp(instance.port()).basic("admin", ADMIN_PASSWORD);
    }

    /** An OFFICER account linked to the subscriber, its first password already changed. */
    private static String account(KysoProcess via, String username, long subscriber) {
        String initial = "Mot-lan-" + username;
        created(admin(via).postJson("/api/v1/accounts", "{\"username\":\"" + username + "\",\"displayName\":\"Cán bộ\","
                + "\"password\":\"" + initial + "\",\"roles\":[\"OFFICER\"],\"subscriberId\":\"" + subscriber + "\"}"));
        HttpResponse<String> changed = new TestHttp(via.port()).basic(username, initial).postJson("/api/v1/account/password",
                "{\"currentPassword\":\"" + initial + "\",\"newPassword\":\"" + USER_PASSWORD + "\"}");
        assertThat(changed.statusCode()).as(changed.body()).isBetween(200, 204);
        return username;
    }

    private static JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TestHttp.json(response);
    }

    private static long publish(KysoProcess via) {
        HttpResponse<String> response = admin(via).postJson("/api/v1/crl", "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.json(response).get("crlNumber").asLong();
    }

    private static X509CRLHolder crl(KysoProcess via) throws IOException {
        HttpResponse<byte[]> response = new TestHttp(via.port()).getBytes("/crl/issuing.crl");
        assertThat(response.statusCode()).isEqualTo(200);
        return new X509CRLHolder(response.body());
    }

    private static long crlNumber(X509CRLHolder crl) {
        return ASN1Integer.getInstance(crl.getExtension(Extension.cRLNumber).getParsedValue()).getValue().longValueExact();
    }

    private static boolean ocspRevoked(KysoProcess via, X509Certificate issuing, String serial) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuing), new BigInteger(serial, 16));
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        byte[] request = new OCSPReqBuilder().addRequest(id).setRequestExtensions(new org.bouncycastle.asn1.x509.Extensions(
                new Extension(org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                        new org.bouncycastle.asn1.DEROctetString(nonce)))).build().getEncoded();
        HttpResponse<byte[]> response = new TestHttp(via.port()).postBytes("/ocsp", "application/ocsp-request", request);
        assertThat(response.statusCode()).isEqualTo(200);
        BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(response.body()).getResponseObject();
        return basic.getResponses()[0].getCertStatus() instanceof RevokedStatus;
    }

    private static X509Certificate certificate(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static Map<String, Integer> counts(Connection db, String sql) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getString(1).trim(), rs.getInt(2));
            }
        }
        return counts;
    }

    private static String normal(String serialHex) {
        return new BigInteger(serialHex, 16).toString(16);
    }

    private static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks) throws Exception {
        List<Future<T>> futures = pool.invokeAll(tasks, 10, TimeUnit.MINUTES);
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof AssertionError failure) {
                    throw failure;
                }
                throw e;
            }
        }
        return results;
    }

    private static String twelveDigits() {
        StringBuilder s = new StringBuilder("0");
        while (s.length() < 12) {
            s.append(RANDOM.nextInt(10));
        }
        return s.toString();
    }

    /** A one-page PDF no other test signs (its text is random), so each signing is a different document. */
    private static byte[] uniquePdf() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 720);
                text.showText("Van ban " + UUID.randomUUID());
                text.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A multipart/form-data body with text fields and one PDF in the field {@code file}. */
    private static final class Multipart {
        static final String BOUNDARY = "kyso-two-instances";
        static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

        static byte[] body(Map<String, String> fields, byte[] pdf) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            fields.forEach((key, value) -> body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                    + key + "\"\r\n\r\n" + value + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.writeBytes(pdf);
            body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return body.toByteArray();
        }
    }
}
