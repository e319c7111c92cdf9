package vn.kyso.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.signing.PadesAssertions.assertLevelStructure;
import static vn.kyso.signing.PadesAssertions.assertPdfsigValid;
import static vn.kyso.signing.PadesAssertions.assertPrefix;
import static vn.kyso.signing.PadesAssertions.assertQpdfClean;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.signing.testpki.Pdfsig;
import vn.kyso.signing.testpki.TestPki;

/** Every PAdES level, key type, scheme and digest, checked by pdfsig, qpdf and Bouncy Castle. */
class PadesLevelsTest extends LoopbackPkiTest {

    @ParameterizedTest
    @EnumSource(PadesLevel.class)
    void eachLevelValidatesInPdfsigAndQpdf(PadesLevel level) throws Exception {
        TestPki.Credential c = server.pki().signer("Nguyễn Văn An", TestPki.KeyType.RSA_2048);
        Path out = dir.resolve("level-" + level + ".pdf");

        SignResult result = signer.sign(SignRequest.builder(InMemorySigningKey.of(c.privateKey(), c.chain()), level)
                .reason("Phê duyệt").location("Cà Mau").build(), input, out);

        assertThat(result.level()).isEqualTo(level);
        assertThat(result.timestampTime() != null).isEqualTo(level.atLeast(PadesLevel.B_T));
        assertPrefix(input, out);
        assertQpdfClean(out);
        assertLevelStructure(out, level);
        List<Pdfsig.Result> results = assertPdfsigValid(pdfsig, out, level == PadesLevel.B_LTA ? 2 : 1);
        assertThat(results.get(0).subFilter()).isEqualTo("ETSI.CAdES.detached");
        assertThat(results.get(0).signerCommonName()).isEqualTo("Nguyễn Văn An");
        assertThat(results.get(0).totalDocumentSigned()).isEqualTo(level.atLeast(PadesLevel.B_LT) ? false : true);
    }

    static List<Arguments> keysAndDigests() {
        List<Arguments> args = new ArrayList<>();
        for (SignatureScheme scheme : SignatureScheme.values()) {
            for (DigestAlgorithm digest : DigestAlgorithm.values()) {
                TestPki.KeyType type = scheme == SignatureScheme.ECDSA
                        ? (digest == DigestAlgorithm.SHA256 ? TestPki.KeyType.EC_P256 : TestPki.KeyType.EC_P384)
                        : TestPki.KeyType.RSA_2048;
                args.add(Arguments.of(scheme, type, digest));
            }
        }
        args.add(Arguments.of(SignatureScheme.ECDSA, TestPki.KeyType.EC_P384, DigestAlgorithm.SHA256));
        args.add(Arguments.of(SignatureScheme.RSA_PKCS1_V15, TestPki.KeyType.RSA_3072, DigestAlgorithm.SHA512));
        return args;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("keysAndDigests")
    void everySchemeAndDigestReachesLtaAndValidates(SignatureScheme scheme, TestPki.KeyType type, DigestAlgorithm digest)
            throws Exception {
        TestPki.Credential c = server.pki().signer("Trần Thị Bình", type);
        Path out = dir.resolve("lta-" + scheme + "-" + type + "-" + digest + ".pdf");

        signer.sign(SignRequest.builder(InMemorySigningKey.of(c.privateKey(), c.chain()).withScheme(scheme),
                PadesLevel.B_LTA).digest(digest).build(), input, out);

        assertPrefix(input, out);
        assertQpdfClean(out);
        assertLevelStructure(out, PadesLevel.B_LTA);
        assertPdfsigValid(pdfsig, out, 2);
    }
}
