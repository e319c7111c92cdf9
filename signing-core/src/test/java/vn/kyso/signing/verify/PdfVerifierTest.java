package vn.kyso.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.kyso.signing.verify.VerifyFixture.*;

import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import vn.kyso.signing.Indication;
import vn.kyso.signing.Modifications;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.RevocationSource;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SubIndication;
import vn.kyso.signing.VerificationReport;

class PdfVerifierTest {

    @Test
    void intactSignatureWithRevocationDataIsValid() {
        VerificationReport report = verifier(revocation()).verify(signedOnePage());

        assertThat(report.signatures()).hasSize(1);
        SignatureReport s = report.signatures().get(0);
        assertThat(s.problems()).isEmpty();
        assertThat(s.indication()).isEqualTo(Indication.VALID);
        assertThat(s.level()).isEqualTo(PadesLevel.B_B);
        assertThat(s.signer()).isEqualTo("Nguyễn Văn An");
        assertThat(s.issuer()).contains("Verify Issuing CA");
        assertThat(s.certificateSerial()).isEqualTo(SIGNER.certificate().getSerialNumber().toString(16));
        assertThat(s.signingTime()).isEqualTo(SIGNED_AT);
        assertThat(s.coversWholeDocument()).isTrue();
        assertThat(s.modifications()).isEqualTo(Modifications.NONE);
        assertThat(report.allValid()).isTrue();
    }

    @Test
    void oneFlippedByteInTheSignedRangeIsHashFailure() {
        byte[] pdf = signedOnePage();
        int at = indexOf(pdf, "/MediaBox [0") + 11; // the first coordinate: 0 becomes 1
        pdf[at] ^= 0x01;

        SignatureReport s = verifier(revocation()).verify(pdf).signatures().get(0);

        assertThat(s.indication()).isEqualTo(Indication.INVALID);
        assertThat(s.subIndication()).isEqualTo(SubIndication.HASH_FAILURE);
    }

    @Test
    void offlineWithoutRevocationDataIsTryLater() {
        SignatureReport s = verifier(RevocationSource.none()).verify(signedOnePage()).signatures().get(0);

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.TRY_LATER);
    }

    @Test
    void revocationDataInTheDssVerifiesOffline() {
        byte[] pdf = signedWithDss(signedOnePage());

        SignatureReport s = verifier(RevocationSource.none()).verify(pdf).signatures().get(0);

        assertThat(s.problems()).isEmpty();
        assertThat(s.indication()).isEqualTo(Indication.VALID);
        assertThat(s.modifications()).isEqualTo(Modifications.ALLOWED);
        assertThat(s.coversWholeDocument()).isFalse();
    }

    @Test
    void notAPdfIsAnExceptionNotAReport() {
        assertThatThrownBy(() -> verifier(RevocationSource.none()).verify(new byte[0]))
                .isInstanceOfSatisfying(SigningException.class, e -> assertThat(e.code()).isEqualTo(SigningException.ErrorCode.NOT_A_PDF));
        assertThatThrownBy(() -> verifier(RevocationSource.none()).verify("hello, world".getBytes()))
                .isInstanceOfSatisfying(SigningException.class, e -> assertThat(e.code()).isEqualTo(SigningException.ErrorCode.NOT_A_PDF));
        assertThatThrownBy(() -> verifier(RevocationSource.none()).verify(Arrays.copyOf(signedOnePage(), 20)))
                .isInstanceOfSatisfying(SigningException.class, e -> assertThat(e.code()).isEqualTo(SigningException.ErrorCode.NOT_A_PDF));
    }

    static int indexOf(byte[] data, String text) {
        int i = vn.kyso.signing.verify.PdfFile.indexOf(data, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, data.length);
        if (i < 0) {
            throw new IllegalArgumentException(text + " not found");
        }
        return i;
    }

    static Duration unused() {
        return Duration.ZERO;
    }
}
