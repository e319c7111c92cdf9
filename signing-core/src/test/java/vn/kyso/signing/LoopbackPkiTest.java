package vn.kyso.signing;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.signing.testpki.Pdfsig;
import vn.kyso.signing.testpki.TestPdfs;
import vn.kyso.signing.testpki.TestPkiServer;
import vn.kyso.signing.tsp.HttpTimestampSource;

/**
 * Base of the signing tests: one test PKI served on loopback (OCSP, CRL, TSA) per test class, a
 * pdfsig that trusts its root, a signer using its TSA, and a 1-page input document.
 */
abstract class LoopbackPkiTest {

    @TempDir
    static Path dir;

    static TestPkiServer server;
    static Pdfsig pdfsig;
    static PdfSigner signer;
    static Path input;

    @BeforeAll
    static void startPki() {
        server = TestPkiServer.start();
        pdfsig = Pdfsig.trusting(dir, server.pki().root().certificate());
        signer = PdfSigner.builder().timestampSource(new HttpTimestampSource(server.tsaUrl())).build();
        input = TestPdfs.onePage(dir.resolve("in.pdf"));
    }

    @AfterAll
    static void stopPki() {
        server.close();
    }
}
