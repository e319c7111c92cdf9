package vn.kyso.server.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.kyso.server.TestHttp;

/**
 * What the portal, the API and the PDF report say about changes after a kyso signature: a
 * form filled in after signing is amber (valid, permitted change) with the change named in
 * Vietnamese, and the exact signed version can be downloaded; a changed byte is red with the
 * signer still named and never "intact".
 */
class VerifiedChangesTest extends SigningTestSupport {

    @Test
    void aFormFilledInAfterSigningIsAmberWithTheChangeInWordsAndTheSignedVersion() {
        Signer officer = newOfficer("dien");
        byte[] signed = sign(officer, withTextField());
        byte[] filled = fill(signed, "999");

        JsonNode json = TestHttp.json(http().postMultipart("/api/v1/verifications", "file", "a.pdf", filled, Map.of()));
        JsonNode s = json.get("signatures").get(0);
        assertThat(s.get("indication").asString()).isEqualTo("VALID");
        assertThat(s.get("verdict").asString()).isEqualTo("VALID_CHANGED");
        assertThat(s.get("colour").asString()).isEqualTo("AMBER");
        assertThat(s.get("changeClass").asString()).isEqualTo("FORM_FILLING");
        assertThat(s.get("changesPermitted").asBoolean()).isTrue();
        assertThat(s.get("coversWholeDocument").asBoolean()).isFalse();
        assertThat(s.get("changes").get(0).get("kind").asString()).isEqualTo("FIELD_FILLED");
        assertThat(s.get("pagesThatDiffer").get(0).asInt()).isEqualTo(1);
        assertThat(s.get("role").asString()).isEqualTo("APPROVAL");
        assertThat(s.get("holder").asString()).isEqualTo("Nguyễn Văn dien");
        assertThat(s.get("issuerName").asString()).doesNotContain("CN=");
        assertThat(s.get("signingTimeText").asString()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        assertThat(json.get("overall").asString()).isEqualTo("VALID_CHANGED");

        TestHttp visitor = http();
        String html = portal(visitor, filled);
        assertThat(html).contains("state-valid_changed").contains("Hợp lệ, có thay đổi được phép sau khi ký")
                .contains("Sau khi ký, biểu mẫu trong văn bản được điền").contains("điền hoặc sửa giá trị trường")
                .contains("trang 1 trông khác bản đã ký").contains("Chữ ký duyệt (cá nhân)")
                .doesNotContain("Văn bản còn nguyên vẹn từ khi ký");
        HttpResponse<byte[]> version = visitor.getBytes("/verify/signed-version/1");
        assertThat(version.statusCode()).isEqualTo(200);
        assertSignedVersionOf(signed, version.body());
    }

    /** The revision the signature signed: a prefix of kyso's output (which adds its DSS after signing) ending a revision. */
    private static void assertSignedVersionOf(byte[] signed, byte[] version) {
        assertThat(version.length).isLessThanOrEqualTo(signed.length);
        assertThat(java.util.Arrays.copyOf(signed, version.length)).isEqualTo(version);
        assertThat(new String(version, StandardCharsets.ISO_8859_1).stripTrailing()).endsWith("%%EOF");
    }

    @Test
    void theApiGivesTheSignedVersionAndRefusesOneThatDoesNotExist() {
        byte[] signed = sign(newOfficer("ban"), withTextField());
        byte[] filled = fill(signed, "1");

        HttpResponse<byte[]> version = http().postMultipartBytes("/api/v1/verifications", "file", "a.pdf", filled,
                Map.of("signedVersion", "1"));
        HttpResponse<String> missing = http().postMultipart("/api/v1/verifications", "file", "a.pdf", filled,
                Map.of("signedVersion", "2"));

        assertThat(version.statusCode()).isEqualTo(200);
        assertThat(version.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertSignedVersionOf(signed, version.body());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(missing).get("code").asString()).isEqualTo("INVALID_FIELD");
    }

    @Test
    void aChangedByteIsRedNamesItsSignerAndNeverSaysIntact() {
        Signer officer = newOfficer("sua");
        byte[] tampered = sign(officer, onePagePdf());
        String text = new String(tampered, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("/MediaBox");
        tampered[at + 1] = 'm'; // one byte inside the signed range

        JsonNode s = TestHttp.json(http().postMultipart("/api/v1/verifications", "file", "a.pdf", tampered, Map.of()))
                .get("signatures").get(0);
        String html = portal(http(), tampered);

        assertThat(s.get("verdict").asString()).isEqualTo("INVALID");
        assertThat(s.get("holder").asString()).isEqualTo("Nguyễn Văn sua");
        assertThat(s.get("issuedByKyso").asBoolean()).isTrue();
        assertThat(s.get("statusNow").asString()).isEqualTo("ACTIVE");
        String card = html.substring(html.indexOf("<article"), html.lastIndexOf("</article>"));
        assertThat(html).contains("Văn bản KHÔNG hợp lệ");
        assertThat(card).contains("verdict-red").contains("Nguyễn Văn sua").contains("Nội dung đã ký bị sửa sau khi ký")
                .doesNotContain("nguyên vẹn").doesNotContain("tổ chức khác");
    }

    private String portal(TestHttp visitor, byte[] pdf) {
        String csrf = visitor.csrfToken("/verify");
        Multipart form = multipart(Map.of("_csrf", csrf), List.of(Map.entry("file", pdf)));
        HttpResponse<byte[]> response = visitor.postBytes("/verify", form.contentType(), form.body());
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private byte[] sign(Signer officer, byte[] pdf) {
        HttpResponse<byte[]> signed = post(officer.username(), "/api/v1/signatures",
                multipart(Map.of("pin", PIN), List.of(Map.entry("file", pdf))));
        assertThat(signed.statusCode()).as(new String(signed.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return signed.body();
    }

    /** One page with a text field "amount" (value "100"). */
    private static byte[] withTextField() {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDResources dr = new PDResources();
            dr.put(org.apache.pdfbox.cos.COSName.getPDFName("Helv"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            form.setDefaultResources(dr);
            form.setDefaultAppearance("/Helv 12 Tf 0 g");
            PDTextField field = new PDTextField(form);
            field.setPartialName("amount");
            field.getWidgets().get(0).setRectangle(new PDRectangle(50, 600, 200, 20));
            field.getWidgets().get(0).setPage(page);
            page.getAnnotations().add(field.getWidgets().get(0));
            form.getFields().add(field);
            field.setValue("100");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An incremental update filling "amount" with {@code value}, as a reader's form filling does. */
    private static byte[] fill(byte[] pdf, String value) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var field = doc.getDocumentCatalog().getAcroForm().getField("amount");
            field.setValue(value);
            field.getCOSObject().setNeedToBeUpdated(true);
            field.getWidgets().forEach(w -> {
                w.getCOSObject().setNeedToBeUpdated(true);
                if (w.getAppearance() != null) {
                    w.getAppearance().getCOSObject().setNeedToBeUpdated(true);
                }
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
