package vn.kyso.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.kyso.signing.verify.VerifyFixture.*;

import org.junit.jupiter.api.Test;

import vn.kyso.signing.Indication;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SubIndication;

/** The exact bytes each signature signed, and whose signature a failed check was. */
class SignedVersionTest {

    @Test
    void eachSignaturesSignedVersionIsTheRevisionItSigned() {
        byte[] once = signedOnePage();
        byte[] twice = TestSigner.sign(once, options().withCredential(SECOND_SIGNER));
        byte[] filled = TestUpdates.update(twice, doc -> doc.getDocumentInformation().setTitle("x"));

        assertThat(verifier(revocation()).signedVersion(filled, 1)).isEqualTo(once);
        assertThat(verifier(revocation()).signedVersion(filled, 2)).isEqualTo(twice);
    }

    @Test
    void aSignedVersionThatDoesNotExistIsARequestError() {
        assertThatThrownBy(() -> verifier(revocation()).signedVersion(signedOnePage(), 2))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.code()).isEqualTo(SigningException.ErrorCode.INVALID_REQUEST))
                .hasMessageContaining("no signature 2");
        assertThatThrownBy(() -> verifier(revocation()).signedVersion(signedOnePage(), 0))
                .isInstanceOf(SigningException.class);
    }

    @Test
    void aSignatureOverChangedBytesStillNamesItsSigner() {
        byte[] signed = signedOnePage();
        String text = new String(signed, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("595", text.indexOf("/MediaBox"));
        signed[at] = '4'; // one changed byte inside the signed range: the page is 495 wide

        SignatureReport s = verifier(revocation()).verify(signed).signatures().get(0);

        assertThat(s.indication()).isEqualTo(Indication.INVALID);
        assertThat(s.subIndication()).isEqualTo(SubIndication.HASH_FAILURE);
        assertThat(s.signer()).isEqualTo("Nguyễn Văn An");
        assertThat(s.issuer()).isNotBlank();
        assertThat(s.certificateSerial()).isEqualTo(SIGNER.certificate().getSerialNumber().toString(16));
    }
}
