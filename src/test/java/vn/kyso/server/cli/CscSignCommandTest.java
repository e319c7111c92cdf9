package vn.kyso.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kyso.ca.AuditEntry;
import vn.kyso.server.TestHttp;
import vn.kyso.server.signing.SigningTestSupport;
import vn.kyso.signing.Indication;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.SignatureReport;

/**
 * {@code kyso sign --csc}: the CLI as a CSC client of kyso's own CSC API, running here over real
 * HTTP. One file and a batch; the batch's hashes go to the service under one SAD (one PIN entry,
 * one signHash); pdfsig, qpdf and kyso's verifier accept the results; refusals are one line.
 */
class CscSignCommandTest extends SigningTestSupport {

    @TempDir
    Path dir;

    @Autowired
    PdfVerifier verifier;

    private CliRun csc(Map<String, String> env, String... args) {
        return CliRun.run(env, Backends.library(), args);
    }

    private Path pdf(String name) throws IOException {
        return Files.write(dir.resolve(name), onePagePdf());
    }

    @Test
    void aBatchIsSignedWithTheOfficersRemoteKeyUnderOneSad() throws Exception {
        Signer officer = newOfficer("cscbatch");
        int before = events().size();
        long mark = lastAuditSeq();
        Path out = dir.resolve("signed");

        CliRun run = csc(Map.of("CSC_PASSWORD", USER_PASSWORD, "CSC_PIN", PIN), "sign", "--csc",
                http().url("/csc/v2"), "--credential", officer.serial(), "--csc-user", officer.username(),
                "--csc-password-env", "CSC_PASSWORD", "--pin-env", "CSC_PIN", "--level", "LT", "--tsa",
                http().url("/tsa"), "--reason", "Phê duyệt", "--out-dir", out.toString(), pdf("a.pdf").toString(),
                pdf("b.pdf").toString(), pdf("c.pdf").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain(PIN, USER_PASSWORD);
        for (String name : List.of("a.pdf", "b.pdf", "c.pdf")) {
            Path signed = out.resolve(name);
            SignatureReport report = verifier.verify(signed).signatures().get(0);
            assertThat(report.indication()).as(report.problems().toString()).isEqualTo(Indication.VALID);
            assertThat(report.level()).isEqualTo(PadesLevel.B_LT);
            assertThat(report.certificateSerial()).isEqualTo(officer.serial());
            assertThat(run("qpdf", "--check", signed.toString())).isZero();
            assertThat(output("pdfsig", signed.toString())).contains("Signature is Valid");
        }
        List<String> actions = ca.auditLog(mark, 200).stream().map(AuditEntry::action).toList();
        assertThat(actions.stream().filter("CSC_SIGN_HASH"::equals)).hasSize(1); // one signHash for three files
        assertThat(events().subList(before, events().size()).stream()
                .filter(e -> e instanceof vn.kyso.server.signing.DocumentSigned)).hasSize(3);
    }

    @Test
    void oneFileWithABearerTokenAndAnEncryptedInput() throws Exception {
        Signer officer = newOfficer("csctoken");
        String token = TestHttp.json(http().basic(officer.username(), USER_PASSWORD).postJson("/csc/v2/auth/login",
                "{}")).get("access_token").asString();
        Path plain = pdf("plain.pdf");
        Path in = dir.resolve("encrypted.pdf");
        assertThat(run("qpdf", "--encrypt", "", "chu", "256", "--print=none", "--", plain.toString(), in.toString()))
                .isZero();
        Path out = dir.resolve("encrypted-signed.pdf");

        CliRun run = csc(Map.of("CSC_TOKEN", token, "CSC_PIN", PIN), "sign", "--csc", http().url("/csc/v2/"),
                "--credential", officer.serial(), "--csc-token-env", "CSC_TOKEN", "--pin-env", "CSC_PIN", "--level",
                "B", in.toString(), out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(verifier.verify(out).signatures().get(0).indication()).isNotEqualTo(Indication.INVALID);
        assertThat(run("qpdf", "--check", out.toString())).isZero();
        assertThat(output("pdfsig", out.toString())).contains("Signature is Valid");
        assertThat(output("qpdf", "--show-encryption", out.toString())).contains("R = 6");
    }

    @Test
    void aWrongPinIsOneLineWithTheServicesWordsAndNothingIsWritten() throws Exception {
        Signer officer = newOfficer("cscpin");
        Path out = dir.resolve("never.pdf");
        long preparedBefore = preparedFiles();

        CliRun run = csc(Map.of("CSC_PASSWORD", USER_PASSWORD, "CSC_PIN", "000000"), "sign", "--csc",
                http().url("/csc/v2"), "--credential", officer.serial(), "--csc-user", officer.username(),
                "--csc-password-env", "CSC_PASSWORD", "--pin-env", "CSC_PIN", "--level", "B", pdf("x.pdf").toString(),
                out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).isEqualTo(1);
        assertThat(run.err()).contains("credentials/authorize", "HTTP 400").doesNotContain("000000", USER_PASSWORD);
        assertThat(out).doesNotExist();
        assertThat(preparedFiles()).isEqualTo(preparedBefore); // the prepared file was discarded, not left in /tmp
    }

    @Test
    void optionMistakesAreOneLineBeforeAnyCall() throws IOException {
        Path in = pdf("y.pdf");
        String out = dir.resolve("y-out.pdf").toString();

        CliRun noAuth = csc(Map.of("CSC_PIN", PIN), "sign", "--csc", "http://127.0.0.1:1/csc/v2", "--credential", "ab",
                "--pin-env", "CSC_PIN", "--level", "B", in.toString(), out);
        CliRun both = csc(Map.of("CSC_PIN", PIN, "T", "t"), "sign", "--csc", "http://127.0.0.1:1/csc/v2",
                "--credential", "ab", "--csc-user", "u", "--csc-password-env", "T", "--csc-token-env", "T",
                "--pin-env", "CSC_PIN", "--level", "B", in.toString(), out);
        CliRun badUrl = csc(Map.of("CSC_PIN", PIN, "T", "t"), "sign", "--csc", "ftp://x/csc", "--credential", "ab",
                "--csc-token-env", "T", "--pin-env", "CSC_PIN", "--level", "B", in.toString(), out);
        CliRun unreachable = csc(Map.of("CSC_PIN", PIN, "T", "t"), "sign", "--csc", "http://127.0.0.1:1/csc/v2",
                "--credential", "ab", "--csc-token-env", "T", "--pin-env", "CSC_PIN", "--level", "B", in.toString(),
                out);

        for (CliRun run : List.of(noAuth, both, badUrl, unreachable)) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.errLines()).as(run.err()).isEqualTo(1);
        }
        assertThat(noAuth.err()).contains("--csc-token-env");
        assertThat(badUrl.err()).contains("ftp://x/csc");
        assertThat(unreachable.err()).contains("không kết nối được dịch vụ CSC");
    }

    private static long preparedFiles() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("kyso-prepared-")).count();
        }
    }
}
