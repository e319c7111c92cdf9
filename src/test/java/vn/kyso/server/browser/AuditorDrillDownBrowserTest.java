package vn.kyso.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;


/**
 * The auditor's main task on the demo province (967 certificates), in Vietnamese, in a real
 * Chromium: from the province, a click on a district's bar shows that district's communes and
 * agencies, a commune's link shows its certificates with their class, and the commune's report
 * is exported (CSV and signed PDF) in Vietnamese; a reversed period is told in words. Screenshots
 * of each step go to {@code target/browser-screenshots/AuditorDrillDownBrowserTest.*} (not
 * committed). It runs on the shared demo server ({@link DemoBrowserTest}) with the demo's auditor account.
 */
class AuditorDrillDownBrowserTest extends DemoBrowserTest {

    private static final Pattern ENUM_CODES = Pattern.compile(
            "\\b(PERSONAL|AGENCY|ACTIVE|REVOKED|EXPIRED|SUSPENDED|REGULAR|OCCASIONAL|DORMANT|NEVER_USED|UNKNOWN)\\b");

    private Chromium browser;

    @BeforeEach
    void theTestsBrowser() {
        browser = browser();
    }

    @Test
    void theAuditorDrillsFromTheProvinceToACommuneAndExportsItsReportInVietnamese() throws IOException {
        browser.login("auditor", DEMO_PASSWORD).open("/reports");
        assertThat(browser.await(By.id("headline")).getText()).contains("trên 967 chứng thư số").contains("28,96%");
        awaitBars("chart-district");
        assertThat(rows("chart-district")).isGreaterThan(5);
        assertSortedHighestFirst("chart-district");
        assertThat(label("chart-district", 28.96)).isEqualTo("28,96%");
        assertThat(axisName("chart-district", "xAxis")).isEqualTo("Tỷ lệ sử dụng thường xuyên (%)");
        assertThat(axisName("chart-district", "yAxis")).isEqualTo("Huyện");
        settle();
        browser.screenshot("province");

        // a click on the highest district's bar: that district's communes and agencies, not one bar
        String district = category("chart-district", 0);
        clickBar("chart-district", 0);
        browser.waiting().until(d -> d.getCurrentUrl().contains("unit="));
        assertThat(browser.await(By.id("trail")).getText()).contains("Toàn tỉnh").contains(district);
        assertThat(browser.await(By.id("chart-district-title")).getText())
                .isEqualTo("Tỷ lệ sử dụng thường xuyên theo xã, cơ quan");
        awaitBars("chart-district");
        assertThat(rows("chart-district")).isGreaterThan(1);
        assertThat(browser.find(By.id("chart-agency")).isDisplayed()).isFalse();
        List<WebElement> communes = browser.driver().findElements(By.cssSelector("#children tbody a"));
        assertThat(communes).hasSizeGreaterThan(1);
        assertThat(browser.find(By.id("children")).getText()).doesNotContainPattern("\\d+\\.\\d\\d%");
        settle();
        browser.screenshot("district");

        // a commune: its certificates, each with its class, in Vietnamese
        String commune = communes.get(0).getText();
        communes.get(0).click();
        browser.waiting().until(d -> d.findElement(By.id("trail")).getText().contains(commune));
        assertThat(browser.find(By.id("trail")).getText()).contains(district).contains(commune);
        WebElement certificates = browser.await(By.id("certificates-table"));
        assertThat(certificates.findElements(By.cssSelector("tbody tr"))).isNotEmpty();
        assertThat(certificates.getText()).containsPattern("Thường xuyên|Không thường xuyên|Không hoạt động|Chưa sử dụng");
        assertThat(ENUM_CODES.matcher(certificates.getText()).find()).isFalse();
        assertThat(browser.driver().findElements(By.id("children"))).isEmpty();
        assertThat(browser.find(By.id("chart-district")).isDisplayed()).as("no bar chart for a leaf unit").isFalse();
        assertThat(monthLabels("chart-trend").get(0)).matches("\\d\\d/\\d{4}");
        settle();
        browser.screenshot("commune");

        // the commune's exports, in Vietnamese
        browser.find(By.xpath("//p[@class='exports']/a[normalize-space()='CSV']")).click();
        Path csv = browser.awaitDownload(".csv");
        browser.keep(csv, "commune.csv");
        assertThat(csv.getFileName().toString()).startsWith("kyso-bao-cao-su-dung-");
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("# Đơn vị: ").contains(commune).contains("Phân loại");
        assertThat(ENUM_CODES.matcher(text).find()).as("an English enum value in the Vietnamese CSV").isFalse();
        browser.clearDownloads();
        browser.find(By.xpath("//p[@class='exports']/a[contains(., 'PDF')]")).click();
        Path pdf = browser.awaitDownload(".pdf");
        browser.keep(pdf, "commune.pdf");
        String report = text(pdf);
        assertThat(report).contains("BÁO CÁO SỬ DỤNG CHỮ KÝ SỐ").contains(commune).contains("Chứng thư số của đơn vị")
                .contains("Chủ chứng thư").contains("Phân loại");
        assertThat(ENUM_CODES.matcher(report).find()).isFalse();
        browser.screenshot("exported");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aReversedPeriodIsToldInWordsAndTheFormKeepsItsDates() {
        browser.login("auditor", DEMO_PASSWORD).open("/reports");
        browser.await(By.id("headline"));
        setDate("from", "2026-03-01");
        setDate("to", "2026-02-01");
        browser.find(By.cssSelector("form.filters button[type=submit]")).click();

        WebElement alert = browser.await(By.cssSelector("p.alert.error"));
        assertThat(alert.getText()).startsWith("Ngày bắt đầu đang sau ngày kết thúc").doesNotContain("YYYY");
        assertThat(browser.find(By.name("from")).getAttribute("value")).isEqualTo("2026-03-01");
        assertThat(browser.find(By.name("to")).getAttribute("value")).isEqualTo("2026-02-01");
        browser.screenshot("reversed-period");
    }

    // ---- the page's charts, as ECharts holds them ----------------------------------------------

    private Object script(String body, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(body, args);
    }

    private void awaitBars(String chart) {
        browser.waiting().until(d -> (Boolean) script("""
                var el = document.getElementById(arguments[0]);
                var c = el && echarts.getInstanceByDom(el);
                return !!c && c.getOption().series[0].data.length > 0;""", chart));
    }

    private int rows(String chart) {
        return ((Number) script("return echarts.getInstanceByDom(document.getElementById(arguments[0]))"
                + ".getOption().series[0].data.length;", chart)).intValue();
    }

    private String category(String chart, int index) {
        return (String) script("return echarts.getInstanceByDom(document.getElementById(arguments[0]))"
                + ".getOption().yAxis[0].data[arguments[1]];", chart, index);
    }

    private String axisName(String chart, String axis) {
        return (String) script("return echarts.getInstanceByDom(document.getElementById(arguments[0]))"
                + ".getOption()[arguments[1]][0].name;", chart, axis);
    }

    /** What the chart writes on a bar of {@code value} (its label formatter). */
    private String label(String chart, double value) {
        return (String) script("return echarts.getInstanceByDom(document.getElementById(arguments[0]))"
                + ".getOption().series[0].label.formatter({ value: arguments[1] });", chart, value);
    }

    private void assertSortedHighestFirst(String chart) {
        @SuppressWarnings("unchecked")
        List<Number> values = (List<Number>) script("return echarts.getInstanceByDom(document.getElementById(arguments[0]))"
                + ".getOption().series[0].data.map(Number);", chart);
        assertThat(values.stream().map(Number::doubleValue).toList()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    /** Clicks the middle of bar {@code index} where ECharts drew it (as a user's mouse would). */
    private void clickBar(String chart, int index) {
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) script("""
                var c = echarts.getInstanceByDom(document.getElementById(arguments[0]));
                var v = Number(c.getOption().series[0].data[arguments[1]]);
                return c.convertToPixel({ seriesIndex: 0 }, [Math.max(v, 2) / 2, arguments[1]]);""", chart, index);
        WebElement box = browser.find(By.id(chart));
        int x = (int) Math.round(point.get(0).doubleValue() - box.getSize().getWidth() / 2.0);
        int y = (int) Math.round(point.get(1).doubleValue() - box.getSize().getHeight() / 2.0);
        new Actions(browser.driver()).moveToElement(box, x, y).click().perform();
    }

    @SuppressWarnings("unchecked")
    private List<String> monthLabels(String chart) {
        return (List<String>) script("return echarts.getInstanceByDom(document.getElementById(arguments[0]))"
                + ".getOption().xAxis[0].data;", chart);
    }

    /** Lets the charts' entry animation end, so that the screenshot shows the bars at their length. */
    private static void settle() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void setDate(String name, String iso) {
        script("arguments[0].value = arguments[1];", browser.find(By.name(name)), iso);
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
            return new PDFTextStripper().getText(document);
        }
    }
}
