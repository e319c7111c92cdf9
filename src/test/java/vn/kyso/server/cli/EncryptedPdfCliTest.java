package vn.kyso.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.signing.testpki.TestPki;

/**
 * {@code kyso sign} and {@code kyso verify} on PDFs that qpdf encrypted with the empty user
 * password: signed in their own encryption and read back; refused with one line (sign: exit 1,
 * as any file that cannot be signed; verify: exit 2) when the permissions forbid signing or a
 * password is needed.
 */
class EncryptedPdfCliTest {

    private static final Map<String, String> ENV = Map.of("KYSO_P12_PASSWORD", "Mat-khau-42!");

    @TempDir
    static Path dir;

    static Path key;
    static Path trust;

    @BeforeAll
    static void keys() throws Exception {
        TestPki pki = TestPki.create();
        key = pki.signer("Phạm Thị Hoa", TestPki.KeyType.EC_P256).writePkcs12(dir.resolve("hoa.p12"),
                "Mat-khau-42!".toCharArray());
        trust = Files.writeString(dir.resolve("trust.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(pki.root().certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
    }

    private static Path encrypted(String name, String user, String... restrictions) throws Exception {
        Path plain = SignEndToEndTest.pdf(dir.resolve("plain-" + name), "Thong bao");
        Path out = dir.resolve(name);
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("qpdf", "--encrypt", user, "chu", "256"));
        cmd.addAll(java.util.List.of(restrictions));
        cmd.addAll(java.util.List.of("--", plain.toString(), out.toString()));
        assertThat(new ProcessBuilder(cmd).inheritIO().start().waitFor()).isZero();
        return out;
    }

    private static CliRun sign(Path in, Path out) {
        return CliRun.run(ENV, Backends.library(), "sign", "--key", key.toString(), "--key-password-env",
                "KYSO_P12_PASSWORD", "--level", "B", in.toString(), out.toString());
    }

    @Test
    void anEncryptedPdfIsSignedInItsEncryptionAndVerified() throws Exception {
        Path in = encrypted("restricted.pdf", "", "--print=none");
        Path out = dir.resolve("restricted-signed.pdf");

        CliRun signed = sign(in, out);
        CliRun verified = CliRun.run(Map.of(), Backends.library(), "verify", "--trust", trust.toString(), "--offline",
                "--format", "json", out.toString());

        assertThat(signed.exitCode()).as(signed.err()).isZero();
        Process check = new ProcessBuilder("qpdf", "--check", out.toString()).redirectErrorStream(true).start();
        String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(checked).isZero();
        Process show = new ProcessBuilder("qpdf", "--show-encryption", out.toString()).redirectErrorStream(true).start();
        assertThat(new String(show.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("R = 6", "print high resolution: not allowed");
        // offline without revocation data: INDETERMINATE (exit 1), but the file is read and intact
        assertThat(verified.exitCode()).as(verified.err()).isEqualTo(1);
        assertThat(verified.out()).contains("\"signer\":\"Phạm Thị Hoa\"", "\"modifications\":\"NONE\"")
                .doesNotContain("INVALID");
    }

    @Test
    void forbiddingPermissionsAndAUserPasswordAreOneLineEachAndTheFileIsNotSigned() throws Exception {
        Path noModify = encrypted("no-modify.pdf", "", "--modify=none");
        Path locked = encrypted("locked.pdf", "mo-tep");

        CliRun forbidden = sign(noModify, dir.resolve("never-1.pdf"));
        CliRun needsPassword = sign(locked, dir.resolve("never-2.pdf"));
        CliRun verifyLocked = CliRun.run(Map.of(), Backends.library(), "verify", "--offline", locked.toString());

        // sign: a file that cannot be signed is exit 1 (docs/cli.md); verify: a file that cannot be read is exit 2
        assertThat(forbidden.exitCode()).isEqualTo(1);
        assertThat(forbidden.errLines()).isEqualTo(1);
        assertThat(forbidden.err()).contains("no-modify.pdf", "không cho phép ký");
        assertThat(needsPassword.exitCode()).isEqualTo(1);
        assertThat(needsPassword.errLines()).isEqualTo(1);
        assertThat(needsPassword.err()).contains("mật khẩu");
        assertThat(verifyLocked.exitCode()).isEqualTo(2);
        assertThat(dir.resolve("never-1.pdf")).doesNotExist();
        assertThat(dir.resolve("never-2.pdf")).doesNotExist();
    }

}
