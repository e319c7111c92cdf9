package vn.kyso.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.signing.testpki.TestPki;

/** {@code kyso sign} over real files with signing-core and a PKCS#12 key from the test PKI. */
class SignEndToEndTest {

    private static final String PASSWORD = "Mat-khau-42!";
    private static final Map<String, String> ENV = Map.of("KYSO_P12_PASSWORD", PASSWORD);

    @TempDir
    static Path dir;

    static TestPki pki;
    static Path key;

    @BeforeAll
    static void keys() {
        pki = TestPki.create();
        key = pki.signer("Nguyễn Văn An", TestPki.KeyType.EC_P256).writePkcs12(dir.resolve("an.p12"),
                PASSWORD.toCharArray());
    }

    static Path pdf(Path file, String text) throws IOException {
        return CliTraining.pdf(file, text);
    }

    private static CliRun sign(String... args) {
        return CliRun.run(ENV, Backends.library(), args);
    }

    @Test
    void batchOfThreeWithOneCorruptSignsTwoReportsOneAndExitsOne() throws IOException {
        Path in = Files.createDirectories(dir.resolve("batch-in"));
        Path a = pdf(in.resolve("cong-van-1.pdf"), "Cong van so 1");
        Path b = pdf(in.resolve("cong-van-2.pdf"), "Cong van so 2");
        byte[] whole = Files.readAllBytes(pdf(in.resolve("tmp.pdf"), "Cong van so 3"));
        Path truncated = Files.write(in.resolve("hong.pdf"), Arrays.copyOf(whole, whole.length / 3));
        Path out = dir.resolve("batch-out");

        CliRun run = sign("sign", "--key", key.toString(), "--key-password-env", "KYSO_P12_PASSWORD", "--level", "B",
                "--reason", "Phê duyệt", "--location", "Cà Mau", "--out-dir", out.toString(), a.toString(),
                truncated.toString(), b.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(out.resolve("cong-van-1.pdf")).exists();
        assertThat(out.resolve("cong-van-2.pdf")).exists();
        assertThat(out.resolve("hong.pdf")).doesNotExist();
        assertThat(run.err().lines().filter(l -> l.contains("hong.pdf"))).hasSize(1);
        assertThat(run.err()).contains("Đã ký 2/3 tệp").doesNotContain("Exception", PASSWORD);
        // the signed files are real signatures: an incremental update of the original
        byte[] original = Files.readAllBytes(a);
        byte[] signed = Files.readAllBytes(out.resolve("cong-van-1.pdf"));
        assertThat(Arrays.copyOf(signed, original.length)).isEqualTo(original);
        assertThat(new String(signed, StandardCharsets.ISO_8859_1)).contains("/ETSI.CAdES.detached");
        try (var files = Files.list(out)) {
            assertThat(files).hasSize(2); // no temporary leftovers
        }
    }

    @Test
    void signedFileIsValidForPdfsig() throws IOException, InterruptedException {
        Path in = pdf(dir.resolve("to-check.pdf"), "Quyet dinh");
        Path out = dir.resolve("checked.pdf");
        CliRun run = sign("sign", "--key", key.toString(), "--key-password-env", "KYSO_P12_PASSWORD", "--level", "B",
                in.toString(), out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        Process pdfsig = new ProcessBuilder("pdfsig", out.toString()).redirectErrorStream(true).start();
        String report = new String(pdfsig.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        pdfsig.waitFor();
        assertThat(report).contains("Signature is Valid", "Nguyễn Văn An");
    }

    @Test
    void wrongKeyPasswordIsOneLineWithoutThePassword() throws IOException {
        Path in = pdf(dir.resolve("pw.pdf"), "x");
        CliRun run = CliRun.run(Map.of("KYSO_P12_PASSWORD", "not-the-password"), Backends.library(), "sign", "--key",
                key.toString(), "--key-password-env", "KYSO_P12_PASSWORD", "--level", "B", in.toString(),
                dir.resolve("pw-out.pdf").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).isEqualTo(1);
        assertThat(run.err()).contains("không mở được khóa").doesNotContain("not-the-password", PASSWORD);
        assertThat(dir.resolve("pw-out.pdf")).doesNotExist();
    }

    @Test
    void expiredOrNotYetValidCertificateIsOneLineWithTheDate() throws IOException {
        Path in = pdf(dir.resolve("exp.pdf"), "x");
        Instant now = pki.now();
        Path expired = pki.signer("Hết Hạn", TestPki.KeyType.EC_P256, now.minus(Duration.ofDays(400)),
                now.minus(Duration.ofDays(2))).writePkcs12(dir.resolve("expired.p12"), PASSWORD.toCharArray());
        Path future = pki.signer("Chưa Hiệu Lực", TestPki.KeyType.EC_P256, now.plus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(400))).writePkcs12(dir.resolve("future.p12"), PASSWORD.toCharArray());

        CliRun old = sign("sign", "--key", expired.toString(), "--key-password-env", "KYSO_P12_PASSWORD", "--level",
                "B", in.toString(), dir.resolve("exp-out.pdf").toString());
        assertThat(old.exitCode()).isEqualTo(2);
        assertThat(old.errLines()).isEqualTo(1);
        assertThat(old.err()).contains("đã hết hạn ngày");

        CliRun early = CliRun.run(ENV, Backends.library(), false, Clock.systemUTC(), "sign", "--lang", "en", "--key",
                future.toString(), "--key-password-env", "KYSO_P12_PASSWORD", "--level", "B", in.toString(),
                dir.resolve("exp-out.pdf").toString());
        assertThat(early.exitCode()).isEqualTo(2);
        assertThat(early.err()).contains("not valid yet");
    }

    @Test
    void encryptedPdfIsOneLine() throws IOException {
        Path plain = pdf(dir.resolve("plain.pdf"), "bi mat");
        Path encrypted = dir.resolve("encrypted.pdf");
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(plain.toFile())) {
            var policy = new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner", "user",
                    new org.apache.pdfbox.pdmodel.encryption.AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(encrypted.toFile());
        }
        CliRun run = sign("sign", "--key", key.toString(), "--key-password-env", "KYSO_P12_PASSWORD", "--level", "B",
                encrypted.toString(), dir.resolve("enc-out.pdf").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("encrypted.pdf", "mã hóa");
    }

    @Test
    void appendixStampAndCertificationReachThePdf() throws IOException, InterruptedException {
        Path in = pdf(dir.resolve("phu-luc.pdf"), "Phu luc");
        Path out = dir.resolve("phu-luc-ky.pdf");
        CliRun run = sign("sign", "--key", key.toString(), "--key-password-env", "KYSO_P12_PASSWORD", "--level", "B",
                "--appendix-number", "125/QĐ-UBND", "--certify", "P2", in.toString(), out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        String raw = new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("/DocMDP").contains("/P 2");
        Process text = new ProcessBuilder("pdftotext", out.toString(), "-").redirectErrorStream(true).start();
        String shown = new String(text.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        text.waitFor();
        assertThat(shown).contains("125/QĐ-UBND");
        Process pdfsig = new ProcessBuilder("pdfsig", out.toString()).redirectErrorStream(true).start();
        String report = new String(pdfsig.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        pdfsig.waitFor();
        assertThat(report).contains("Signature is Valid");
    }
}
