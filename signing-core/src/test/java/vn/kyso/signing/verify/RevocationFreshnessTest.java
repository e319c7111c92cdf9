package vn.kyso.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.signing.verify.VerifyFixture.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.kyso.signing.Indication;
import vn.kyso.signing.RevocationSource;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.SubIndication;

/**
 * Revocation data must be fresh for the time it is used for (ETSI EN 319 102-1 §5.2.5): a
 * timestamped signature's status is needed at the timestamp, an untimestamped one's now.
 * Each file carries only the data under test and is verified offline.
 */
class RevocationFreshnessTest {

    private static final Instant DAYS_BEFORE = SIGNED_AT.minus(Duration.ofDays(30));

    /** Timestamped (status needed at {@link VerifyFixture#SIGNED_AT}), with the signer's OCSP response as given. */
    private static SignatureReport timestampedWith(byte[] signerOcsp) {
        TestRevocationData data = revocation();
        byte[] caOcsp = data.ocsp(PKI.issuingCa().certificate(), PKI.root().certificate(), PKI.root());
        byte[] pdf = TestSigner.addDss(TestSigner.sign(ONE_PAGE, options().withTsa(TSA)),
                List.of(SIGNER.certificate(), PKI.issuingCa().certificate(), RESPONDER.certificate()),
                List.of(signerOcsp, caOcsp), List.of());
        return verifier(RevocationSource.none()).verify(pdf).signatures().get(0);
    }

    private static byte[] signerOcsp(Instant thisUpdate, Instant nextUpdate) {
        return revocation().ocsp(SIGNER.certificate(), PKI.issuingCa().certificate(), RESPONDER, thisUpdate, nextUpdate);
    }

    @Test
    void ocspWithoutNextUpdateIssuedAfterTheSigningTimeIsFresh() {
        SignatureReport s = timestampedWith(signerOcsp(SIGNED_AT.plus(Duration.ofMinutes(10)), null));

        assertThat(s.problems()).isEmpty();
        assertThat(s.indication()).isEqualTo(Indication.VALID);
    }

    @Test
    void staleOcspWithoutNextUpdateIsNotEvidence() {
        // issued a month before the signature: it says nothing about the signing time
        SignatureReport s = timestampedWith(signerOcsp(DAYS_BEFORE, null));

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.TRY_LATER);
    }

    @Test
    void ocspWhoseNextUpdatePassedBeforeTheSigningTimeIsNotEvidence() {
        SignatureReport s = timestampedWith(signerOcsp(DAYS_BEFORE, DAYS_BEFORE.plus(Duration.ofDays(7))));

        assertThat(s.subIndication()).isEqualTo(SubIndication.TRY_LATER);
    }

    @Test
    void ocspIssuedBeforeTheSigningTimeWithinItsWindowIsFresh() {
        SignatureReport s = timestampedWith(signerOcsp(SIGNED_AT.minus(Duration.ofDays(1)), SIGNED_AT.plus(Duration.ofDays(6))));

        assertThat(s.indication()).isEqualTo(Indication.VALID);
    }

    @Test
    void ocspDatedAfterTheValidationTimeIsNotEvidence() {
        Instant future = CHECKED_AT.plus(Duration.ofDays(2));
        SignatureReport s = timestampedWith(signerOcsp(future, future.plus(Duration.ofDays(7))));

        assertThat(s.subIndication()).isEqualTo(SubIndication.TRY_LATER);
    }

    @Test
    void staleCrlWithoutNextUpdateIsNotEvidence() {
        TestRevocationData data = revocation();
        byte[] caOcsp = data.ocsp(PKI.issuingCa().certificate(), PKI.root().certificate(), PKI.root());
        byte[] pdf = TestSigner.addDss(TestSigner.sign(ONE_PAGE, options().withTsa(TSA)),
                List.of(PKI.issuingCa().certificate()), List.of(caOcsp), List.of(data.crl(DAYS_BEFORE, null)));

        SignatureReport s = verifier(RevocationSource.none()).verify(pdf).signatures().get(0);

        assertThat(s.subIndication()).isEqualTo(SubIndication.TRY_LATER);
    }

    @Test
    void crlWithoutNextUpdateIssuedAfterTheSigningTimeIsFresh() {
        TestRevocationData data = revocation();
        byte[] caOcsp = data.ocsp(PKI.issuingCa().certificate(), PKI.root().certificate(), PKI.root());
        byte[] pdf = TestSigner.addDss(TestSigner.sign(ONE_PAGE, options().withTsa(TSA)),
                List.of(PKI.issuingCa().certificate()), List.of(caOcsp),
                List.of(data.crl(SIGNED_AT.plus(Duration.ofMinutes(5)), null)));

        SignatureReport s = verifier(RevocationSource.none()).verify(pdf).signatures().get(0);

        assertThat(s.indication()).isEqualTo(Indication.VALID);
    }
}
