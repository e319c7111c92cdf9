package vn.kyso.signing.appearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

import vn.kyso.signing.SigningException;
import vn.kyso.signing.VisibleSignature;
import vn.kyso.signing.VisibleSignature.AgencySeal;
import vn.kyso.signing.VisibleSignature.Numbering;
import vn.kyso.signing.VisibleSignature.Placement;
import vn.kyso.signing.testpki.TestPki;

class AgencySealAppearanceTest {

    static final AppearanceContext CLERK = new AppearanceContext("Ủy ban nhân dân tỉnh Cà Mau", null,
            ZonedDateTime.parse("2026-03-05T15:00:00+07:00[Asia/Ho_Chi_Minh]"));

    static TestPki.Credential agency;
    static byte[] personallySigned;

    @BeforeAll
    static void setUp() throws IOException {
        TestPki pki = TestPki.create();
        PersonalSignatureAppearanceTest.setUp();
        agency = pki.signer("Ủy ban nhân dân tỉnh Cà Mau", TestPki.KeyType.RSA_2048);
        personallySigned = PersonalSignatureAppearanceTest.sign(PersonalSignatureAppearanceTest.decision,
                new Placement.Anchor(TestDocuments.NAME));
    }

    @Test
    void sealAtRealSizeCoversTheLeftThirdOfThePersonalSignature(@TempDir Path dir) throws Exception {
        Rectangle blue = Rendering.bounds(Rendering.render(personallySigned, 1, "seal-0-before"), Rendering.BLUE);

        byte[] sealed = TestSigning.sign(personallySigned, new AgencySeal(TestImages.redSeal(), Placement.ANY_PAGE),
                CLERK, agency);
        BufferedImage page = Rendering.render(sealed, 1, "seal-1-over-personal-signature");
        Rectangle red = Rendering.bounds(page, Rendering.RED);

        double diameter = AgencySeal.DEFAULT_DIAMETER_MM * Rendering.PX_PER_MM;
        assertThat((double) red.width).as("real size across").isCloseTo(diameter, within(0.02 * diameter));
        assertThat((double) red.height).as("round").isCloseTo(diameter, within(0.02 * diameter));
        assertThat(red.getMaxX()).as("the seal's right edge ends a third into the signature")
                .isCloseTo(blue.getMinX() + blue.width / 3.0, within(4.0));
        assertThat(red.getCenterY()).as("vertically centred on the signature")
                .isCloseTo(blue.getCenterY(), within(4.0));
        assertThat(Rendering.bounds(page, blue, Rendering.BLUE).getMaxX()).as("the rest of the signature shows")
                .isCloseTo(blue.getMaxX(), within(1.0));

        Rectangle redInPoppler = Rendering.bounds(
                Rendering.renderWithPoppler(sealed, 1, "seal-1-over-personal-signature"), Rendering.RED);
        assertThat((double) redInPoppler.width).as("poppler agrees on the size").isCloseTo(diameter,
                within(0.02 * diameter));
        assertThat(redInPoppler.getCenterX()).as("and on the place").isCloseTo(red.getCenterX(), within(2.0));
        assertBothSignaturesValid(sealed, dir);
    }

    @Test
    void sealAtAnExplicitAreaIsCentredThereAtItsGivenDiameter() throws IOException {
        Placement area = new Placement.Area(2, 100, 400, 200, 150);
        byte[] sealed = TestSigning.sign(PersonalSignatureAppearanceTest.decision,
                new AgencySeal(TestImages.redSeal(), 36, area), CLERK, agency);
        Rectangle red = Rendering.bounds(Rendering.render(sealed, 1, "seal-explicit-area-36mm"), Rendering.RED);

        double diameter = 36 * Rendering.PX_PER_MM;
        assertThat((double) red.width).isCloseTo(diameter, within(0.02 * diameter));
        assertThat(red.getCenterX()).isCloseTo(Rendering.column(200), within(2.0));
        assertThat(red.getCenterY()).isCloseTo(Rendering.row(475), within(2.0));
    }

