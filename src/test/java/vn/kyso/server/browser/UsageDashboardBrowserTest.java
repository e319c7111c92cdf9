package vn.kyso.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import vn.kyso.usage.UsageReports;

/** The auditor's dashboard in a real Chromium: ECharts draws its charts from the report's JSON. */
class UsageDashboardBrowserTest extends BrowserTest {

    @Test
    void theAuditorsDashboardDrawsTheDistrictAgencyAndTrendChartsWithoutScriptErrors() {
        signedThroughTheApi(newAgencyOfficer("Võ Thị Sáu"));
        // a district's row too: breakdowns list the districts whose units hold certificates
        signedThroughTheApi(newCommuneOfficer("Lê Văn Tám"));
        LocalDate today = LocalDate.now(UsageReports.VIETNAM);
        // This month alone: the default policy wants signatures in half of the period's calendar
        // months, so one signature today is regular use in a one-month period whatever the date
        // (a 40-day period touches three months early in a month, and it would only be occasional).
        browser.login(auditor(), USER_PASSWORD).open("/reports?from=" + today.withDayOfMonth(1) + "&to=" + today);

        assertThat(browser.await(By.id("headline")).getText()).containsPattern("\\d+ .+ \\d+.*%");
        for (String chart : List.of("chart-district", "chart-agency", "chart-trend")) {
            WebElement canvas = browser.waiting().until(d -> d.findElements(By.cssSelector("#" + chart + " canvas"))
                    .stream().findFirst().orElse(null));
            assertThat(canvas.getSize().getWidth()).as(chart).isGreaterThan(100);
            assertThat(canvas.getSize().getHeight()).as(chart).isGreaterThan(100);
            browser.waiting().until(d -> painted(canvas) > 500);
        }
        assertThat(highest("chart-agency")).as("an agency where someone signs").isGreaterThan(0);
        assertThat(highest("chart-trend")).as("this month's signatures").isGreaterThan(0);
        browser.screenshot("dashboard");
        assertThat(browser.find(By.id("usage-charts")).isDisplayed()).isTrue();
        assertThat(browser.errors()).isEmpty();
    }

    /** The highest value of a chart's first series, as ECharts holds it. */
    private double highest(String chart) {
        Object value = ((JavascriptExecutor) browser.driver()).executeScript("""
                var data = echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption().series[0].data;
                return Math.max.apply(null, data.map(Number));""", chart);
        return ((Number) value).doubleValue();
    }

    /** How many pixels of the canvas are painted (not transparent): ECharts drew something. */
    private long painted(WebElement canvas) {
        Object count = ((JavascriptExecutor) browser.driver()).executeScript("""
                var c = arguments[0], data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
                for (var i = 3; i < data.length; i += 4) { if (data[i] > 0) { n++; } }
                return n;""", canvas);
        return ((Number) count).longValue();
    }
}
