package vn.kyso.server.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CustodyIssueRequest;
import vn.kyso.ca.NewOfficer;
import vn.kyso.server.KysoServerTest;
import vn.kyso.server.TestHttp;
import vn.kyso.server.security.NewAccount;
import vn.kyso.server.security.Role;
import vn.kyso.signing.Indication;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.VerificationReport;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.signing.testpki.Pdfsig;
import vn.kyso.signing.testpki.TestPki;
import vn.kyso.signing.testpki.TestPdfs;
import vn.kyso.usage.CertificateKind;
import vn.kyso.usage.CertificateRef;
import vn.kyso.usage.CertificateStatus;
import vn.kyso.usage.UsageReports;
import vn.kyso.usage.export.CsvExport;

/** The usage reports over HTTP, on the shared test context. */
class UsageReportsApiTest extends KysoServerTest {

    @Autowired
    InventoryFeed feed;

    @Autowired
    InventoryReconciliation reconciliation;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static final String PIN = "135790";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    CertificateAuthority ca;

    @Autowired
    UsageReports usage;

    @Autowired
    PdfVerifier verifier;

    @Autowired
    OcspCheckBuffer ocspChecks;

    @TempDir
    Path temp;

    private TestHttp asAuditor() {
        return http().basic(auditor(), USER_PASSWORD);
    }

    private static String period() {
        LocalDate today = LocalDate.now(UsageReports.VIETNAM);
        return "from=" + today.minusDays(40) + "&to=" + today.plusDays(1);
    }

    @Test
    void reportAnswersTheHeadlineCountsThePolicyAndBreakdowns() {
        HttpResponse<String> response = asAuditor().get("/api/v1/reports/usage");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode json = TestHttp.json(response);
        for (String field : List.of("certificates", "regular", "occasional", "dormant", "neverUsed", "regularRate",
                "policy", "byKind", "byAgency", "byDistrict", "byCommune", "trend", "dormantCertificates")) {
            assertThat(json.has(field)).as(field).isTrue();
        }
        assertThat(json.get("regular").asInt() + json.get("occasional").asInt() + json.get("dormant").asInt()
                + json.get("neverUsed").asInt()).isEqualTo(json.get("certificates").asInt());
        assertThat(response.body()).containsPattern("\"regularRate\":\\d+\\.\\d\\d[,}]");
        assertThat(json.get("policy").get("statement").asString()).isNotBlank();
        assertThat(json.get("trend")).hasSize(12);
        LocalDate firstOfMonth = LocalDate.now(UsageReports.VIETNAM).withDayOfMonth(1);
        assertThat(json.get("from").asString()).isEqualTo(firstOfMonth.minusMonths(12).toString());
        assertThat(json.get("to").asString()).isEqualTo(firstOfMonth.minusDays(1).toString());
    }

