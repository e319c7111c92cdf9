package vn.kyso.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.VisibleSignature;

/** {@code kyso sign}'s option handling, batch behaviour and exit codes, with a stand-in signer. */
class SignCommandTest {

    private static final String PASSWORD = "s3cret-Pa55";
    private static final Map<String, String> ENV = Map.of("KYSO_KEY_PASSWORD", PASSWORD);

    @TempDir
    Path dir;

    private final List<SignSettings> opened = new ArrayList<>();
    private final AtomicInteger signedCount = new AtomicInteger();

    /** Copies the input and appends a marker; files whose name starts with "broken" fail as signing-core would. */
    private Backends backends() {
        return new Backends(settings -> {
            opened.add(settings);
            return new DocumentSigner() {
                @Override
                public void sign(Path input, Path output) {
                    if (input.getFileName().toString().startsWith("broken")) {
                        throw new SigningException(SigningException.ErrorCode.NOT_A_PDF, "no cross-reference table");
                    }
                    try {
                        Files.writeString(output, Files.readString(input) + "%signed\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    signedCount.incrementAndGet();
                }

                @Override
                public void close() {
                }
            };
        }, settings -> {
            throw new AssertionError("no verifying here");
        });
    }

    private Path pdf(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "%PDF-1.7\n1 0 obj<<>>endobj\n", StandardCharsets.US_ASCII);
    }

    private Path key() throws IOException {
        return Files.write(dir.resolve("key.p12"), new byte[] { 0x30 });
    }

    private CliRun sign(String... args) {
        return CliRun.run(ENV, backends(), args);
    }

    @Test
    void signsOneFileIntoTheNamedOutput() throws IOException {
        Path in = pdf("in.pdf");
        Path out = dir.resolve("out.pdf");
        CliRun run = sign("sign", "--key", key().toString(), "--key-password-env", "KYSO_KEY_PASSWORD", "--level", "B",
                in.toString(), out.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(out)).endsWith("%signed\n");
        assertThat(opened).singleElement().satisfies(s -> {
            assertThat(s.level()).isEqualTo(PadesLevel.B_B);
            assertThat(((KeySource.Pkcs12) s.key()).file()).isEqualTo(key());
        });
    }

    @Test
    void batchWithOneCorruptFileSignsTheRestReportsOneLineAndExitsOne() throws IOException {
        Path outDir = dir.resolve("signed");
        CliRun run = sign("sign", "--key", key().toString(), "--key-password-env", "KYSO_KEY_PASSWORD", "--level", "B",
                "--out-dir", outDir.toString(), pdf("a.pdf").toString(), pdf("broken.pdf").toString(),
                pdf("c.pdf").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(opened).hasSize(1); // one key, opened once for the whole batch
        assertThat(outDir.resolve("a.pdf")).exists();
        assertThat(outDir.resolve("c.pdf")).exists();
        assertThat(outDir.resolve("broken.pdf")).doesNotExist();
        assertThat(run.err().lines().filter(l -> l.contains("broken.pdf")))
                .singleElement().asString().contains("không phải PDF hoặc bị hỏng");
        assertThat(run.err()).contains("Đã ký 2/3 tệp; 1 tệp lỗi");
    }

    @Test
    void fileThatIsNotAPdfIsSkippedBeforeTheLibrarySeesIt() throws IOException {
        Path word = Files.write(dir.resolve("letter.pdf"), new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 });
        Path empty = Files.createFile(dir.resolve("empty.pdf"));
        CliRun run = sign("sign", "--key", key().toString(), "--key-password-env", "KYSO_KEY_PASSWORD", "--level", "B",
                "--out-dir", dir.resolve("o").toString(), word.toString(), empty.toString(), pdf("ok.pdf").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(signedCount).hasValue(1);
        assertThat(run.err()).contains("letter.pdf: không phải tệp PDF", "empty.pdf: tệp rỗng");
    }

    @Test
    void unsetPasswordVariableIsOneLineWithoutTheVariableName() throws IOException {
        // A user who types the password where the variable name goes must not see it echoed.
        CliRun run = sign("sign", "--key", key().toString(), "--key-password-env", PASSWORD, "--level", "B",
                pdf("a.pdf").toString(), dir.resolve("b.pdf").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).isEqualTo(1);
        assertThat(run.err()).contains("--key-password-env", "chưa được đặt").doesNotContain(PASSWORD);
        assertThat(opened).isEmpty();
    }

    @Test
    void wrongKeyPasswordIsOneLineAndNeverShowsThePassword() throws IOException {
        Backends failing = new Backends(settings -> {
            throw new SigningException(SigningException.ErrorCode.KEY_UNAVAILABLE, "keystore password was incorrect");
        }, settings -> null);
        CliRun run = CliRun.run(ENV, failing, "sign", "--key", key().toString(), "--key-password-env",
                "KYSO_KEY_PASSWORD", "--level", "B", pdf("a.pdf").toString(), dir.resolve("b.pdf").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).isEqualTo(1);
        assertThat(run.err()).contains("không mở được khóa").doesNotContain(PASSWORD);
        assertThat(run.out()).doesNotContain(PASSWORD);
    }

    @Test
    void keyFailureDuringTheBatchStopsIt() throws IOException {
        Backends revoked = new Backends(settings -> new DocumentSigner() {
            @Override
            public void sign(Path input, Path output) {
                throw new SigningException(SigningException.ErrorCode.CERTIFICATE_REVOKED, "certificate revoked");
            }

            @Override
            public void close() {
            }
        }, settings -> null);
        CliRun run = CliRun.run(ENV, revoked, "sign", "--key", key().toString(), "--key-password-env",
                "KYSO_KEY_PASSWORD", "--level", "B", "--out-dir", dir.resolve("o").toString(), pdf("a.pdf").toString(),
                pdf("b.pdf").toString(), pdf("c.pdf").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("a.pdf", "đã bị thu hồi", "2 tệp còn lại chưa ký").doesNotContain("b.pdf:");
    }

    @Test
    void parallelBatchSignsOnSeveralThreadsAndReportsInInputOrder() throws IOException {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Backends parallel = new Backends(settings -> new DocumentSigner() {
            @Override
            public void sign(Path input, Path output) {
                threads.add(Thread.currentThread().getName() + Thread.currentThread().getId());
                // later files finish first: the report must still follow the inputs
                int n = Integer.parseInt(input.getFileName().toString().replaceAll("\\D", ""));
                LockSupport.parkNanos((40 - n) * 1_000_000L);
                if (n == 7) {
                    throw new SigningException(SigningException.ErrorCode.NOT_A_PDF, "no cross-reference table");
                }
                try {
                    Files.writeString(output, Files.readString(input) + "%signed\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public int parallelism() {
                return 4;
            }

            @Override
            public void close() {
            }
        }, settings -> null);
        List<String> args = new ArrayList<>(List.of("sign", "--key", key().toString(), "--key-password-env",
                "KYSO_KEY_PASSWORD", "--level", "B", "--out-dir", dir.resolve("o").toString()));
        for (int i = 0; i < 30; i++) {
            args.add(pdf("f" + i + ".pdf").toString());
        }
        CliRun run = CliRun.run(ENV, parallel, args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(threads.size()).as("threads used").isGreaterThan(1).isLessThanOrEqualTo(4);
        List<String> reported = run.out().lines().map(l -> l.replaceAll(".*?(f\\d+)\\.pdf.*", "$1")).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (i != 7) {
                expected.add("f" + i);
            }
        }
        assertThat(reported).containsExactlyElementsOf(expected);
        assertThat(run.err()).contains("f7.pdf", "Đã ký 29/30 tệp; 1 tệp lỗi");
        assertThat(dir.resolve("o").resolve("f7.pdf")).doesNotExist();
        assertThat(dir.resolve("o").resolve("f29.pdf")).exists();
    }

    @Test
    void keyFailureStopsAParallelBatchAndCountsWhatWasNotSigned() throws IOException {
        AtomicInteger attempts = new AtomicInteger();
        Backends revoked = new Backends(settings -> new DocumentSigner() {
            @Override
            public void sign(Path input, Path output) {
                attempts.incrementAndGet();
                LockSupport.parkNanos(5_000_000L);
                throw new SigningException(SigningException.ErrorCode.CERTIFICATE_REVOKED, "certificate revoked");
            }

            @Override
            public int parallelism() {
                return 2;
            }

            @Override
            public void close() {
            }
        }, settings -> null);
        List<String> args = new ArrayList<>(List.of("sign", "--key", key().toString(), "--key-password-env",
                "KYSO_KEY_PASSWORD", "--level", "B", "--out-dir", dir.resolve("o").toString()));
        for (int i = 0; i < 50; i++) {
            args.add(pdf("g" + i + ".pdf").toString());
        }
        CliRun run = CliRun.run(ENV, revoked, args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(attempts.get()).as("files tried before the stop").isLessThanOrEqualTo(4);
        // one line for the key, however many files were in flight when it failed
        assertThat(run.err().lines().filter(l -> l.contains("đã bị thu hồi"))).singleElement().asString()
                .contains("g0.pdf");
        assertThat(run.err()).contains("49 tệp còn lại chưa ký", "Đã ký 0/50 tệp; 50 tệp lỗi");
    }

    @Test
    void inputMistakesEachGetOneLineAndExitTwo() throws IOException {
        String in = pdf("a.pdf").toString();
        String out = dir.resolve("b.pdf").toString();
        String key = key().toString();
        assertOneLine(sign("sign", "--key", dir.resolve("none.p12").toString(), "--key-password-env",
                "KYSO_KEY_PASSWORD", "--level", "B", in, out), "không tìm thấy tệp khóa");
        assertOneLine(sign("sign", "--key", key, "--key-password-env", "KYSO_KEY_PASSWORD", "--level", "XL", in, out),
                "cấp độ không hợp lệ: XL");
        assertOneLine(sign("sign", "--key", key, "--key-password-env", "KYSO_KEY_PASSWORD", "--level", "LT", in, out),
                "--tsa");
        assertOneLine(sign("sign", "--key", key, "--key-password-env", "KYSO_KEY_PASSWORD", "--level", "B",
                "--digest", "MD5", in, out), "MD5");
        assertOneLine(sign("sign", "--key", key, "--key-password-env", "KYSO_KEY_PASSWORD", "--level", "B",
                "--certify", "P4", in, out), "P4");
        assertOneLine(sign("sign", "--key", key, "--key-password-env", "KYSO_KEY_PASSWORD", "--level", "B", in),
                "--out-dir");
        assertOneLine(sign("sign", "--key-password-env", "KYSO_KEY_PASSWORD", "--level", "B", in, out), "--key");
        assertThat(opened).isEmpty();
    }

    @Test
    void missingRequiredOptionIsALocalizedParseError() throws IOException {
        CliRun run = sign("sign", "--lang", "en", "--key", key().toString(), pdf("a.pdf").toString(), "b.pdf");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).isEqualTo(1);
        assertThat(run.err()).contains("missing required option: --level", "kyso sign --help");
    }

    @Test
    void outputOverTheInputIsRefused() throws IOException {
        Path in = pdf("a.pdf");
        CliRun run = sign("sign", "--key", key().toString(), "--key-password-env", "KYSO_KEY_PASSWORD", "--level", "B",
                "--out-dir", dir.toString(), in.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("trùng với tệp gốc");
        assertThat(Files.readString(in)).doesNotContain("%signed");
    }

    @Test
    void progressBarOnlyWhenAPersonWatches() throws IOException {
        String[] args = { "sign", "--key", key().toString(), "--key-password-env", "KYSO_KEY_PASSWORD", "--level", "B",
                "--out-dir", dir.resolve("o").toString(), pdf("a.pdf").toString(), pdf("b.pdf").toString() };
        CliRun watched = CliRun.run(ENV, backends(), true, Clock.systemUTC(), args);
        CliRun piped = CliRun.run(ENV, backends(), false, Clock.systemUTC(), args);

        assertThat(watched.err()).contains("\r[", "█", "2/2");
        assertThat(piped.err()).doesNotContain("\r", "█");
        assertThat(piped.out()).contains("Đã ký: ").contains("a.pdf").contains("b.pdf");
    }

    @Test
    void visibleOptionsMapOntoTheDecree30Layouts() throws IOException {
        Path png = Files.write(dir.resolve("sig.png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0 });
        String[] base = { "sign", "--key", key().toString(), "--key-password-env", "KYSO_KEY_PASSWORD", "--level", "B" };
        String in = pdf("a.pdf").toString();
        String out = dir.resolve("b.pdf").toString();

        assertThat(sign(concat(base, "--signature-image", png.toString(), "--page", "2", "--rect", "100,40,50,20", in,
                out)).exitCode()).isZero();
        assertThat(sign(concat(base, "--visible", "--seal-image", png.toString(), "--seal-diameter-mm", "36", in, out))
                .exitCode()).isZero();
        assertThat(sign(concat(base, "--appendix-number", "125/QĐ-UBND", in, out)).exitCode()).isZero();
        assertThat(sign(concat(base, "--copy", "sao_luc", "--copy-agency", "Văn phòng UBND tỉnh", in, out)).exitCode())
                .isZero();
        assertThat(opened).extracting(SignSettings::visible).satisfiesExactly(
                v -> assertThat(v).isEqualTo(new VisibleSignature.PersonalSignature(Files.readAllBytes(png),
                        VisibleSignature.Placement.Area.ofMillimetres(2, 100, 40, 50, 20))),
                v -> assertThat(v).isEqualTo(new VisibleSignature.AgencySeal(Files.readAllBytes(png), 36,
                        new VisibleSignature.Placement.OverSignature(VisibleSignature.Placement.ANY_PAGE))),
                v -> assertThat(v).isEqualTo(new VisibleSignature.AppendixStamp("125/QĐ-UBND")),
                v -> assertThat(v).isEqualTo(new VisibleSignature.CopyStamp(VisibleSignature.CopyKind.SAO_LUC,
                        "Văn phòng UBND tỉnh")));

        assertOneLine(sign(concat(base, "--visible", in, out)), "--visible");
        assertOneLine(sign(concat(base, "--signature-image", png.toString(), in, out)), "--anchor");
        assertOneLine(sign(concat(base, "--copy", "SAO_Y", in, out)), "--copy-agency");
        assertOneLine(sign(concat(base, "--appendix-number", "1/QĐ", "--copy", "SAO_Y", "--copy-agency", "X", in, out)),
                "--appendix-number, --copy");
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static void assertOneLine(CliRun run, String expected) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains(expected).doesNotContain("Exception", PASSWORD);
    }
}
