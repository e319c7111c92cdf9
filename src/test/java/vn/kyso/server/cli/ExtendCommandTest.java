package vn.kyso.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kyso extend}'s refusals, before any network: what every user mistake gets. */
class ExtendCommandTest {

    @TempDir
    Path dir;

    private CliRun extend(String... args) {
        return CliRun.run(Map.of(), Backends.library(), args);
    }

    @Test
    void twoInputsOfTheSameNameNeverWriteOverEachOtherInOneOutDir() throws Exception {
        Path first = SignEndToEndTest.pdf(Files.createDirectories(dir.resolve("a")).resolve("cong-van.pdf"), "Mot");
        Path second = SignEndToEndTest.pdf(Files.createDirectories(dir.resolve("b")).resolve("cong-van.pdf"), "Hai");
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        byte[] earlier = Files.readAllBytes(first);
        Files.write(out.resolve("cong-van.pdf"), earlier);

        CliRun run = extend("extend", "--level", "LT", "--out-dir", out.toString(), first.toString(), second.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().filter(l -> l.startsWith("kyso: " + second)))
                .singleElement().asString().contains("trùng với tệp đầu ra của một tệp khác");
        // the unsigned first file fails on its own; the second was never tried over its output
        assertThat(out.resolve("cong-van.pdf")).hasBinaryContent(earlier);
    }

    @Test
    void aTsaThatIsNotHttpIsOneLineAndExitTwo() throws Exception {
        Path in = SignEndToEndTest.pdf(dir.resolve("in.pdf"), "Mot");

        CliRun run = extend("extend", "--level", "LTA", "--tsa", "ftp://tsa.example/", in.toString(),
                dir.resolve("out.pdf").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).isEqualTo(1);
        assertThat(run.err()).contains("địa chỉ máy chủ dấu thời gian không hợp lệ: ftp://tsa.example/");
        assertThat(dir.resolve("out.pdf")).doesNotExist();
    }

    @Test
    void anOutDirThatIsAFileIsRefusedBeforeAnyWork() throws Exception {
        Path in = SignEndToEndTest.pdf(dir.resolve("in.pdf"), "Mot");
        Path notADir = Files.writeString(dir.resolve("file"), "x");

        CliRun run = extend("extend", "--level", "LT", "--out-dir", notADir.toString(), in.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).isEqualTo(1);
    }
}
