package vn.kyso.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import vn.kyso.ca.CertificateStatus;
import vn.kyso.ca.Officer;
import vn.kyso.ca.SubscriberKind;
import vn.kyso.ca.SubscriberSearch;

/**
 * The admin's main task on the demo (967 certificates, 969 subscribers), in Vietnamese on a
 * 1,366×768 screen: find a person by CCCD, issue them a certificate, revoke it after a page that
 * names them, and land back on the same list.
 */
class AdminOnTheDemoBrowserTest extends DemoBrowserTest {

    @Test
    void adminFindsAPersonByCccdIssuesAndRevokesWithConfirmation() {
        // a demo officer other than the one the "officer" account signs for
        Officer person = (Officer) ca.findSubscribers(new SubscriberSearch(null, SubscriberKind.OFFICER, 1, 40))
                .items().get(0);
        Chromium browser = browser().window(1366, 768);
        browser.login("admin", DEMO_PASSWORD);

        // the certificates page: all 967 and more, 50 a page, no sideways scrolling
        browser.open("/admin/certificates");
        assertThat(browser.await(By.cssSelector(".pager")).getText()).containsPattern("^1–50 trên 9[67]\\d\\b");
        assertThat(browser.overflowWidth()).as("the certificate table fits 1,366 px").isZero();
        browser.screenshot("certificates-1366");

        // find the person by CCCD
        browser.open("/admin/subscribers");
        browser.type("q", person.cccd());
        browser.find(By.id("q")).submit();
        List<WebElement> rows = browser.waiting().until(d -> {
            List<WebElement> r = d.findElements(By.cssSelector("table.subscribers tbody tr"));
            return r.size() == 1 && r.get(0).getText().contains(person.cccd()) ? r : null;
        });
        assertThat(rows.get(0).getText()).contains(person.fullName()).contains(person.unit().name());
        assertThat(browser.find(By.cssSelector(".pager")).getText()).startsWith("1–1 trên 1");
        browser.screenshot("found-by-cccd");

        // issue: the form names the person; kyso keeps the key, the holder chooses the PIN
        rows.get(0).findElement(By.linkText("Cấp chứng thư số")).click();
        assertThat(browser.await(By.id("issue-holder")).getText()).isEqualTo(person.fullName());
        browser.find(By.id("method-custody")).click();
        browser.screenshot("issue-form");
        browser.find(By.cssSelector("form[method=post] button.primary")).click();
        String issued = browser.await(By.cssSelector(".alert.ok")).getText();
        assertThat(issued).startsWith("Đã cấp chứng thư số ");
        assertThat(browser.driver().getCurrentUrl()).contains("/admin/certificates?subscriberId=" + person.id());
        WebElement row = browser.find(By.cssSelector("table.certificates tbody tr"));
        String serial = row.findElement(By.cssSelector("code.serial")).getText();
        assertThat(issued).contains(serial);
        assertThat(row.getText()).contains(person.fullName()).contains("Đang hoạt động");
        browser.screenshot("issued");

        // revoke: first a page naming the person, then back to the same list
        row.findElement(By.linkText("Thu hồi")).click();
        assertThat(browser.await(By.id("confirm-holder")).getText()).isEqualTo(person.fullName());
        assertThat(browser.find(By.id("confirm-unit")).getText()).isEqualTo(person.unit().name());
        assertThat(browser.find(By.id("confirm-serial")).getText()).isEqualTo(serial);
        assertThat(ca.certificate(new java.math.BigInteger(serial, 16)).orElseThrow().status())
                .as("nothing changes before the confirmation").isEqualTo(CertificateStatus.ACTIVE);
        new Select(browser.find(By.id("reason"))).selectByVisibleText("Thay đổi đơn vị công tác");
        browser.screenshot("revoke-confirmation");
        browser.find(By.id("confirm")).click();

        assertThat(browser.await(By.cssSelector(".alert.ok")).getText())
                .isEqualTo("Đã thu hồi chứng thư số " + serial + " của " + person.fullName() + ".");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/certificates?subscriberId=" + person.id());
        assertThat(browser.find(By.cssSelector("table.certificates tbody tr")).getText()).contains("Đã thu hồi")
                .contains("Thay đổi đơn vị công tác");
        assertThat(ca.certificate(new java.math.BigInteger(serial, 16)).orElseThrow().status())
                .isEqualTo(CertificateStatus.REVOKED);
        browser.screenshot("revoked");

        // the audit log tells it, newest first, in Vietnamese (filtered by the admin's revocations:
        // the CRL the revocation publishes may be written after it by "system")
        browser.open("/admin/audit?actor=admin&action=CERTIFICATE_REVOKED");
        assertThat(browser.await(By.cssSelector("table.audit tbody tr")).getText()).contains("Thu hồi chứng thư số")
                .contains("admin").contains(serial);
        browser.screenshot("audit");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theAdminListsFitAPhone() {
        Chromium browser = browser().window(390, 844);
        browser.login("admin", DEMO_PASSWORD);
        for (String page : List.of("/admin/certificates", "/admin/subscribers", "/admin/audit", "/admin/units",
                "/admin/accounts")) {
            browser.open(page);
            browser.await(By.cssSelector("table.list"));
            assertThat(browser.overflowWidth()).as(page + " on a phone").isZero();
            browser.screenshot("phone" + page.replace('/', '-'));
        }
    }
}
