package vn.kyso.signing.bench;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.signing.testpki.TestPdfs;
import vn.kyso.signing.testpki.TestPki;

/**
 * Signs B-B in a loop on one thread and reports signatures per wall-clock second and per second
 * of the thread's own CPU time. On a shared, overloaded machine the second figure is what one
 * idle core would do; JMH's score is the first. Arguments: key type (RSA_2048, EC_P256), pages, seconds.
 */
public final class CpuTimeSignRunner {

    private CpuTimeSignRunner() {
    }

    public static void main(String[] args) throws Exception {
        TestPki.KeyType type = TestPki.KeyType.valueOf(args.length > 0 ? args[0] : "RSA_2048");
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        TestPki.Credential c = TestPki.create().signer("Benchmark", type);
        PdfSigner signer = PdfSigner.builder().build();
        SignRequest request = SignRequest.builder(InMemorySigningKey.of(c.privateKey(), c.chain()), PadesLevel.B_B).build();
        Path file = Files.createTempFile("kyso-bench-", ".pdf");
        TestPdfs.pages(file, pages);
        byte[] pdf = Files.readAllBytes(file);
        Files.delete(file);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long warmupEnd = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            signer.sign(request, pdf, new ByteArrayOutputStream(pdf.length + 16384));
        }
        long wall0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long end = wall0 + seconds * 1_000_000_000L;
        int n = 0;
        while (System.nanoTime() < end) {
            signer.sign(request, pdf, new ByteArrayOutputStream(pdf.length + 16384));
            n++;
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        System.out.printf("%s, %d page(s): %d signatures; %.1f/s wall clock; %.1f/s per CPU-second of the signing thread%n",
                type, pages, n, n / wall, n / cpu);
    }
}
