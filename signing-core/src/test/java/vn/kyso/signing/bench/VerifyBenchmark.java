package vn.kyso.signing.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import vn.kyso.signing.Indication;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.RevocationSource;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.VerificationReport;
import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.signing.testpki.TestPdfs;
import vn.kyso.signing.testpki.TestPki;
import vn.kyso.signing.verify.TestRevocationData;
import vn.kyso.signing.verify.TestSigner;

/**
 * One-thread verification of a 1-page PAdES B-B PDF (made by {@code PdfSigner}) with every check
 * on: byte range, CMS, ESS, path to the anchor, revocation, change analysis. {@code dss}: the
 * OCSP responses sit in a /DSS added by a later update (offline; the change analysis runs);
 * {@code wholeFile}: the signature covers the file and revocation comes from a RevocationSource
 * holding the responses in memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class VerifyBenchmark {

    private PdfVerifier offline;
    private PdfVerifier withSource;
    private byte[] signedWithDss;
    private byte[] signed;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TestPki pki = TestPki.create(now, null, TestPki.KeyType.RSA_2048, "Bench");
        TestPki.Credential c = pki.signer("Benchmark", TestPki.KeyType.RSA_2048);
        TestPki.Credential responder = pki.ocspResponder();
        Path file = Files.createTempFile("kyso-bench-", ".pdf");
        TestPdfs.pages(file, 1);
        byte[] pdf = Files.readAllBytes(file);
        Files.delete(file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfSigner.builder().build().sign(SignRequest.builder(InMemorySigningKey.of(c.privateKey(), c.chain()),
                PadesLevel.B_B).build(), pdf, out);
        signed = out.toByteArray();

        TestRevocationData data = new TestRevocationData(pki, responder, now);
        byte[] signerOcsp = data.ocsp(c.certificate(), pki.issuingCa().certificate(), responder);
        byte[] caOcsp = data.ocsp(pki.issuingCa().certificate(), pki.root().certificate(), pki.root());
        signedWithDss = TestSigner.addDss(signed, List.of(pki.issuingCa().certificate(), responder.certificate()),
                List.of(signerOcsp, caOcsp), List.of());

        Clock clock = Clock.fixed(now.plus(Duration.ofHours(1)), ZoneOffset.UTC);
        offline = PdfVerifier.builder().trustAnchors(List.of(pki.root().certificate())).clock(clock)
                .revocationSource(RevocationSource.none()).build();
        RevocationSource inMemory = new RevocationSource() {
            @Override
            public Optional<byte[]> ocsp(java.security.cert.X509Certificate certificate,
                    java.security.cert.X509Certificate issuer) {
                return Optional.of(certificate.equals(c.certificate()) ? signerOcsp : caOcsp);
            }

            @Override
            public Optional<byte[]> crl(java.security.cert.X509Certificate certificate) {
                return Optional.empty();
            }
        };
        withSource = PdfVerifier.builder().trustAnchors(List.of(pki.root().certificate())).clock(clock)
                .revocationSource(inMemory).build();
        requireValid(offline.verify(signedWithDss));
        requireValid(withSource.verify(signed));
    }

    private static void requireValid(VerificationReport report) {
        if (report.signatures().size() != 1 || report.signatures().get(0).indication() != Indication.VALID) {
            throw new IllegalStateException("benchmark input does not verify: " + report);
        }
    }

    @Benchmark
    public Object dss() {
        return offline.verify(signedWithDss);
    }

    @Benchmark
    public Object wholeFile() {
        return withSource.verify(signed);
    }
}
