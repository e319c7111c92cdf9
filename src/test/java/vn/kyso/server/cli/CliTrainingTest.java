package vn.kyso.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTrainingTest {

    @Test
    void trainingSignsAndVerifiesThroughTheCliSoTheArchiveHoldsWhatARunLoads(@TempDir Path dir) throws Exception {
        assertThat(CliTraining.run(dir)).isZero();

        assertThat(dir.resolve("out").resolve("a.pdf")).exists();
        assertThat(Files.readString(dir.resolve("out").resolve("b.pdf"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("/ByteRange", "ETSI.CAdES.detached");
    }
}
