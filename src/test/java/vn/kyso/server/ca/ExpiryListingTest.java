package vn.kyso.server.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kyso.server.KysoServerTest;
import vn.kyso.server.ServerFolders;
import vn.kyso.server.TestDatabase;
import vn.kyso.server.TestHttp;

/**
 * The certificates page warns of certificates that expire within the warning period (30 days).
 * A context of its own, where personal certificates live 20 days, so one is inside the period
 * from the day it is issued while an agency certificate (5 years) is not: the shared context
 * keeps the real validity every other test relies on, and moving its clock years ahead would
 * make its CA publish CRLs dated in the future.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "kyso.admin-password=" + KysoServerTest.ADMIN_PASSWORD,
        "kyso.ca.profiles.personal-validity=20d",
        // one admin issues here, as in the shared test context (DualControlTest covers approval)
        "kyso.security.dual-control.enabled=false",
        "spring.thymeleaf.cache=false"
})
@ActiveProfiles(resolver = TestDatabase.class)
class ExpiryListingTest {

    private static final Path DATA_DIR = ServerFolders.newDataDir("expiry");
    private static final int PORT = ServerFolders.freePort();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) {
        ServerFolders.register(registry, DATA_DIR, PORT);
    }

    @Test
    void aCertificateExpiringWithinThirtyDaysIsListedInBothLanguagesAndOneExpiringLaterIsNot() {
        TestHttp admin = new TestHttp(port).basic("admin", KysoServerTest.ADMIN_PASSWORD);
        String unit = TestHttp.json(admin.get("/api/v1/units")).get(0).get("code").asString();
        long officer = register(admin, "/api/v1/subscribers/officers", "{\"fullName\":\"Phan Văn Hạn\","
                + "\"positionTitle\":\"Chuyên viên\",\"cccd\":\"079201014141\",\"email\":\"pvh@camau.gov.vn\","
                + "\"unitCode\":\"" + unit + "\"}");
        long agency = register(admin, "/api/v1/subscribers/agencies", "{\"name\":\"Sở Nội vụ tỉnh Cà Mau\","
                + "\"parentBody\":\"Ủy ban nhân dân tỉnh Cà Mau\",\"mst\":\"2000014141\",\"unitCode\":\"" + unit + "\"}");
        String soon = custodyCertificate(admin, officer, "personal");
        String later = custodyCertificate(admin, agency, "agency");

        TestHttp browser = new TestHttp(port);
        browser.login("admin", KysoServerTest.ADMIN_PASSWORD);
        String vietnamese = banner(browser.get("/admin/certificates").body());
        String english = banner(browser.get("/admin/certificates?lang=en").body());

        assertThat(vietnamese).contains("Có 1 chứng thư số sắp hết hạn:").contains(soon).doesNotContain(later);
        assertThat(english).contains("1 certificate expires soon:").contains(soon).doesNotContain(later);
    }

    private static long register(TestHttp admin, String path, String json) {
        HttpResponse<String> response = admin.postJson(path, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TestHttp.json(response).get("id").asLong();
    }

    private static String custodyCertificate(TestHttp admin, long subscriber, String profile) {
        HttpResponse<String> issued = admin.postJson("/api/v1/certificates/custody",
                "{\"subscriberId\":" + subscriber + ",\"profile\":\"" + profile + "\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return TestHttp.json(issued).get("serial").asString();
    }

    /** The expiry warning of the page (the table below lists every certificate, expiring or not). */
    private static String banner(String page) {
        int start = page.indexOf("<div class=\"alert info\">");
        assertThat(start).as("an expiry warning on the page").isNotNegative();
        return page.substring(start, page.indexOf("</div>", start));
    }
}
