package vn.kyso.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.kyso.signing.Indication;
import vn.kyso.signing.Modifications;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SubIndication;
import vn.kyso.signing.TimestampReport;
import vn.kyso.signing.VerificationReport;

/** {@code kyso verify}'s output and exit codes, over reports given by a stand-in verifier. */
class VerifyCommandTest {

    @TempDir
    Path dir;

    private static final Instant SIGNED = Instant.parse("2026-03-05T07:30:00Z");

    private static SignatureReport signature(Indication indication, SubIndication sub, Modifications modifications) {
        return new SignatureReport("Signature1", indication, sub, PadesLevel.B_LT, "Nguyễn Văn A",
                "CN=Nguyễn Văn A,O=UBND tỉnh Cà Mau,C=VN", "CN=Test Issuing CA,O=kyso test,C=VN", "0a1b2c",
                SIGNED, SIGNED.plusSeconds(2), modifications == Modifications.NONE, modifications,
                indication == Indication.VALID ? List.of() : List.of("message digest does not match"));
    }

    private static final VerificationReport VALID = new VerificationReport(
            List.of(signature(Indication.VALID, null, Modifications.NONE)),
            List.of(new TimestampReport("Timestamp1", Indication.VALID, null, SIGNED.plusSeconds(5), "CN=Test TSA",
                    true, Modifications.NONE, List.of())),
            List.of());
    private static final VerificationReport TAMPERED = new VerificationReport(
            List.of(signature(Indication.INVALID, SubIndication.HASH_FAILURE, Modifications.DISALLOWED)), List.of(),
            List.of());
    private static final VerificationReport UNTRUSTED = new VerificationReport(
            List.of(signature(Indication.INDETERMINATE, SubIndication.NO_CERTIFICATE_CHAIN_FOUND, Modifications.NONE)),
            List.of(), List.of());
    private static final VerificationReport UNSIGNED = new VerificationReport(List.of(), List.of(), List.of());

