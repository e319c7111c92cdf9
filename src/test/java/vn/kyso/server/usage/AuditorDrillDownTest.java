package vn.kyso.server.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import vn.kyso.server.KysoServerTest;
import vn.kyso.server.TestHttp;
import vn.kyso.usage.ImportResult;
import vn.kyso.usage.Unit;
import vn.kyso.usage.UsageReports;
import vn.kyso.usage.export.CsvExport;

/**
 * The auditor drills down province → district → commune → certificates, over the API and the
 * dashboard, on the shared test context: a district of the bundled unit tree gets certificates in
 * two of its communes (imported as CSV, so nothing else of the suite is touched).
 */
class AuditorDrillDownTest extends KysoServerTest {

    @Autowired
    UsageReports usage;

    private Unit district;
    private Unit first;
    private Unit second;
    private String owner;
    private String period;

    @BeforeEach
    void certificatesInTwoCommunesOfADistrict() {
        List<Unit> units = usage.units();
        // a district with its communes as the directory dates them (Cà Mau's districts were dissolved
        // in 2025), among units whose code no later unit reuses, so that a unit's key is its code
        district = units.stream().filter(u -> u.kind() == Unit.Kind.DISTRICT && u.key().equals(u.code()))
                .filter(d -> communes(units, d).size() >= 2).findFirst().orElseThrow();
        List<Unit> communes = communes(units, district);
        first = communes.get(0);
        second = communes.get(1);
        owner = "Nguyễn Thị Kiểm Tra " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = LocalDate.now(UsageReports.VIETNAM);
        String issuer = "CN=Drill CA " + UUID.randomUUID();
        StringBuilder csv = new StringBuilder("serial,subject,issuer,kind,unit,owner,contact,not_before,not_after\n");
        csv.append(row(issuer, first, owner, today));
        csv.append(row(issuer, second, owner + " B", today));
        csv.append(row(issuer, second, owner + " C", today));
        ImportResult imported = usage.importCertificates(csv.toString().getBytes(StandardCharsets.UTF_8), null);
        assertThat(imported.problems()).isEmpty();
        period = "from=" + today.minusDays(30) + "&to=" + today;
    }

    @Test
    void aDistrictsReportListsItsCommunesNotItsOwnSingleRow() {
        JsonNode json = TestHttp.json(asAuditor().get("/api/v1/reports/usage?unit=" + district.code() + "&" + period));

        assertThat(json.get("level").asString()).isEqualTo("DISTRICT");
        List<String> children = new ArrayList<>();
        json.get("children").forEach(c -> children.add(c.get("code").asString()));
        assertThat(children).contains(first.code(), second.code()).doesNotContain(district.code());
        JsonNode second = row(json.get("children"), this.second.code());
        assertThat(second.get("certificates").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(second.get("opens").asBoolean()).isTrue();
        List<Double> rates = new ArrayList<>();
        json.get("children").forEach(c -> rates.add(c.get("regularRate").asDouble()));
        assertThat(rates).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void theDashboardLeadsFromTheProvinceToACommuneAndItsCertificatesWithTheirClass() {
        TestHttp browser = http();
        browser.login(auditor(), USER_PASSWORD);

        String province = browser.get("/reports?" + period).body();
        assertThat(province).contains("id=\"children\"").contains("unit=" + district.code());

        String districtPage = browser.get("/reports?unit=" + district.code() + "&" + period).body();
        assertThat(districtPage).contains("id=\"trail\"").contains(district.name()).contains(first.name())
                .contains("unit=" + first.code()).contains("Các xã, cơ quan trong huyện");

        String communePage = browser.get("/reports?unit=" + first.code() + "&" + period).body();
        assertThat(communePage).contains(district.name()).contains(first.name()).doesNotContain("id=\"children\"")
                .contains("id=\"certificates-table\"").contains(owner).contains("Chưa sử dụng")
                .contains("id=\"never-used-table\"");
        // the commune reached by drilling stays chosen in the form
        assertThat(communePage).containsPattern("<option value=\"" + first.code() + "\"\\s+selected");
    }

    @Test
    void theCommunesExportHoldsItsCertificatesInVietnameseAndNamesTheCommune() throws IOException {
        HttpResponse<byte[]> csv = asAuditor().getBytes("/api/v1/reports/usage?format=csv&unit=" + first.code() + "&"
                + period);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("kyso-bao-cao-su-dung-" + first.code() + "-");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("# Đơn vị: " + first.code() + " " + first.name());
        List<CSVRecord> rows = CsvExport.FORMAT.parse(new java.io.StringReader(text.substring(1))).getRecords();
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(4)).containsOnly(first.code());
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(2)).contains(owner);
        for (String code : List.of("PERSONAL", "AGENCY", "ACTIVE", "REGULAR", "NEVER_USED", "DORMANT", "OCCASIONAL")) {
            assertThat(Pattern.compile("\\b" + code + "\\b").matcher(text).find()).as(code).isFalse();
        }
        String whole = new String(asAuditor().getBytes("/api/v1/reports/usage?format=csv&" + period).body(),
                StandardCharsets.UTF_8);
        assertThat(whole).contains("# Đơn vị: Toàn tỉnh");
    }