    @Test
    void sealWithNoVisibleSignatureToCoverIsAnInvalidRequest() {
        assertThatThrownBy(() -> TestSigning.sign(PersonalSignatureAppearanceTest.decision,
                new AgencySeal(TestImages.redSeal(), 2), CLERK, agency))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.code()).isEqualTo(SigningException.ErrorCode.INVALID_REQUEST))
                .hasMessageContaining("no visible signature on page 2");
    }

    @Test
    void issuingWritesTheNumberAndTheDateIntoTheBlanksAndKeepsTheLeadersSignatureValid(@TempDir Path dir)
            throws Exception {
        byte[] approved = PersonalSignatureAppearanceTest.sign(TestDocuments.blankDecision(),
                new Placement.Anchor(TestDocuments.NAME));
        Numbering numbering = new Numbering("125/QĐ-UBND", LocalDate.of(2026, 2, 5));
        try (PDDocument document = Loader.loadPDF(approved)) {
            assertThat(NumberingLocator.locate(document, PageFrame.of(document, 1), numbering))
                    .extracting(NumberingLocator.Mark::text)
                    .as("the number without the printed symbol; Decree 30's leading zeros for day 5 and month 2")
                    .containsExactly("125", "05", "02", "2026");
        }

        AgencySeal seal = new AgencySeal(TestImages.redSeal(), 38, new Placement.OverSignature(Placement.ANY_PAGE),
                numbering);
        try (PDDocument document = Loader.loadPDF(approved)) {
            List<Landing> preview = SignatureAppearances.locate(document, seal, CLERK);
            assertThat(preview).extracting(Landing::part).containsExactly(Landing.Part.SEAL, Landing.Part.TEXT,
                    Landing.Part.TEXT, Landing.Part.TEXT, Landing.Part.TEXT);
            assertThat(preview).allSatisfy(l -> assertThat(l.page()).isEqualTo(1));
            assertThat(preview.get(0).width()).as("the seal's real size")
                    .isCloseTo(38 * VisibleSignature.POINTS_PER_MM, within(0.5));
            assertThat(preview.get(1).x()).as("the number in its blank")
                    .isBetween((double) TestDocuments.NUMBER_BLANK_LEFT, (double) TestDocuments.NUMBER_BLANK_RIGHT);
        }
        byte[] issued = TestSigning.sign(approved, seal, CLERK, agency);

        Rectangle numberBlank = new Rectangle((int) Rendering.column(TestDocuments.NUMBER_BLANK_LEFT + 2),
                (int) Rendering.row(TestDocuments.HEADER_BASELINE + 9),
                (int) ((TestDocuments.NUMBER_BLANK_RIGHT - TestDocuments.NUMBER_BLANK_LEFT - 4) * Rendering.PX_PER_PT),
                (int) (11 * Rendering.PX_PER_PT));
        BufferedImage before = Rendering.render(approved, 0, "issue-0-blanks");
        BufferedImage after = Rendering.render(issued, 0, "issue-1-number-and-date");
        assertThat(Rendering.bounds(before, numberBlank, Rendering.DARK)).as("blank before").isNull();
        assertThat(Rendering.bounds(after, numberBlank, Rendering.DARK)).as("the number in the blank").isNotNull();
        Rectangle dayBlank = new Rectangle((int) Rendering.column(375), (int) Rendering.row(TestDocuments.HEADER_BASELINE + 9),
                (int) (20 * Rendering.PX_PER_PT), (int) (11 * Rendering.PX_PER_PT));
        assertThat(Rendering.bounds(before, dayBlank, Rendering.DARK)).isNull();
        assertThat(Rendering.bounds(after, dayBlank, Rendering.DARK)).as("the day in its blank").isNotNull();
        assertThat(Rendering.bounds(after, Rendering.RED)).as("the seal is still drawn").isNotNull();

        assertBothSignaturesValid(issued, dir);
    }

    @Test
    void aNumberAlreadyPrintedIsNotWrittenAgain() throws IOException {
        try (PDDocument document = Loader.loadPDF(PersonalSignatureAppearanceTest.decision)) {
            assertThat(NumberingLocator.locate(document, PageFrame.of(document, 1),
                    new Numbering("999/QĐ-UBND", LocalDate.of(2026, 3, 5)))).isEmpty();
        }
    }

    /** pdfsig (poppler) is the independent judge: both signatures must still verify. */
    private static void assertBothSignaturesValid(byte[] pdf, Path dir) throws Exception {
        Path file = Files.write(dir.resolve("sealed.pdf"), pdf);
        Process process = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output.split("Signature Validation: Signature is Valid", -1)).as(output).hasSize(3);
    }
}