    private Path pdf(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "%PDF-1.7\n%stand-in\n", StandardCharsets.US_ASCII);
    }

    /** A verifier answering by file name: valid*, tampered*, untrusted*, unsigned*, encrypted*. */
    private static Backends backends() {
        return new Backends(s -> {
            throw new AssertionError("no signing here");
        }, settings -> file -> {
            String name = file.getFileName().toString();
            if (name.startsWith("valid")) {
                return VALID;
            }
            if (name.startsWith("tampered")) {
                return TAMPERED;
            }
            if (name.startsWith("untrusted")) {
                return UNTRUSTED;
            }
            if (name.startsWith("encrypted")) {
                throw new SigningException(SigningException.ErrorCode.ENCRYPTED_PDF, "the document is encrypted");
            }
            return UNSIGNED;
        });
    }

    private CliRun verify(String... args) {
        return CliRun.run(Map.of(), backends(), args);
    }

    @Test
    void validFileExitsZeroWithAVietnameseReport() throws IOException {
        CliRun run = verify("verify", pdf("valid.pdf").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Hợp lệ", "Nguyễn Văn A", "05/03/2026 14:30:00 +07:00", "B-LT",
                "nguyên vẹn", "CN=Test Issuing CA", "tất cả chữ ký hợp lệ");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void englishOnRequestByOptionOrEnvironment() throws IOException {
        Path file = pdf("valid.pdf");
        assertThat(verify("verify", "--lang", "en", file.toString()).out()).contains("Valid", "intact",
                "2026-03-05 14:30:00 +07:00");
        assertThat(CliRun.run(Map.of("KYSO_LANG", "en"), backends(), "verify", file.toString()).out())
                .contains("Conclusion: all signatures are valid.");
    }

    @Test
    void tamperedFileExitsOneAndSaysItChanged() throws IOException {
        CliRun run = verify("verify", pdf("tampered.pdf").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Không hợp lệ", "nội dung đã bị sửa sau khi ký", "ĐÃ BỊ THAY ĐỔI",
                "message digest does not match");
    }

    @Test
    void indeterminateOrUnsignedExitsOne() throws IOException {
        assertThat(verify("verify", pdf("untrusted.pdf").toString()).exitCode()).isEqualTo(1);
        CliRun unsigned = verify("verify", pdf("unsigned.pdf").toString());
        assertThat(unsigned.exitCode()).isEqualTo(1);
        assertThat(unsigned.out()).contains("không có chữ ký số");
    }

    @Test
    void notAPdfExitsTwoWithOneLine() throws IOException {
        Path text = Files.writeString(dir.resolve("note.pdf"), "just some text");
        CliRun run = verify("verify", text.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).isEqualTo(1);
        assertThat(run.err()).contains("note.pdf", "không phải tệp PDF").doesNotContain("Exception", "\tat ");
    }

    @Test
    void emptyMissingAndEncryptedFilesEachGetOneClearLine() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.pdf"));
        assertThat(verify("verify", empty.toString()).err()).contains("tệp rỗng");
        assertThat(verify("verify", dir.resolve("nowhere.pdf").toString()).err()).contains("không tìm thấy tệp");
        CliRun encrypted = verify("verify", pdf("encrypted.pdf").toString());
        assertThat(encrypted.exitCode()).isEqualTo(2);
        assertThat(encrypted.errLines()).isEqualTo(1);
        assertThat(encrypted.err()).contains("được mã hóa");
    }

    @Test
    void manyFilesAreCheckedOnSeveralThreadsAndReportedInTheirOrder() throws IOException {
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Backends slowFirst = new Backends(s -> {
            throw new AssertionError("no signing here");
        }, settings -> file -> {
            threads.add(Thread.currentThread().getName() + Thread.currentThread().getId());
            int n = Integer.parseInt(file.getFileName().toString().replaceAll("\\D", ""));
            java.util.concurrent.locks.LockSupport.parkNanos((20 - n) * 2_000_000L); // later files finish first
            return n == 5 ? TAMPERED : VALID;
        });
        List<String> args = new java.util.ArrayList<>(List.of("verify", "--format", "json"));
        for (int i = 0; i < 20; i++) {
            args.add(pdf("valid" + i + ".pdf").toString());
        }
        CliRun run = CliRun.run(Map.of(), slowFirst, args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(threads).hasSizeGreaterThan(Runtime.getRuntime().availableProcessors() > 1 ? 1 : 0);
        List<String> order = run.out().lines().map(l -> l.replaceAll(".*?valid(\\d+)\\.pdf.*", "$1")).toList();
        assertThat(order).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13",
                "14", "15", "16", "17", "18", "19");
    }

    @Test
    void worstFileDecidesTheExitCode() throws IOException {
        Path valid = pdf("valid.pdf");
        assertThat(verify("verify", valid.toString(), pdf("tampered.pdf").toString()).exitCode()).isEqualTo(1);
        assertThat(verify("verify", valid.toString(), dir.resolve("missing.pdf").toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void jsonPrintsOneObjectPerFileWithTheDocumentedFields() throws IOException {
        CliRun run = verify("verify", "--format", "json", pdf("valid.pdf").toString(), pdf("tampered.pdf").toString(),
                dir.resolve("missing.pdf").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode valid = mapper.readTree(lines.get(0));
        assertThat(valid.get("file").asString()).endsWith("valid.pdf");
        JsonNode sig = valid.get("signatures").get(0);
        assertThat(sig.get("field").asString()).isEqualTo("Signature1");
        assertThat(sig.get("indication").asString()).isEqualTo("VALID");
        assertThat(sig.get("subIndication").isNull()).isTrue();
        assertThat(sig.get("level").asString()).isEqualTo("B-LT");
        assertThat(sig.get("signer").asString()).isEqualTo("Nguyễn Văn A");
        assertThat(sig.get("certificateSerial").asString()).isEqualTo("0a1b2c");
        assertThat(sig.get("signingTime").asString()).isEqualTo("2026-03-05T14:30:00+07:00");
        assertThat(sig.get("timestampTime").asString()).isEqualTo("2026-03-05T14:30:02+07:00");
        assertThat(sig.get("coversWholeDocument").asBoolean()).isTrue();
        assertThat(sig.get("modifications").asString()).isEqualTo("NONE");
        assertThat(sig.get("problems").isArray()).isTrue();
        assertThat(valid.get("timestamps").get(0).get("time").asString()).isEqualTo("2026-03-05T14:30:05+07:00");

        JsonNode tampered = mapper.readTree(lines.get(1)).get("signatures").get(0);
        assertThat(tampered.get("indication").asString()).isEqualTo("INVALID");
        assertThat(tampered.get("subIndication").asString()).isEqualTo("HASH_FAILURE");
        assertThat(tampered.get("modifications").asString()).isEqualTo("DISALLOWED");

        JsonNode missing = mapper.readTree(lines.get(2));
        assertThat(missing.get("error").get("code").asString()).isEqualTo("file.notFound");
    }

    @Test
    void unknownFormatOrOptionIsOneLineAndExitTwo() throws IOException {
        CliRun badFormat = verify("verify", "--format", "xml", pdf("valid.pdf").toString());
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.err()).contains("định dạng không hợp lệ: xml");

        CliRun unknown = verify("verify", "--password=hunter2", "x.pdf");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--password").doesNotContain("hunter2");
    }

    @Test
    void unreadableTrustFileIsOneLine() throws IOException {
        Path bogus = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        CliRun run = verify("verify", "--trust", bogus.toString(), pdf("valid.pdf").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).isEqualTo(1);
        assertThat(run.err()).contains("ca.pem");
    }

    @Test
    void helpIsLocalized() {
        CliRun vi = verify("verify", "--help");
        assertThat(vi.exitCode()).isZero();
        assertThat(vi.out()).contains("Cách dùng:", "--trust", "Chứng thư số gốc tin cậy");
        assertThat(verify("verify", "--help", "--lang", "en").out()).contains("Usage:", "Trusted root certificate");
        CliRun root = verify("--help");
        assertThat(root.out()).contains("Lệnh:", "Hiển thị hướng dẫn của một lệnh").doesNotContain("Display help");
    }
}
