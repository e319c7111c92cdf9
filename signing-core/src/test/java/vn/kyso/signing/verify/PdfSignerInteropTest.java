package vn.kyso.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.kyso.signing.Indication;
import vn.kyso.signing.Modifications;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.RevocationSource;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.VerificationReport;
import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.signing.revocation.OnlineRevocationSource;
import vn.kyso.signing.testpki.TestPdfs;
import vn.kyso.signing.testpki.TestPki;
import vn.kyso.signing.testpki.TestPkiServer;
import vn.kyso.signing.tsp.HttpTimestampSource;

/** What kyso's own PdfSigner makes, at every level and over the test corpus, verifies as made. */
class PdfSignerInteropTest {

    @TempDir
    static Path dir;

    static TestPkiServer server;
    static PdfSigner signer;

    @BeforeAll
    static void start() {
        server = TestPkiServer.start();
        signer = PdfSigner.builder().timestampSource(new HttpTimestampSource(server.tsaUrl())).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static PdfVerifier verifier(RevocationSource source) {
        return PdfVerifier.builder().trustAnchors(List.of(server.pki().root().certificate()))
                .revocationSource(source).onlineTimeout(Duration.ofSeconds(5)).build();
    }

    private static Path sign(Path input, PadesLevel level, String name) {
        TestPki.Credential c = server.pki().signer("Nguyễn Văn An", TestPki.KeyType.RSA_2048);
        Path out = dir.resolve(name + "-" + level + ".pdf");
        signer.sign(SignRequest.builder(InMemorySigningKey.of(c.privateKey(), c.chain()), level).build(), input, out);
        return out;
    }

    @ParameterizedTest
    @EnumSource(PadesLevel.class)
    void eachLevelMadeByPdfSignerIsReportedAtThatLevel(PadesLevel level) {
        Path out = sign(TestPdfs.onePage(dir.resolve("in.pdf")), level, "level");
        // long-term levels carry their own validation data: verify them offline
        RevocationSource source = level.atLeast(PadesLevel.B_LT) ? RevocationSource.none() : new OnlineRevocationSource();

        VerificationReport report = verifier(source).verify(out);

        SignatureReport s = report.signatures().get(0);
        // the test PKI's issuing CA names no OCSP or CRL service: the only remark is that note
        assertThat(s.problems()).allMatch(p -> p.endsWith("names no revocation service; not checked"));
        assertThat(s.indication()).as(s.problems().toString()).isEqualTo(Indication.VALID);
        assertThat(s.level()).isEqualTo(level);
        assertThat(s.modifications()).isEqualTo(level.atLeast(PadesLevel.B_LT) ? Modifications.ALLOWED : Modifications.NONE);
        assertThat(report.timestamps()).hasSize(level == PadesLevel.B_LTA ? 1 : 0);
        assertThat(report.allValid()).isTrue();
    }

    @Test
    void everyCorpusDocumentSignedAtLtVerifiesOffline() throws Exception {
        for (Map.Entry<String, Path> doc : TestPdfs.corpus(Files.createDirectories(dir.resolve("corpus")), server.pki()).entrySet()) {
            Path out = sign(doc.getValue(), PadesLevel.B_LT, doc.getKey());

            VerificationReport report = verifier(RevocationSource.none()).verify(out);

            SignatureReport last = report.signatures().get(report.signatures().size() - 1);
            assertThat(last.indication()).as(doc.getKey() + " " + last.problems()).isEqualTo(Indication.VALID);
            assertThat(last.level()).as(doc.getKey()).isEqualTo(PadesLevel.B_LT);
        }
    }
}
