package vn.kyso.server.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import vn.kyso.server.TestHttp;

/**
 * Issue 13: a PDF of 100,000 nested arrays, sent to be signed or previewed, is a clear 4xx and one
 * line in the log, not a 500 with a 660-line stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class NestedInputTest extends SigningTestSupport {

    @Test
    void aPdfOfAHundredThousandNestedArraysIsA422AndOneLogLine(CapturedOutput output) {
        Signer officer = newOfficer("long");
        byte[] nested = nestedArrays(100_000);
        int before = output.getAll().length();

        HttpResponse<byte[]> signed = post(officer.username(), "/api/v1/signatures",
                multipart(Map.of("pin", PIN), List.of(Map.entry("file", nested))));
        assertThat(signed.statusCode()).as(text(signed)).isBetween(400, 499);

        TestHttp browser = http();
        browser.login(officer.username(), USER_PASSWORD);
        browser.header("X-CSRF-TOKEN", browser.csrfToken("/sign"));
        Multipart upload = multipart(Map.of(), List.of(Map.entry("file", nested)));
        HttpResponse<byte[]> pages = browser.postBytes("/sign/pages", upload.contentType(), upload.body());
        assertThat(pages.statusCode()).as(text(pages)).isBetween(400, 499);
        HttpResponse<byte[]> preview = browser.postBytes("/sign/pages/1", upload.contentType(), upload.body());
        assertThat(preview.statusCode()).as(text(preview)).isBetween(400, 499);

        String log = output.getAll().substring(before);
        // one line of kyso's per request (PDFBox's own one-line repair note may follow), no stack trace
        assertThat(log.lines().filter(l -> l.contains("Malformed PDF input")).count()).isEqualTo(3);
        assertThat(log).doesNotContain("StackOverflowError");
        assertThat(log.lines().filter(l -> l.startsWith("\tat ")).count()).isZero();
    }

    /** A one-page PDF whose page dictionary holds {@code depth} nested arrays. */
    private static byte[] nestedArrays(int depth) {
        String body = "%PDF-1.7\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n"
                + "2 0 obj\n<</Type/Pages/Kids[3 0 R]/Count 1>>\nendobj\n"
                + "3 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Deep " + "[".repeat(depth) + "]".repeat(depth)
                + ">>\nendobj\ntrailer\n<</Root 1 0 R/Size 4>>\n%%EOF\n";
        return body.getBytes(StandardCharsets.US_ASCII);
    }
}
