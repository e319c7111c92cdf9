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
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.signing.SigningException;
import vn.kyso.signing.VisibleSignature.AgencySeal;
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

    /** pdfsig (poppler) is the independent judge: both signatures must still verify. */
    private static void assertBothSignaturesValid(byte[] pdf, Path dir) throws Exception {
        Path file = Files.write(dir.resolve("sealed.pdf"), pdf);
        Process process = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output.split("Signature Validation: Signature is Valid", -1)).as(output).hasSize(3);
    }
}
