package vn.kyso.signing.appearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.text.Normalizer;
import java.time.ZonedDateTime;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.kyso.signing.SigningException;
import vn.kyso.signing.VisibleSignature;
import vn.kyso.signing.VisibleSignature.Placement;
import vn.kyso.signing.VisibleSignature.PersonalSignature;
import vn.kyso.signing.testpki.TestPki;

class PersonalSignatureAppearanceTest {

    static final AppearanceContext CONTEXT = new AppearanceContext("Nguyễn Văn A", "Ủy ban nhân dân tỉnh Cà Mau",
            ZonedDateTime.parse("2026-03-05T14:30:00+07:00[Asia/Ho_Chi_Minh]"));

    static TestPki.Credential signer;
    static byte[] decision;

    @BeforeAll
    static void setUp() throws IOException {
        signer = TestPki.create().signer("Nguyễn Văn A", TestPki.KeyType.EC_P256);
        decision = TestDocuments.decision(false, false, false);
    }

    @Test
    void signatureImageSitsBetweenPositionTitleAndNameWhenAnchoredOnTheName() throws IOException {
        byte[] signed = sign(decision, new Placement.Anchor(TestDocuments.NAME));

        assertBetweenTitleAndName(Rendering.render(signed, 1, "personal-anchor-name"));
        assertThat(Rendering.bounds(Rendering.render(signed, 0, "personal-anchor-name-page1"), Rendering.BLUE))
                .as("nothing drawn on page 1, where the name only appears in the body").isNull();
    }

    @Test
    void anchoringOnThePositionTitlePutsTheImageBelowIt() throws IOException {
        // "CHỦ TỊCH" is in page 1's heading too; lower case on purpose: matching ignores case
        byte[] signed = sign(decision, new Placement.Anchor("chủ tịch", Placement.ANY_PAGE, Placement.AnchorLine.TITLE));

        assertBetweenTitleAndName(Rendering.render(signed, 1, "personal-anchor-title"));
    }

    @Test
    void anchorMatchesWhetherTextIsComposedOrDecomposed() throws IOException {
        byte[] decomposedDocument = TestDocuments.decision(false, false, true);
        byte[] signed = sign(decomposedDocument, new Placement.Anchor(TestDocuments.NAME, 2, Placement.AnchorLine.NAME));
        assertBetweenTitleAndName(Rendering.render(signed, 1, "personal-anchor-nfd-document"));

        String decomposedAnchor = Normalizer.normalize(TestDocuments.NAME, Normalizer.Form.NFD);
        assertThat(decomposedAnchor).isNotEqualTo(TestDocuments.NAME);
        assertBetweenTitleAndName(Rendering.render(sign(decision, new Placement.Anchor(decomposedAnchor)), 1,
                "personal-anchor-nfd-anchor"));
    }

    @Test
    void anchorIsFoundOnARotatedPageAndTheImageStaysUpright() throws IOException {
        byte[] rotated = TestDocuments.decision(true, false, false);
        BufferedImage page = Rendering.render(sign(rotated, new Placement.Anchor(TestDocuments.NAME)), 1,
                "personal-anchor-rotated-page");

        assertThat(page.getHeight()).as("displayed as portrait").isGreaterThan(page.getWidth());
        Rectangle blue = assertBetweenTitleAndName(page);
        assertThat(blue.width).as("upright: the signature is wider than tall").isGreaterThan(2 * blue.height);
    }

