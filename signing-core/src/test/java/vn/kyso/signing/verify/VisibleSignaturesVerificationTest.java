package vn.kyso.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.signing.verify.VerifyFixture.*;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import vn.kyso.signing.Indication;
import vn.kyso.signing.Modifications;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.VerificationReport;
import vn.kyso.signing.VisibleSignature;
import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.signing.testpki.TestPki;

/**
 * The Decree 30 workflow made by PdfSigner: the leader's visible signature, then the clerk's
 * seal over it. The seal's update (new field, widget, appearance) must leave the leader's
 * signature VALID with ALLOWED changes.
 */
class VisibleSignaturesVerificationTest {

    @Test
    void aSealOverTheLeadersVisibleSignatureIsAnAllowedChange() throws IOException {
        PdfSigner signer = PdfSigner.builder().build();
        byte[] approved = sign(signer, SIGNER, ONE_PAGE, new VisibleSignature.PersonalSignature(png(Color.BLUE),
                new VisibleSignature.Placement.Area(1, 300, 100, 150, 60)));
        byte[] issued = sign(signer, SECOND_SIGNER, approved, new VisibleSignature.AgencySeal(png(Color.RED), 1));

        VerificationReport report = verifier(revocation()).verify(issued);

        assertThat(report.signatures()).hasSize(2);
        assertThat(report.signatures().get(0).problems()).isEmpty();
        assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.VALID);
        assertThat(report.signatures().get(0).modifications()).isEqualTo(Modifications.ALLOWED);
        assertThat(report.signatures().get(1).indication()).isEqualTo(Indication.VALID);
        assertThat(report.allValid()).isTrue();
    }

    private static byte[] sign(PdfSigner signer, TestPki.Credential who, byte[] pdf, VisibleSignature visible) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        signer.sign(SignRequest.builder(InMemorySigningKey.of(who.privateKey(), who.chain()), PadesLevel.B_B)
                .visible(visible).build(), pdf, out);
        return out.toByteArray();
    }

    private static byte[] png(Color color) throws IOException {
        BufferedImage image = new BufferedImage(120, 120, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillOval(10, 10, 100, 100);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
