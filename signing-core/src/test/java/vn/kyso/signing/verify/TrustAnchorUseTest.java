package vn.kyso.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.signing.verify.VerifyFixture.CHECKED_AT;
import static vn.kyso.signing.verify.VerifyFixture.ONE_PAGE;
import static vn.kyso.signing.verify.VerifyFixture.PKI;
import static vn.kyso.signing.verify.VerifyFixture.TSA;
import static vn.kyso.signing.verify.VerifyFixture.options;
import static vn.kyso.signing.verify.VerifyFixture.revocation;
import static vn.kyso.signing.verify.VerifyFixture.signedWithDss;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import vn.kyso.signing.Indication;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.SubIndication;
import vn.kyso.signing.VerificationReport;

/** Anchors trusted for signatures, timestamps or both, and the anchor a report names. */
class TrustAnchorUseTest {

    private static final byte[] SIGNED_AND_STAMPED = TestSigner.addDocumentTimestamp(
            signedWithDss(TestSigner.sign(ONE_PAGE, options().withTsa(TSA))), TSA);

    @Test
    void aReportNamesTheAnchorItsSignerAndTsaPathsEndAt() throws Exception {
        VerificationReport report = verifier(true, true).verify(SIGNED_AND_STAMPED);

        String root = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(PKI.root().certificate().getEncoded()));
        assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.VALID);
        assertThat(report.signatures().get(0).anchorSha256()).isEqualTo(root);
        assertThat(report.timestamps().get(0).indication()).isEqualTo(Indication.VALID);
        assertThat(report.timestamps().get(0).anchorSha256()).isEqualTo(root);
    }

    @Test
    void anAnchorTrustedForTimestampsOnlyEndsNoSignersPath() {
        VerificationReport report = verifier(false, true).verify(SIGNED_AND_STAMPED);

        assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(report.signatures().get(0).subIndication()).isEqualTo(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
        assertThat(report.signatures().get(0).anchorSha256()).isNull();
        assertThat(report.timestamps().get(0).indication()).isEqualTo(Indication.VALID);
    }

    @Test
    void anAnchorTrustedForSignaturesOnlyEndsNoTsaPath() {
        VerificationReport report = verifier(true, false).verify(SIGNED_AND_STAMPED);

        assertThat(report.signatures().get(0).anchorSha256()).isNotNull();
        assertThat(report.timestamps().get(0).indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(report.timestamps().get(0).subIndication()).isEqualTo(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
        assertThat(report.timestamps().get(0).anchorSha256()).isNull();
    }

    private static PdfVerifier verifier(boolean signatures, boolean timestamps) {
        return PdfVerifier.builder().trustAnchor(PKI.root().certificate(), signatures, timestamps)
                .clock(Clock.fixed(CHECKED_AT, ZoneOffset.UTC)).revocationSource(revocation()).build();
    }
}