    @Test
    void anchorNotFoundIsAnInvalidRequestNamingTheAnchor() {
        assertThatThrownBy(() -> sign(decision, new Placement.Anchor("Trần Văn B")))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.code()).isEqualTo(SigningException.ErrorCode.INVALID_REQUEST))
                .hasMessageContaining("\"Trần Văn B\"").hasMessageContaining("not found");
    }

    @Test
    void areaOffThePageOrOnAMissingPageIsAnInvalidRequest() {
        assertThatThrownBy(() -> sign(decision, new Placement.Area(2, 500, 100, 200, 80)))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.code()).isEqualTo(SigningException.ErrorCode.INVALID_REQUEST))
                .hasMessageContaining("outside page 2");
        assertThatThrownBy(() -> sign(decision, new Placement.Area(3, 100, 100, 200, 80)))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.code()).isEqualTo(SigningException.ErrorCode.INVALID_REQUEST))
                .hasMessageContaining("page 3 does not exist");
    }

    @Test
    void areaInMillimetresIsMeasuredFromTheCropBoxCorner() throws IOException {
        byte[] cropped = TestDocuments.decision(false, true, false);
        // an empty band of page 2, between the last body line and the signature block
        Placement area = Placement.Area.ofMillimetres(2, 110, 140, 70, 30);
        BufferedImage page = Rendering.render(sign(cropped, area), 1, "personal-area-mm-cropped-page");

        Rectangle blue = Rendering.bounds(page, Rendering.BLUE);
        double left = 110 * Rendering.PX_PER_MM;
        double right = 180 * Rendering.PX_PER_MM;
        double top = (TestDocuments.HEIGHT * Rendering.PX_PER_PT) - 170 * Rendering.PX_PER_MM;
        double bottom = (TestDocuments.HEIGHT * Rendering.PX_PER_PT) - 140 * Rendering.PX_PER_MM;
        assertThat(blue.getMinX()).isGreaterThanOrEqualTo(left - 2);
        assertThat(blue.getMaxX()).isLessThanOrEqualTo(right + 2);
        assertThat(blue.getMinY()).isGreaterThanOrEqualTo(top - 2);
        assertThat(blue.getMaxY()).isLessThanOrEqualTo(bottom + 2);
        // the image is as large as the area allows: it fills its width or its height
        assertThat(Math.max(blue.width / (right - left), blue.height / (bottom - top))).isGreaterThan(0.95);
    }

    @Test
    void signerTextIsWrittenUnderTheImageOnlyWhenAsked() throws IOException {
        Placement area = new Placement.Area(2, 320, 420, 220, 110);
        byte[] signed = TestSigning.sign(decision, new PersonalSignature(TestImages.blueSignature(), area, true),
                CONTEXT, signer);
        BufferedImage page = Rendering.render(signed, 1, "personal-with-signer-text");

        Rectangle blue = Rendering.bounds(page, Rendering.BLUE);
        Rectangle below = new Rectangle(0, blue.y + blue.height, page.getWidth(),
                (int) Rendering.row(420) - blue.y - blue.height + 2);
        assertThat(Rendering.bounds(page, below, Rendering.DARK)).as("text under the image").isNotNull();
        try (SignedAppearance appearance = new SignedAppearance(signed)) {
            assertThat(appearance.lines()).containsExactly("Ký bởi: Nguyễn Văn A",
                    "Cơ quan: Ủy ban nhân dân tỉnh Cà Mau", "Ngày ký: 05/03/2026 14:30:00 +07:00");
        }
        try (SignedAppearance appearance = new SignedAppearance(sign(decision, area))) {
            assertThat(appearance.lines()).as("no text by default").isEmpty();
        }
    }

    @Test
    void theWidgetIsTheImageBoxSoTheSealCanFindIt() throws IOException {
        byte[] signed = sign(decision, new Placement.Anchor(TestDocuments.NAME));
        try (SignedAppearance appearance = new SignedAppearance(signed);
                PDDocument document = Loader.loadPDF(signed)) {
            assertThat(appearance.widget().isPrinted()).as("printed with the document").isTrue();
            assertThat(appearance.rectangle().getLowerLeftY()).isGreaterThan(TestDocuments.NAME_BASELINE);
            assertThat(appearance.rectangle().getUpperRightY()).isLessThan(TestDocuments.POSITION_BASELINE);
            assertThat(document.getPage(1).getAnnotations()).hasSize(1);
        }
    }

    /** The blue image's bounds, after checking they lie in the gap and are centred on the name. */
    static Rectangle assertBetweenTitleAndName(BufferedImage page) {
        Rectangle blue = Rendering.bounds(page, Rendering.BLUE);
        assertThat(blue).as("a blue signature is drawn").isNotNull();
        double titleBaseline = Rendering.row(TestDocuments.POSITION_BASELINE);
        double nameTop = Rendering.row(TestDocuments.NAME_BASELINE + 0.75 * TestDocuments.SIZE);
        assertThat((double) blue.y).as("below the position title").isGreaterThan(titleBaseline);
        assertThat(blue.getMaxY()).as("above the name").isLessThan(nameTop);
        assertThat(blue.getCenterX()).as("centred on the name")
                .isCloseTo(Rendering.column(TestDocuments.BLOCK_CENTRE_X), within(4.0));
        // as large as allowed: 80% of the gap's height, unless that would make it wider than 60 mm
        boolean fillsTheGap = blue.height > 0.7 * (nameTop - titleBaseline);
        boolean hasTheMaximumWidth = blue.width > 58 * Rendering.PX_PER_MM && blue.width < 61 * Rendering.PX_PER_MM;
        assertThat(fillsTheGap || hasTheMaximumWidth).as("size %s in a gap of %.0f px", blue, nameTop - titleBaseline)
                .isTrue();
        return blue;
    }

    static byte[] sign(byte[] pdf, Placement placement) throws IOException {
        return TestSigning.sign(pdf, new PersonalSignature(TestImages.blueSignature(), placement), CONTEXT, signer);
    }

    static VisibleSignature personalAtName() {
        return new PersonalSignature(TestImages.blueSignature(), new Placement.Anchor(TestDocuments.NAME));
    }
}
