package vn.kyso.server.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kyso.server.TestHttp;
import vn.kyso.signing.PdfVerifier;

class SigningConsoleTest extends SigningTestSupport {

    @Autowired
    PdfVerifier verifier;

    @Test
    void officerSeesPagesPlacesTheSignatureAndDownloadsTheSignedPdf() throws Exception {
        Signer officer = newOfficer("web");
        TestHttp browser = http();
        assertThat(browser.login(officer.username(), USER_PASSWORD).statusCode()).isEqualTo(302);

        HttpResponse<String> page = browser.get("/sign");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ký số văn bản").contains(officer.serial()).contains("/js/signing.js");
        String csrf = browser.csrfToken("/sign");

        byte[] pdf = onePagePdf();
        browser.header("X-CSRF-TOKEN", csrf);
        Multipart upload = multipart(Map.of(), List.of(Map.entry("file", pdf)));
        HttpResponse<byte[]> sizes = browser.postBytes("/sign/pages", upload.contentType(), upload.body());
        assertThat(sizes.statusCode()).isEqualTo(200);
        assertThat(text(sizes)).contains("\"number\":1").contains("widthMm");
        HttpResponse<byte[]> png = browser.postBytes("/sign/pages/1", upload.contentType(), upload.body());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(png.body())).getWidth()).isGreaterThan(100);

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf);
        fields.put("pin", PIN);
        fields.put("certificate", officer.serial());
        fields.put("step", "SIGN");
        fields.put("page", "1");
        fields.put("x", "100");
        fields.put("y", "40");
        Multipart form = multipart(fields, List.of(Map.entry("file", pdf), Map.entry("image", png(java.awt.Color.BLUE))));
        HttpResponse<byte[]> signed = browser.postBytes("/sign", form.contentType(), form.body());

        assertThat(signed.statusCode()).as(text(signed)).isEqualTo(200);
        assertThat(signed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(verifier.verify(signed.body()).allValid()).isTrue();
    }

    @Test
    void wrongPinShowsAClearMessageInThePage() {
        Signer officer = newOfficer("websai");
        TestHttp browser = http();
        browser.login(officer.username(), USER_PASSWORD);
        String csrf = browser.csrfToken("/sign");

        Multipart form = multipart(Map.of("_csrf", csrf, "pin", "111111"), List.of(Map.entry("file", onePagePdf())));
        HttpResponse<byte[]> response = browser.postBytes("/sign?lang=en", form.contentType(), form.body());

        assertThat(response.statusCode()).isEqualTo(200);
        String html = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(html).contains("Wrong PIN. 4 attempt(s) left").doesNotContain("111111");
    }

    @Test
    void anonymousVerifiesOnThePortalPage() {
        Signer officer = newOfficer("cong");
        HttpResponse<byte[]> signed = post(officer.username(), "/api/v1/signatures",
                multipart(Map.of("pin", PIN), List.of(Map.entry("file", onePagePdf()))));
        TestHttp anonymous = http();
        String csrf = anonymous.csrfToken("/verify");

        Multipart form = multipart(Map.of("_csrf", csrf), List.of(Map.entry("file", signed.body())));
        HttpResponse<byte[]> response = anonymous.postBytes("/verify", form.contentType(), form.body());

        assertThat(response.statusCode()).isEqualTo(200);
        String html = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(html).contains("verdict-green").contains("Hợp lệ").contains("Nguyễn Văn cong")
                .contains("Văn bản còn nguyên vẹn từ khi ký").contains("Còn hiệu lực");
    }
}
