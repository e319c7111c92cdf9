package vn.kyso.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.signing.verify.VerifyFixture.*;

import java.time.Instant;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import eu.europa.esig.dss.enumerations.Indication;

/**
 * EU DSS's own verdict on the files it signs, beside kyso's: they must agree. Runs in the
 * dss-verdicts test execution, on the Bouncy Castle version DSS is built for (see the pom):
 * on kyso's newer one DSS finds no signature in any PDF, as that version refuses the zero
 * padding after the CMS in /Contents.
 */
class DssVerdictTest {

    @BeforeAll
    static void onlyWhereDssCanReadPaddedContents() {
        // Bouncy Castle 1.87 refuses trailing bytes after a CMS; DSS 6.4 relies on earlier versions accepting them
        double version = Double.parseDouble(new BouncyCastleProvider().getVersionStr());
        Assumptions.assumeTrue(version < 1.87, "runs in the dss-verdicts execution (Bouncy Castle as DSS expects)");
    }

    private static Indication dss(byte[] pdf) {
        return DssInterop.validate(pdf, PKI.root().certificate(), new TestRevocationData(PKI, RESPONDER, Instant.now()));
    }

    @Test
    void dssAndKysoAgreeOnPadesBaselineB() {
        byte[] pdf = DssInterop.sign(ONE_PAGE, SIGNER, SIGNED_AT, null);

        assertThat(dss(pdf)).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(DssInteropTest.kysoVerdict(pdf).indication()).isEqualTo(vn.kyso.signing.Indication.VALID);
    }

    @Test
    void dssAndKysoAgreeOnPadesBaselineT() {
        byte[] pdf = DssInterop.sign(ONE_PAGE, SECOND_SIGNER, SIGNED_AT, TSA);

        assertThat(dss(pdf)).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(DssInteropTest.kysoVerdict(pdf).indication()).isEqualTo(vn.kyso.signing.Indication.VALID);
    }

    @Test
    void dssAndKysoAgreeOnAChangedByte() {
        byte[] pdf = DssInterop.sign(ONE_PAGE, SIGNER, SIGNED_AT, null);
        pdf[PdfVerifierTest.indexOf(pdf, "/MediaBox [0") + 11] ^= 0x01;

        assertThat(dss(pdf)).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(DssInteropTest.kysoVerdict(pdf).indication()).isEqualTo(vn.kyso.signing.Indication.INVALID);
    }
}
