package vn.kyso.signing.appearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.signing.Indication;
import vn.kyso.signing.Modifications;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SigningKey;
import vn.kyso.signing.VisibleSignature;
import vn.kyso.signing.VisibleSignature.Placement;
import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.signing.testpki.Pdfsig;
import vn.kyso.signing.testpki.TestPki;

/** The seam used for real: PdfSigner signs with the laid-out appearances, and readers agree. */
class PdfSignerVisibleSignatureTest {

    @Test
    void leaderThenClerkSignWithSignatureImageAndSealThroughPdfSigner(@TempDir Path dir) throws IOException {
        TestPki pki = TestPki.create();
        TestPki.Credential leader = pki.signer("Nguyễn Văn A", TestPki.KeyType.RSA_2048);
        TestPki.Credential clerk = pki.signer("Ủy ban nhân dân tỉnh Cà Mau", TestPki.KeyType.EC_P256);
        PdfSigner signer = PdfSigner.builder().build();

        byte[] approved = sign(signer, key(leader), TestDocuments.decision(false, false, false),
                new VisibleSignature.PersonalSignature(TestImages.blueSignature(),
                        new Placement.Anchor(TestDocuments.NAME)));
        byte[] issued = sign(signer, key(clerk), approved,
                new VisibleSignature.AgencySeal(TestImages.redSeal(), Placement.ANY_PAGE));

        Rectangle blue = PersonalSignatureAppearanceTest.assertBetweenTitleAndName(
                Rendering.render(approved, 1, "pdfsigner-1-leader"));
        Rectangle red = Rendering.bounds(Rendering.render(issued, 1, "pdfsigner-2-clerk-seal"), Rendering.RED);
        assertThat(red.getMaxX()).isCloseTo(blue.getMinX() + blue.width / 3.0, within(4.0));

        Path file = Files.write(dir.resolve("issued.pdf"), issued);
        assertThat(Pdfsig.trusting(dir, pki.root().certificate()).check(file))
                .as("both signatures intact (certificate trust is the signer tests' business)")
                .hasSize(2).allSatisfy(r -> assertThat(r.signatureValid()).as(r.toString()).isTrue());
    }

    @Test
    void theNumberAndDateTheClerkWritesAreAnAllowedChangeForKysosVerifier() throws IOException {
        TestPki pki = TestPki.create();
        PdfSigner signer = PdfSigner.builder().build();
        byte[] approved = sign(signer, key(pki.signer("Nguyễn Văn A", TestPki.KeyType.RSA_2048)),
                TestDocuments.blankDecision(), new VisibleSignature.PersonalSignature(TestImages.blueSignature(),
                        new Placement.Anchor(TestDocuments.NAME)));
        byte[] issued = sign(signer, key(pki.signer("Ủy ban nhân dân tỉnh Cà Mau", TestPki.KeyType.EC_P256)),
                approved, new VisibleSignature.AgencySeal(TestImages.redSeal(), 38,
                        new Placement.OverSignature(Placement.ANY_PAGE),
                        new VisibleSignature.Numbering("125/QĐ-UBND", LocalDate.of(2026, 3, 5))));

        List<SignatureReport> signatures = PdfVerifier.builder().trustAnchors(List.of(pki.root().certificate()))
                .build().verify(issued).signatures();
        // (revocation data is the signer tests' business: here both are INDETERMINATE for want of it)
        assertThat(signatures.get(0).modifications()).as("the leader's").isEqualTo(Modifications.ALLOWED);
        assertThat(signatures).hasSize(2).allSatisfy(s -> {
            assertThat(s.indication()).as(s.problems().toString()).isNotEqualTo(Indication.INVALID);
            assertThat(s.problems()).noneMatch(p -> p.contains("after signing"));
        });
    }

    private static SigningKey key(TestPki.Credential credential) {
        return InMemorySigningKey.of(credential.privateKey(), credential.chain());
    }

    private static byte[] sign(PdfSigner signer, SigningKey key, byte[] pdf, VisibleSignature visible) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        signer.sign(SignRequest.builder(key, PadesLevel.B_B).visible(visible).build(), pdf, out);
        return out.toByteArray();
    }
}
