package vn.kyso.signing.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SigningKey;
import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.signing.testpki.TestPdfs;
import vn.kyso.signing.testpki.TestPki;

/** One-thread PAdES B-B signing of a PDF held in memory (the service's upload path). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class SignBenchmark {

    @Param({"1", "100"})
    public int pages;

    @Param({"RSA_2048", "EC_P256"})
    public String keyType;

    private PdfSigner signer;
    private SignRequest request;
    private byte[] pdf;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        TestPki pki = TestPki.create();
        TestPki.Credential c = pki.signer("Benchmark", TestPki.KeyType.valueOf(keyType));
        SigningKey key = InMemorySigningKey.of(c.privateKey(), c.chain());
        signer = PdfSigner.builder().build();
        request = SignRequest.builder(key, PadesLevel.B_B).build();
        Path file = Files.createTempFile("kyso-bench-", ".pdf");
        TestPdfs.pages(file, pages);
        pdf = Files.readAllBytes(file);
        Files.delete(file);
    }

    @Benchmark
    public int signBB() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16384);
        signer.sign(request, pdf, out);
        return out.size();
    }
}