    @Test
    void aReversedDateRangeTellsTheUserInTheirLanguageAndKeepsTheForm() {
        TestHttp browser = http();
        browser.login(auditor(), USER_PASSWORD);

        String vi = browser.get("/reports?from=2026-03-01&to=2026-02-01").body();
        assertThat(vi).contains("Ngày bắt đầu đang sau ngày kết thúc").doesNotContain("YYYY-MM-DD")
                .contains("value=\"2026-03-01\"").contains("value=\"2026-02-01\"");
        String en = browser.get("/reports?from=2026-03-01&to=2026-02-01&lang=en").body();
        assertThat(en).contains("The start date is after the end date").doesNotContain("YYYY-MM-DD");

        HttpResponse<String> api = asAuditor().get("/api/v1/reports/usage?from=2026-03-01&to=2026-02-01");
        assertThat(api.statusCode()).isEqualTo(400);
        JsonNode problem = TestHttp.json(api);
        assertThat(problem.get("code").asString()).isEqualTo("INVALID_REQUEST");
        assertThat(problem.get("reason").asString()).isEqualTo("REVERSED");
        assertThat(problem.get("detail").asString()).startsWith("Ngày bắt đầu đang sau ngày kết thúc");
        assertThat(TestHttp.json(asAuditor().get("/api/v1/reports/usage?from=2026-03-01&to=2026-02-01&lang=en"))
                .get("detail").asString()).startsWith("The start date is after the end date");
    }

    @Test
    void theDashboardWritesNumbersAsItsLanguageDoes() {
        TestHttp browser = http();
        browser.login(auditor(), USER_PASSWORD);

        String vi = browser.get("/reports?unit=" + district.code() + "&" + period).body();
        assertThat(vi).containsPattern(">\\d{1,3},\\d\\d%<").doesNotContainPattern(">\\d{1,3}\\.\\d\\d%<");
        String en = browser.get("/reports?unit=" + district.code() + "&" + period + "&lang=en").body();
        assertThat(en).containsPattern(">\\d{1,3}\\.\\d\\d%<").doesNotContainPattern(">\\d{1,3},\\d\\d%<");
    }

    private TestHttp asAuditor() {
        return http().basic(auditor(), USER_PASSWORD);
    }

    private static JsonNode row(JsonNode rows, String code) {
        for (JsonNode r : rows) {
            if (r.get("code").asString().equals(code)) {
                return r;
            }
        }
        throw new AssertionError("no row " + code);
    }

    private static List<Unit> communes(List<Unit> units, Unit district) {
        return units.stream().filter(u -> u.kind() == Unit.Kind.COMMUNE && u.key().equals(u.code())
                && district.key().equals(u.parentKey()))
                .sorted(java.util.Comparator.comparing(Unit::code)).toList();
    }

    private static String row(String issuer, Unit unit, String owner, LocalDate today) {
        return String.join(",", UUID.randomUUID().toString().replace("-", "").substring(0, 16), "\"CN=" + owner + "\"",
                "\"" + issuer + "\"", "PERSONAL", unit.code(), "\"" + owner + "\"", "", unit.validFrom().toString(),
                today.plusDays(300).toString()) + "\n";
    }
}
