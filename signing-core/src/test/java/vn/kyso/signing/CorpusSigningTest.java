package vn.kyso.signing;

import static vn.kyso.signing.PadesAssertions.assertCmsVerifies;
import static vn.kyso.signing.PadesAssertions.assertPdfsigValid;
import static vn.kyso.signing.PadesAssertions.assertPrefix;
import static vn.kyso.signing.PadesAssertions.assertQpdfClean;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.signing.testpki.Pdfsig;
import vn.kyso.signing.testpki.TestPdfs;
import vn.kyso.signing.testpki.TestPki;
import vn.kyso.signing.testpki.TestPkiServer;
import vn.kyso.signing.tsp.HttpTimestampSource;

/** Every document of the corpus signs at B-LT and stays valid and well-formed. */
class CorpusSigningTest {

    @TempDir
    static Path dir;

    static TestPkiServer server;
    static Pdfsig pdfsig;
    static PdfSigner signer;
    static Map<String, Path> corpus;
    static SigningKey key;

    @BeforeAll
    static void startPki() {
        server = TestPkiServer.start();
        pdfsig = Pdfsig.trusting(dir, server.pki().root().certificate());
        signer = PdfSigner.builder().timestampSource(new HttpTimestampSource(server.tsaUrl())).build();
        corpus = TestPdfs.corpus(dir, server.pki());
        TestPki.Credential c = server.pki().signer("Chủ tịch", TestPki.KeyType.RSA_2048);
        key = InMemorySigningKey.of(c.privateKey(), c.chain());
    }

    @AfterAll
    static void stopPki() {
        server.close();
    }

    static Stream<Arguments> documents() {
        return Stream.of("one page", "100 pages", "text field", "PDF 1.4", "PDF 2.0", "object streams", "linearized",
                "already signed").map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void corpusDocumentSignsAtLtAndValidates(String name) throws Exception {
        Path in = corpus.get(name);
        Path out = dir.resolve(in.getFileName() + ".signed.pdf");

        signer.sign(SignRequest.builder(key, PadesLevel.B_LT).reason("Ban hành").build(), in, out);

        assertPrefix(in, out);
        assertQpdfClean(out);
        assertCmsVerifies(out);
        assertPdfsigValid(pdfsig, out, name.equals("already signed") ? 2 : 1);
    }
}
