package vn.kyso.signing.appearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.kyso.signing.VisibleSignature;
import vn.kyso.signing.VisibleSignature.AppendixStamp;
import vn.kyso.signing.VisibleSignature.CopyKind;
import vn.kyso.signing.VisibleSignature.CopyStamp;
import vn.kyso.signing.testpki.TestPki;

class StampAppearanceTest {

    /** Given in UTC on purpose: the stamp shows Vietnam time. */
    static final AppearanceContext CLERK = new AppearanceContext("Văn phòng Ủy ban nhân dân tỉnh Cà Mau", null,
            ZonedDateTime.parse("2026-03-05T07:30:00.250Z"));

    static TestPki.Credential agency;
    static byte[] decision;

    @BeforeAll
    static void setUp() throws IOException {
        agency = TestPki.create().signer("Ủy ban nhân dân tỉnh Cà Mau", TestPki.KeyType.EC_P256);
        decision = TestDocuments.decision(false, false, false);
    }

    @Test
    void appendixStampShowsNumberAndIsoTimeTopRightOfPageOneInBlackTenPoint() throws IOException {
        byte[] signed = sign(decision, new AppendixStamp("125/QĐ-UBND"));

        try (SignedAppearance appearance = new SignedAppearance(signed)) {
            assertThat(appearance.lines()).containsExactly("Số: 125/QĐ-UBND", "2026-03-05T14:30:00+07:00");
            assertThat(appearance.fontSizes()).containsOnly(10f);
            assertThat(appearance.font().getName()).matches("[A-Z]{6}\\+LiberationSerif");
        }
        Rectangle text = assertTopRightInBlack(Rendering.render(signed, 0, "stamp-appendix"));
        assertThat(text.height).as("two lines of 10 pt").isBetween(px(18), px(26));
    }

    @Test
    void copyStampShowsKindAgencyAndTime() throws IOException {
        byte[] signed = sign(decision, new CopyStamp(CopyKind.SAO_LUC, "Văn phòng Ủy ban nhân dân tỉnh Cà Mau"));

        try (SignedAppearance appearance = new SignedAppearance(signed)) {
            assertThat(appearance.lines()).containsExactly("SAO LỤC", "Văn phòng Ủy ban nhân dân tỉnh Cà Mau",
                    "2026-03-05T14:30:00+07:00");
        }
        Rectangle text = assertTopRightInBlack(Rendering.render(signed, 0, "stamp-copy-sao-luc"));
        assertThat(text.height).as("three lines of 10 pt").isBetween(px(30), px(38));
    }

    @Test
    void stampStaysUprightAtTheTopRightOfARotatedPage() throws IOException {
        byte[] signed = sign(TestDocuments.decision(true, false, false), new CopyStamp(CopyKind.SAO_Y,
                "Sở Tư pháp tỉnh Cà Mau"));
        BufferedImage page = Rendering.render(signed, 0, "stamp-copy-rotated-page");

        Rectangle text = assertTopRightInBlack(page);
        assertThat(text.width).as("lines run across, not down").isGreaterThan(2 * text.height);
    }

    @Test
    void popplerShowsTheStampAtTheSamePlaceOnARotatedPage() throws Exception {
        byte[] signed = sign(TestDocuments.decision(true, false, false), new AppendixStamp("125/QĐ-UBND"));

        Rectangle text = assertTopRightInBlack(Rendering.renderWithPoppler(signed, 0, "stamp-appendix-rotated-page"));
        assertThat(text.width).as("lines run across, not down").isGreaterThan(2 * text.height);
    }

    private static byte[] sign(byte[] pdf, VisibleSignature stamp) throws IOException {
        return TestSigning.sign(pdf, stamp, CLERK, agency);
    }

    /** The stamp's ink in the top band of page 1: right edge 15 mm from the edge, top 8 mm down, black. */
    private static Rectangle assertTopRightInBlack(BufferedImage page) {
        Rectangle band = new Rectangle(page.getWidth() / 2, 0, page.getWidth() / 2, (int) (21 * Rendering.PX_PER_MM));
        Rectangle text = Rendering.bounds(page, band, Rendering.DARK);
        assertThat(text).as("text at the top right").isNotNull();
        assertThat(page.getWidth() - text.getMaxX()).as("right margin")
                .isCloseTo(15 * Rendering.PX_PER_MM, within(2.0));
        assertThat(text.getMinY()).as("top margin").isBetween(8 * Rendering.PX_PER_MM, 9.5 * Rendering.PX_PER_MM);
        assertThat(Rendering.bounds(page, text, Rendering.COLOURED)).as("black, no colour").isNull();
        return text;
    }

    private static int px(double points) {
        return (int) Math.round(points * Rendering.PX_PER_PT);
    }
}
