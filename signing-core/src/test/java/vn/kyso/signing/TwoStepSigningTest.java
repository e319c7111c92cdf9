package vn.kyso.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.kyso.signing.PadesAssertions.assertCmsVerifies;
import static vn.kyso.signing.PadesAssertions.assertLevelStructure;
import static vn.kyso.signing.PadesAssertions.assertPdfsigValid;
import static vn.kyso.signing.PadesAssertions.assertPrefix;
import static vn.kyso.signing.PadesAssertions.assertQpdfClean;

import java.nio.file.Path;
import java.security.Signature;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.kyso.signing.SigningException.ErrorCode;
import vn.kyso.signing.key.ExternalSigningKey;
import vn.kyso.signing.testpki.TestPki;

/** prepare → sign elsewhere → complete gives the same signature as one-step signing. */
class TwoStepSigningTest extends LoopbackPkiTest {

    @ParameterizedTest
    @EnumSource(PadesLevel.class)
    void preparedHashSignedOutsideCompletesToAValidSignature(PadesLevel level) throws Exception {
        TestPki.Credential c = server.pki().signer("Lê Văn Cường", TestPki.KeyType.EC_P256);
        SignRequest request = SignRequest.builder(ExternalSigningKey.chainOnly(c.chain()), level).build();

        PreparedSignature prepared = signer.prepare(request, input);
        assertThat(prepared.hash()).isEqualTo(DigestAlgorithm.SHA256.newDigest().digest(prepared.toBeSigned()));
        Signature outside = Signature.getInstance("SHA256withECDSA");
        outside.initSign(c.privateKey());
        outside.update(prepared.toBeSigned());
        Path out = dir.resolve("two-step-" + level + ".pdf");
        SignResult result = signer.complete(prepared, outside.sign(), out);

        assertThat(result.level()).isEqualTo(level);
        assertPrefix(input, out);
        assertQpdfClean(out);
        assertCmsVerifies(out);
        assertLevelStructure(out, level);
        assertPdfsigValid(pdfsig, out, level == PadesLevel.B_LTA ? 2 : 1);
    }

    @Test
    void rsaHashSignedAsDigestInfoCompletes() throws Exception {
        TestPki.Credential c = server.pki().signer("Phạm Thị Dung", TestPki.KeyType.RSA_2048);
        PreparedSignature prepared = signer.prepare(
                SignRequest.builder(ExternalSigningKey.chainOnly(c.chain()), PadesLevel.B_B).build(), input);
        // a signer that only takes a hash: NONEwithRSA over DigestInfo(SHA-256, hash)
        byte[] prefix = java.util.HexFormat.of().parseHex("3031300d060960864801650304020105000420");
        byte[] digestInfo = new byte[prefix.length + 32];
        System.arraycopy(prefix, 0, digestInfo, 0, prefix.length);
        System.arraycopy(prepared.hash(), 0, digestInfo, prefix.length, 32);
        Signature raw = Signature.getInstance("NONEwithRSA");
        raw.initSign(c.privateKey());
        raw.update(digestInfo);
        Path out = dir.resolve("two-step-rsa.pdf");

        signer.complete(prepared.handleId(), raw.sign(), out);

        assertCmsVerifies(out);
        assertPdfsigValid(pdfsig, out, 1);
    }

    @Test
    void aValueThatDoesNotMatchIsRefusedAndTheHandleIsSpent() throws Exception {
        TestPki.Credential c = server.pki().signer("Hoàng Văn Em", TestPki.KeyType.EC_P256);
        TestPki.Credential other = server.pki().signer("Người khác", TestPki.KeyType.EC_P256);
        PreparedSignature prepared = signer.prepare(
                SignRequest.builder(ExternalSigningKey.chainOnly(c.chain()), PadesLevel.B_B).build(), input);
        Signature wrongKey = Signature.getInstance("SHA256withECDSA");
        wrongKey.initSign(other.privateKey());
        wrongKey.update(prepared.toBeSigned());
        byte[] value = wrongKey.sign();

        assertThatThrownBy(() -> signer.complete(prepared, value, dir.resolve("bad.pdf")))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SIGNING_HANDLE));
        assertThatThrownBy(() -> signer.complete(prepared, value, dir.resolve("bad.pdf")))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SIGNING_HANDLE));
        assertThat(dir.resolve("bad.pdf")).doesNotExist();
    }

    @Test
    void anUnknownHandleIsRefused() {
        assertThatThrownBy(() -> signer.complete("no-such-handle", new byte[64], dir.resolve("x.pdf")))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SIGNING_HANDLE));
    }
}
