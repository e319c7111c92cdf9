package vn.kyso.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.signing.testpki.TestPki;

/**
 * The real process entry ({@code vn.kyso.server.Kyso}, as {@code java -jar kyso.jar} runs it)
 * signing with a key on a SoftHSM2 token: exit codes, UTF-8 output, and a wrong PIN that stays
 * secret. SoftHSM reads SOFTHSM2_CONF when its library loads, so the CLI runs in a child JVM
 * with its own token directory.
 */
class Pkcs11ProcessTest {

    private static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";
    private static final String PIN = "246810";

    @TempDir
    static Path dir;

    static Map<String, String> env;

    @BeforeAll
    static void token() throws Exception {
        Path tokens = Files.createDirectories(dir.resolve("tokens"));
        Path conf = Files.writeString(dir.resolve("softhsm2.conf"),
                "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        env = Map.of("SOFTHSM2_CONF", conf.toString(), "KYSO_PIN", PIN, "KYSO_WRONG_PIN", "135790");
        runOk("softhsm2-util", "--init-token", "--free", "--label", "kyso-cli", "--pin", PIN, "--so-pin", "975310");
        runOk("pkcs11-tool", "--module", MODULE, "--token-label", "kyso-cli", "--login", "--pin", PIN, "--keypairgen",
                "--key-type", "EC:prime256v1", "--id", "01", "--label", "signer");
        Path pub = dir.resolve("pub.der");
        runOk("pkcs11-tool", "--module", MODULE, "--token-label", "kyso-cli", "--read-object", "--type", "pubkey",
                "--id", "01", "--output-file", pub.toString());
        PublicKey publicKey = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Files.readAllBytes(pub)));
        Path cert = Files.write(dir.resolve("cert.der"),
                TestPki.create().signerFor("Lê Văn Thư", publicKey).certificate().getEncoded());
        runOk("pkcs11-tool", "--module", MODULE, "--token-label", "kyso-cli", "--login", "--pin", PIN,
                "--write-object", cert.toString(), "--type", "cert", "--id", "01", "--label", "signer");
    }

    private static String runOk(String... command) throws IOException, InterruptedException {
        Result r = run(List.of(command));
        assertThat(r.exitCode()).as(String.join(" ", command) + "\n" + r.output()).isZero();
        return r.output();
    }

    record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    private static Result kyso(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "vn.kyso.server.Kyso"));
        command.addAll(List.of(args));
        return run(command);
    }

    @Test
    void signsWithTheTokenAndPdfsigAcceptsIt() throws Exception {
        Path in = SignEndToEndTest.pdf(dir.resolve("in.pdf"), "Token");
        Path out = dir.resolve("token-signed.pdf");
        Result r = kyso("sign", "--pkcs11-library", MODULE, "--pin-env", "KYSO_PIN", "--level", "B", in.toString(),
                out.toString());

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("Đã ký: ").doesNotContain(PIN);
        Process pdfsig = new ProcessBuilder("pdfsig", out.toString()).redirectErrorStream(true).start();
        String report = new String(pdfsig.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        pdfsig.waitFor();
        assertThat(report).contains("Signature is Valid", "Lê Văn Thư");
    }

    @Test
    void wrongPinIsOneLineExitTwoAndNeverShown() throws Exception {
        Path in = SignEndToEndTest.pdf(dir.resolve("pin.pdf"), "PIN");
        Result r = kyso("sign", "--pkcs11-library", MODULE, "--pin-env", "KYSO_WRONG_PIN", "--level", "B",
                in.toString(), dir.resolve("pin-out.pdf").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.output().lines().filter(l -> !l.isBlank())).as(r.output()).hasSize(1);
        assertThat(r.output()).contains("không mở được khóa").doesNotContain("135790", PIN, "\tat ");
    }

    @Test
    void notAPdfThroughTheRealEntryIsExitTwoAndOneLine() throws Exception {
        Path text = Files.writeString(dir.resolve("note.pdf"), "không phải PDF");
        Result r = kyso("verify", "--lang", "en", text.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.output().strip()).isEqualTo("kyso: " + text + ": not a PDF file");
    }
}