    @Test
    void aCertificateIssuedTodayTo32002IsReportedUnderPhuongAnXuyenFromTheCasDirectory() {
        StringBuilder cccd = new StringBuilder("0");
        while (cccd.length() < 12) {
            cccd.append(RANDOM.nextInt(10));
        }
        long subscriber = ca.registerOfficer("test", new NewOfficer("Lâm Văn Xuyên", "Chuyên viên", cccd.toString(),
                "xuyen-" + cccd + "@camau.gov.vn", "32002")).id();
        String serial = ca.issueWithCustody("test", new CustodyIssueRequest(subscriber, "personal", false)).serialHex();

        JsonNode anXuyen = TestHttp.json(asAuditor().get("/api/v1/reports/usage?" + period() + "&unit=32002"));
        JsonNode row = find(anXuyen.get("neverUsedCertificates"), serial);
        assertThat(row.get("unit").asString()).isEqualTo("32002");
        assertThat(row.get("unitName").asString()).isEqualTo("Phường An Xuyên");
        assertThat(anXuyen.get("unitName").asString()).isEqualTo("Phường An Xuyên");
        // the dissolved Phường 4 of district 964, whose code An Xuyên reuses, is another unit
        JsonNode phuong4 = TestHttp.json(asAuditor().get("/api/v1/reports/usage?" + period() + "&unit=32002@2018-01-01"));
        assertThat(phuong4.get("unitName").asString()).isEqualTo("Phường 4");
        assertThat(phuong4.get("neverUsedCertificates").toString()).doesNotContain(serial);
        JsonNode all = TestHttp.json(asAuditor().get("/api/v1/reports/usage?" + period() + "&units=today"));
        assertThat(all.get("byDistrict").toString()).doesNotContain("\"964\"").contains("\"32002\"");
        HttpResponse<String> bad = asAuditor().get("/api/v1/reports/usage?units=yesterday");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(bad).get("code").asString()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void aClosedPeriodsReportIsFrozenAsASnapshotSignedByKysoAndAudited() throws Exception {
        long before = lastAuditSeq();
        String query = "/api/v1/reports/usage/snapshot?from=2020-01-01&to=2020-01-31&kind=AGENCY";
        HttpResponse<String> first = asAuditor().get(query);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode snapshot = TestHttp.json(first);
        assertThat(snapshot.get("verified").asBoolean()).isTrue();
        assertThat(snapshot.get("signer").asString()).contains("Cà Mau");
        assertThat(snapshot.get("takenBy").asString()).isEqualTo(auditor());
        assertThat(snapshot.get("amendments").isArray()).isTrue();
        long id = snapshot.get("id").asLong();
        assertThat(TestHttp.json(http().basic(account("usage-admin", Role.ADMIN), USER_PASSWORD).get(query)).get("id")
                .asLong()).isEqualTo(id);

        HttpResponse<byte[]> csv = asAuditor().getBytes("/api/v1/reports/usage/snapshots/" + id + "/report.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(csv.body()))).isEqualTo(snapshot.get("sha256").asString());
        assertThat(asAuditor().getBytes("/api/v1/reports/usage/snapshots/" + id + "/report.csv.p7s").statusCode())
                .isEqualTo(200);
        assertThat(ca.auditLog(before, 1000)).filteredOn(e -> e.action().equals("USAGE_SNAPSHOT_TAKEN"))
                .filteredOn(e -> e.target().equals("snapshot:" + id)).hasSize(1);

        LocalDate today = LocalDate.now(UsageReports.VIETNAM);
        HttpResponse<String> open = asAuditor().get("/api/v1/reports/usage/snapshot?from=" + today.withDayOfMonth(1)
                + "&to=" + today);
        assertThat(open.statusCode()).isEqualTo(409);
        assertThat(TestHttp.json(open).get("code").asString()).isEqualTo("PERIOD_NOT_CLOSED");
        assertThat(asAuditor().get("/api/v1/reports/usage/snapshots/999999").statusCode()).isEqualTo(404);
        assertThat(http().basic(officer(), USER_PASSWORD).get(query).statusCode()).isEqualTo(403);
    }

    @Test
    void aUnitMergedInTheCasDirectoryRollsUpIntoItsSuccessorInTodaysUnits() {
        TestHttp admin = http().basic("admin", ADMIN_PASSWORD);
        LocalDate today = LocalDate.now(UsageReports.VIETNAM);
        String code = "329" + (10 + RANDOM.nextInt(89));
        HttpResponse<String> added = admin.postJson("/api/v1/units", "{\"code\":\"" + code
                + "\",\"name\":\"Xã Thử Nghiệm\",\"kind\":\"commune\",\"parentCode\":\"CM\",\"validFrom\":\""
                + today.minusDays(30) + "\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        long id = TestHttp.json(added).get("id").asLong();
        HttpResponse<String> unknown = admin.postJson("/api/v1/units/" + id + "/close", "{\"lastDay\":\""
                + today.minusDays(1) + "\",\"successorCode\":\"NO-SUCH\"}");
        assertThat(unknown.statusCode()).isBetween(400, 404);

        HttpResponse<String> merged = admin.postJson("/api/v1/units/" + id + "/close", "{\"lastDay\":\""
                + today.minusDays(1) + "\",\"successorCode\":\"32002\"}");

        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(TestHttp.json(merged).get("successorCode").asString()).isEqualTo("32002");
        JsonNode rolledUp = TestHttp.json(asAuditor().get("/api/v1/reports/usage?" + period() + "&unit=" + code
                + "&units=today"));
        assertThat(rolledUp.get("unitName").asString()).isEqualTo("Phường An Xuyên");
        assertThat(TestHttp.json(asAuditor().get("/api/v1/reports/usage?" + period() + "&unit=" + code))
                .get("unitName").asString()).isEqualTo("Xã Thử Nghiệm");
    }

    private static JsonNode find(JsonNode rows, String serial) {
        for (JsonNode row : rows) {
            if (new java.math.BigInteger(row.get("serial").asString(), 16).equals(new java.math.BigInteger(serial, 16))) {
                return row;
            }
        }
        throw new AssertionError("no row for " + serial + " in " + rows);
    }

    @Test
    void badParametersAreBadRequestProblems() {
        for (String query : List.of("from=2025-13-01&to=2025-12-31", "from=2025-01-01", "from=2025-02-01&to=2025-01-01",
                "kind=ROBOT", "unit=NO-SUCH-UNIT", "format=doc")) {
            HttpResponse<String> response = asAuditor().get("/api/v1/reports/usage?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(query)
                    .startsWith("application/problem+json");
            assertThat(TestHttp.json(response).get("code").asString()).as(query).isIn("INVALID_REQUEST", "UNKNOWN_UNIT");
        }
    }

    @Test
    void auditorsReadReportsOfficersMayNot() {
        assertThat(asAuditor().get("/api/v1/reports/usage").statusCode()).isEqualTo(200);
        assertThat(http().basic(officer(), USER_PASSWORD).get("/api/v1/reports/usage").statusCode()).isEqualTo(403);
        assertThat(http().basic(officer(), USER_PASSWORD).postMultipart("/api/v1/usage/certificates", "file", "a.pem",
                new byte[] { 1 }, java.util.Map.of()).statusCode()).isEqualTo(403);
        assertThat(http().get("/api/v1/reports/usage").statusCode()).isEqualTo(401);
    }

    @Test
    void aSigningThroughTheApiIsCountedInTheReportAndMovesThePrometheusCounter() throws IOException {
        Officer officer = newOfficer();
        double before = signaturesCounter();

        HttpResponse<byte[]> signed = sign(officer.username());

        assertThat(signed.statusCode()).as(new String(signed.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(signaturesCounter()).isEqualTo(before + 1);
        String prometheus = asAuditor().get("/actuator/prometheus").body();
        assertThat(prometheus).contains("kyso_signing_duration_seconds_count").contains("kyso_certificates{")
                .contains("kyso_usage_regular_ratio");

        HttpResponse<byte[]> csv = asAuditor().getBytes("/api/v1/reports/usage?format=csv&" + period());
        assertThat(csv.statusCode()).isEqualTo(200);
        List<CSVRecord> rows = csvRows(csv.body());
        CSVRecord mine = rows.stream().filter(r -> r.get(1).equals(officer.serial())).findFirst().orElseThrow();
        assertThat(Integer.parseInt(mine.get(8))).isEqualTo(1);
        assertThat(mine.get(6)).isEqualTo("Cá nhân");
    }

    @Test
    void csvAndXlsxExportsMatchTheJson() throws IOException {
        newOfficer();
        JsonNode json = TestHttp.json(asAuditor().get("/api/v1/reports/usage?" + period()));

        List<CSVRecord> rows = csvRows(asAuditor().getBytes("/api/v1/reports/usage?format=csv&" + period()).body());
        assertThat(rows).hasSize(json.get("certificates").asInt());
        assertThat(rows.stream().filter(r -> r.get(11).equals("Thường xuyên")).count())
                .isEqualTo(json.get("regular").asLong());
        assertThat(rows.stream().filter(r -> r.get(11).equals("Chưa sử dụng")).count())
                .isEqualTo(json.get("neverUsed").asLong());

        HttpResponse<byte[]> xlsx = asAuditor().getBytes("/api/v1/reports/usage?format=xlsx&" + period());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getSheetName(0)).isEqualTo("Tổng hợp");
            Sheet summary = book.getSheet("Tổng hợp");
            Row counts = summary.getRow(6);
            assertThat((int) counts.getCell(2).getNumericCellValue()).isEqualTo(json.get("certificates").asInt());
            assertThat((int) counts.getCell(3).getNumericCellValue()).isEqualTo(json.get("regular").asInt());
            assertThat((int) counts.getCell(6).getNumericCellValue()).isEqualTo(json.get("neverUsed").asInt());
            assertThat(book.getSheet("Chứng thư số").getLastRowNum()).isEqualTo(json.get("certificates").asInt());
        }
    }

    @Test
    void thePdfReportIsSignedByKysoAndVerifiesValid() throws IOException {
        HttpResponse<byte[]> pdf = asAuditor().getBytes("/api/v1/reports/usage?format=pdf&" + period());

        assertThat(pdf.statusCode()).as(new String(pdf.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        VerificationReport report = verifier.verify(pdf.body());
        assertThat(report.signatures()).hasSize(1);
        assertThat(report.signatures().get(0).indication()).as(report.signatures().get(0).problems().toString())
                .isEqualTo(Indication.VALID);
        Path file = Files.write(temp.resolve("report.pdf"), pdf.body());
        List<Pdfsig.Result> pdfsig = Pdfsig.trusting(temp, ca.rootCertificate()).check(file);
        assertThat(pdfsig).hasSize(1);
        assertThat(pdfsig.get(0).signatureValid()).isTrue();
        assertThat(pdfsig.get(0).certificateTrusted()).isTrue();
    }

    @Test
    void certificatesOfAnotherCaAreImportedAndTheirSignedPdfsIngestedOnceWithBadFilesSkipped() throws Exception {
        TestPki other = TestPki.create();
        TestPki.Credential signer = other.signer("Lê Văn Ngoài", TestPki.KeyType.EC_P256);
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(signer.certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n";

        HttpResponse<String> imported = asAuditor().postMultipart("/api/v1/usage/certificates", "file", "other.pem",
                pem.getBytes(StandardCharsets.US_ASCII), java.util.Map.of("unit", "CM"));

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(TestHttp.json(imported).get("added").asInt()).isEqualTo(1);
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        PdfSigner.builder().build().sign(SignRequest.builder(InMemorySigningKey.of(signer.privateKey(), signer.chain()),
                PadesLevel.B_B).build(), Files.readAllBytes(TestPdfs.onePage(temp.resolve("o.pdf"))), signed);
        byte[] unsigned = Files.readAllBytes(TestPdfs.onePage(temp.resolve("u.pdf")));
        List<java.util.Map.Entry<String, byte[]>> files = List.of(java.util.Map.entry("signed.pdf", signed.toByteArray()),
                java.util.Map.entry("unsigned.pdf", unsigned),
                java.util.Map.entry("corrupt.pdf", "%PDF-1.7 not really".getBytes(StandardCharsets.US_ASCII)));

        JsonNode first = TestHttp.json(ingest(files));
        JsonNode again = TestHttp.json(ingest(files));

        assertThat(first.get("recorded").asInt()).isEqualTo(1);
        assertThat(first.get("skipped")).hasSize(2);
        assertThat(first.get("skipped").toString()).contains("unsigned.pdf").contains("UNSIGNED").contains("corrupt.pdf")
                .contains("NOT_A_PDF");
        assertThat(again.get("recorded").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(1);
        assertThat(usage.certificate(CertificateRef.of(signer.certificate())).orElseThrow().unitCode()).isEqualTo("CM");
    }

    @Test
    void theCasIssuanceAndRevocationReachTheUsageInventory() {
        Officer officer = newOfficer();
        CertificateRef ref = new CertificateRef(ca.issuingCertificate().getSubjectX500Principal().getName(),
                officer.serial());
        assertThat(usage.certificate(ref).orElseThrow().status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(usage.certificate(ref).orElseThrow().kind()).isEqualTo(CertificateKind.PERSONAL);

        ca.revoke("test", new java.math.BigInteger(officer.serial(), 16), 1);
        feed.drain();

        assertThat(usage.certificate(ref).orElseThrow().status()).isEqualTo(CertificateStatus.REVOKED);
    }

    @Test
    void certificatesWhoseNoticesALostFeedNeverAppliedAreReconciledWithTheCaAtStart() {
        Officer lost = newOfficer();
        Officer revoked = newOfficer();
        String issuer = ca.issuingCertificate().getSubjectX500Principal().getName();
        CertificateRef lostRef = new CertificateRef(issuer, lost.serial());
        CertificateRef revokedRef = new CertificateRef(issuer, revoked.serial());
        ca.revoke("test", new java.math.BigInteger(revoked.serial(), 16), 1);
        feed.drain();
        // a crash after the CA's commits, before the feed applied them: one issuance and one revocation lost
        jdbc.sql("DELETE FROM usage_certificate WHERE serial = ?").param(lostRef.serial()).update();
        jdbc.sql("UPDATE usage_certificate SET status = 'ACTIVE', revoked_at = NULL WHERE serial = ?")
                .param(revokedRef.serial()).update();
        assertThat(usage.certificate(lostRef)).isEmpty();

        reconciliation.atStart();
        feed.drain();

        assertThat(usage.certificate(lostRef).orElseThrow().status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(usage.certificate(lostRef).orElseThrow().kind()).isEqualTo(CertificateKind.PERSONAL);
        assertThat(usage.certificate(revokedRef).orElseThrow().status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(reconciliation.notices()).as("nothing left to reconcile").isEmpty();
    }

    @Test
    void ocspRequestsAreCountedAsChecksOfTheirCertificateWhenTheBufferFlushes() throws Exception {
        Officer officer = newOfficer();
        org.bouncycastle.cert.X509CertificateHolder issuer =
                new org.bouncycastle.cert.X509CertificateHolder(ca.issuingCertificate().getEncoded());
        byte[] request = new org.bouncycastle.cert.ocsp.OCSPReqBuilder().addRequest(new org.bouncycastle.cert.ocsp.CertificateID(
                new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build()
                        .get(org.bouncycastle.cert.ocsp.CertificateID.HASH_SHA1),
                issuer, new java.math.BigInteger(officer.serial(), 16))).build().getEncoded();

        long before = checks(officer.serial());

        for (int i = 0; i < 3; i++) {
            ca.ocsp(request);
        }
        ocspChecks.flush();
        ca.ocsp(request);
        ocspChecks.flush();

        assertThat(checks(officer.serial()) - before).isEqualTo(4);
        // counted in the rollups, not stored as one event per request
        assertThat(jdbc.sql("SELECT COUNT(*) FROM usage_event e JOIN usage_certificate c ON c.id = e.certificate_id "
                + "WHERE c.serial = ? AND e.event_type = 'CHECKED'").param(officer.serial()).query(Long.class).single())
                .isZero();
    }

    private long checks(String serialHex) {
        return jdbc.sql("SELECT COALESCE(SUM(d.checked), 0) FROM usage_daily d JOIN usage_certificate c "
                + "ON c.id = d.certificate_id WHERE c.serial = ?").param(serialHex).query(Long.class).single();
    }

    @Test
    void theDashboardShowsTheHeadlineAndServesItsChartLibraryFromTheJar() {
        TestHttp browser = http();
        browser.login(auditor(), USER_PASSWORD);

        HttpResponse<String> page = browser.get("/reports");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("chứng thư số được sử dụng thường xuyên").contains("/webjars/echarts/5.3.1/dist/echarts.min.js")
                .contains("id=\"chart-district\"").contains("id=\"chart-trend\"");
        assertThat(browser.get("/reports?lang=en").body()).contains("certificates used regularly");
        assertThat(browser.get("/reports/usage.json").statusCode()).isEqualTo(200);
        assertThat(browser.get("/reports?from=2025-02-30&to=2025-03-01").body()).contains("Invalid date: pick a day");
        assertThat(http().get("/webjars/echarts/5.3.1/dist/echarts.min.js").statusCode()).isEqualTo(200);
        TestHttp officerBrowser = http();
        officerBrowser.login(officer(), USER_PASSWORD);
        assertThat(officerBrowser.get("/reports").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> ingest(List<java.util.Map.Entry<String, byte[]>> files) {
        String boundary = "kyso-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + file.getKey() + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = asAuditor().post("/api/v1/usage/documents", "multipart/form-data; boundary="
                + boundary, body.toByteArray());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    // ---- helpers -------------------------------------------------------------------------------

    record Officer(String username, String serial) {
    }

    private Officer newOfficer() {
        String username = "usage-" + UUID.randomUUID().toString().substring(0, 8);
        String unit = ca.units(LocalDate.now()).get(0).code();
        StringBuilder cccd = new StringBuilder("0");
        while (cccd.length() < 12) {
            cccd.append(RANDOM.nextInt(10));
        }
        long subscriber = ca.registerOfficer("test", new NewOfficer("Trần Thị Kiểm", "Chuyên viên", cccd.toString(),
                username + "@camau.gov.vn", unit)).id();
        CertificateRecord certificate = ca.issueWithCustody("test",
                new CustodyIssueRequest(subscriber, "personal", false));
        ca.choosePin(username, certificate.serial(), PIN.toCharArray());
        var account = accounts.create("test", new NewAccount(username, "Cán bộ " + username, "Mot-lan-" + username,
                Set.of(Role.OFFICER), String.valueOf(subscriber)));
        accounts.changePassword(account.id(), "Mot-lan-" + username, USER_PASSWORD);
        feed.drain(); // the CA's notices reach the inventory in batches, off the issuing thread
        return new Officer(username, certificate.serialHex());
    }

    private HttpResponse<byte[]> sign(String username) throws IOException {
        byte[] pdf = Files.readAllBytes(TestPdfs.onePage(temp.resolve("in-" + UUID.randomUUID() + ".pdf")));
        String boundary = "kyso-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"pin\"\r\n\r\n" + PIN + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(pdf);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http().basic(username, USER_PASSWORD).postBytes("/api/v1/signatures",
                "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private static final Pattern SIGNATURES = Pattern.compile(
            "(?m)^kyso_signatures_total\\{([^}]*)\\} ([0-9.eE+-]+)$");

    /** Successful personal API signings at B-LT, as Prometheus shows them. */
    private double signaturesCounter() {
        String body = asAuditor().get("/actuator/prometheus").body();
        Matcher m = SIGNATURES.matcher(body);
        double total = 0;
        while (m.find()) {
            String tags = m.group(1);
            if (tags.contains("channel=\"api\"") && tags.contains("outcome=\"success\"")
                    && tags.contains("kind=\"personal\"")) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }

    private static List<CSVRecord> csvRows(byte[] csv) throws IOException {
        String text = new String(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CsvExport.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (var parser = format.parse(new InputStreamReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8))) {
            return parser.getRecords();
        }
    }
}
