package vn.kyso.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.signing.verify.VerifyFixture.*;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.kyso.signing.Indication;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.RevocationSource;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.SubIndication;
import vn.kyso.signing.testpki.TestPki;

/**
 * RFC 5280 path rules on crafted chains. The control cases end in TRY_LATER: the path itself
 * was accepted, only revocation data (which these chains do not publish) is missing.
 */
class PathConstraintsTest {

    private static SignatureReport verify(CraftedChain chain, TestPki.Credential signer) {
        byte[] pdf = TestSigner.sign(ONE_PAGE, TestSigner.Options.of(signer, SIGNED_AT));
        return PdfVerifier.builder().trustAnchors(List.of(chain.root()))
                .clock(Clock.fixed(CHECKED_AT, ZoneOffset.UTC)).revocationSource(RevocationSource.none())
                .onlineTimeout(Duration.ofSeconds(5)).build().verify(pdf).signatures().get(0);
    }

    @Test
    void pathWithinPathLengthIsAccepted() {
        CraftedChain chain = new CraftedChain(SIGNED_AT).ca("CN=Policy CA", 1, null, false).ca("CN=Issuing CA", 0, null, false);

        SignatureReport s = verify(chain, chain.signer("CN=Officer", false));

        assertThat(s.subIndication()).isEqualTo(SubIndication.TRY_LATER);
    }

    @Test
    void chainExceedingPathLengthIsRefused() {
        // the policy CA may have no CA below it, yet it issued one
        CraftedChain chain = new CraftedChain(SIGNED_AT).ca("CN=Policy CA", 0, null, false).ca("CN=Rogue CA", -1, null, false);

        SignatureReport s = verify(chain, chain.signer("CN=Officer", false));

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE);
        assertThat(s.problems()).anyMatch(p -> p.contains("pathLenConstraint"));
    }

    @Test
    void nameWithinNameConstraintsIsAccepted() {
        CraftedChain chain = new CraftedChain(SIGNED_AT).ca("C=VN,O=Ca Mau,CN=Province CA", -1, "C=VN,O=Ca Mau", false);

        SignatureReport s = verify(chain, chain.signer("C=VN,O=Ca Mau,CN=Officer", false));

        assertThat(s.subIndication()).isEqualTo(SubIndication.TRY_LATER);
    }

    @Test
    void nameOutsideNameConstraintsIsRefused() {
        CraftedChain chain = new CraftedChain(SIGNED_AT).ca("C=VN,O=Ca Mau,CN=Province CA", -1, "C=VN,O=Ca Mau", false);

        SignatureReport s = verify(chain, chain.signer("C=VN,O=Bac Lieu,CN=Impostor", false));

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE);
        assertThat(s.problems()).anyMatch(p -> p.contains("name constraints"));
    }

    @Test
    void nameConstraintsOfAHigherCaBindTheWholePath() {
        CraftedChain chain = new CraftedChain(SIGNED_AT).ca("C=VN,O=Ca Mau,CN=Province CA", -1, "C=VN,O=Ca Mau", false)
                .ca("C=VN,O=Ca Mau,CN=District CA", -1, null, false);

        SignatureReport s = verify(chain, chain.signer("C=VN,O=Kien Giang,CN=Impostor", false));

        assertThat(s.subIndication()).isEqualTo(SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE);
    }

    @Test
    void unknownCriticalExtensionInTheSignerCertificateIsRefused() {
        CraftedChain chain = new CraftedChain(SIGNED_AT).ca("CN=Issuing CA", -1, null, false);

        SignatureReport s = verify(chain, chain.signer("CN=Officer", true));

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE);
        assertThat(s.problems()).anyMatch(p -> p.contains(CraftedChain.UNKNOWN.getId()));
    }

    @Test
    void unknownCriticalExtensionInACaCertificateIsRefused() {
        CraftedChain chain = new CraftedChain(SIGNED_AT).ca("CN=Issuing CA", -1, null, true);

        SignatureReport s = verify(chain, chain.signer("CN=Officer", false));

        assertThat(s.subIndication()).isEqualTo(SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE);
    }
}
