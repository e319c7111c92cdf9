package vn.kyso.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.signing.PadesAssertions.assertCmsVerifies;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.kyso.signing.crypto.NativeCrypto;
import vn.kyso.signing.crypto.PreparedKey;
import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.signing.testpki.TestPdfs;
import vn.kyso.signing.testpki.TestPki;

/** A key converted once for native crypto signs PDFs whose signatures verify like the JDK's. */
class NativeKeySigningTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = TestPki.KeyType.class, names = {"RSA_2048", "EC_P256", "EC_P384"})
    void aNativelyPreparedKeySignsAPdfThatVerifies(TestPki.KeyType type) throws Exception {
        TestPki pki = TestPki.create();
        TestPki.Credential officer = pki.signer("Nguyễn Văn A", type);
        PreparedKey prepared = NativeCrypto.wanted(true).prepare(officer.privateKey(), null);
        InMemorySigningKey key = InMemorySigningKey.prepared(prepared, officer.chain());
        Path in = TestPdfs.onePage(dir.resolve("in.pdf"));
        Path out = dir.resolve("out.pdf");

        PdfSigner.builder().build().sign(SignRequest.builder(key, PadesLevel.B_B).build(), in, out);

        assertThat(prepared.kind()).isEqualTo(PreparedKey.Kind.NATIVE);
        assertThat(key.provider()).isSameAs(prepared.provider());
        assertThat(assertCmsVerifies(out)).hasSize(1);
    }

    @Test
    void aPreparedKeyKeepsItsProviderWhenItsSchemeChangesToRsaPss() throws Exception {
        TestPki.Credential officer = TestPki.create().signer("Trần Thị B", TestPki.KeyType.RSA_2048);
        PreparedKey prepared = NativeCrypto.wanted(true).prepare(officer.privateKey(), null);
        InMemorySigningKey pss = InMemorySigningKey.prepared(prepared, officer.chain()).withScheme(SignatureScheme.RSA_PSS);
        Path in = TestPdfs.onePage(dir.resolve("in.pdf"));
        Path out = dir.resolve("out.pdf");

        PdfSigner.builder().build().sign(SignRequest.builder(pss, PadesLevel.B_B).build(), in, out);

        assertThat(pss.provider()).isSameAs(prepared.provider());
        assertThat(pss.toString()).contains("RSA_PSS");
        assertThat(assertCmsVerifies(out)).hasSize(1);
    }
}
