package vn.kyso.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.signing.verify.VerifyFixture.*;

import org.junit.jupiter.api.Test;

import vn.kyso.signing.Indication;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.SubIndication;

/**
 * PDFs signed by EU DSS (PAdES B-B and B-T, RSA and ECDSA) verified by kyso as shipped (its own
 * Bouncy Castle version). DSS's own verdicts on the same kind of files: {@link DssVerdictTest}.
 */
class DssInteropTest {

    static SignatureReport kysoVerdict(byte[] pdf) {
        return verifier(revocation()).verify(pdf).signatures().get(0);
    }

    @Test
    void dssPadesBaselineBWithRsaIsValid() {
        SignatureReport s = kysoVerdict(DssInterop.sign(ONE_PAGE, SIGNER, SIGNED_AT, null));

        assertThat(s.problems()).isEmpty();
        assertThat(s.indication()).isEqualTo(Indication.VALID);
        assertThat(s.level()).isEqualTo(PadesLevel.B_B);
        assertThat(s.format()).isEqualTo(SignatureFormat.CADES_DETACHED);
    }

    @Test
    void dssPadesBaselineBWithEcdsaIsValid() {
        SignatureReport s = kysoVerdict(DssInterop.sign(ONE_PAGE, SECOND_SIGNER, SIGNED_AT, null));

        assertThat(s.problems()).isEmpty();
        assertThat(s.indication()).isEqualTo(Indication.VALID);
        assertThat(s.level()).isEqualTo(PadesLevel.B_B);
    }

    @Test
    void dssPadesBaselineTIsValid() {
        SignatureReport s = kysoVerdict(DssInterop.sign(ONE_PAGE, SIGNER, SIGNED_AT, TSA));

        assertThat(s.problems()).isEmpty();
        assertThat(s.indication()).isEqualTo(Indication.VALID);
        assertThat(s.level()).isEqualTo(PadesLevel.B_T);
        assertThat(s.timestampTime()).isEqualTo(SIGNED_AT);
    }

    @Test
    void aByteChangedInADssSignedFileIsHashFailure() {
        byte[] pdf = DssInterop.sign(ONE_PAGE, SIGNER, SIGNED_AT, null);
        pdf[PdfVerifierTest.indexOf(pdf, "/MediaBox [0") + 11] ^= 0x01;

        SignatureReport s = kysoVerdict(pdf);

        assertThat(s.indication()).isEqualTo(Indication.INVALID);
        assertThat(s.subIndication()).isEqualTo(SubIndication.HASH_FAILURE);
    }
}
