package vn.kyso.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoModeTest {

    @TempDir
    Path temp;

    @Test
    void refusesADataFolderHoldingNonDemoData() throws IOException {
        Path real = Files.createDirectories(temp.resolve("kyso-data"));
        Files.writeString(real.resolve("kyso.mv.db"), "a real database");

        assertThatThrownBy(() -> DemoMode.prepare(new String[] { "--demo", "--kyso.data-dir=" + real }, Map.of()))
                .isInstanceOf(DemoMode.Refused.class)
                .hasMessageContaining(real.toString())
                .hasMessageContaining("non-demo data")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(real.resolve(DemoMode.MARKER)).doesNotExist();
    }

    @Test
    void refusesTheFolderNamedByTheEnvironmentToo() throws IOException {
        Path real = Files.createDirectories(temp.resolve("from-env"));
        Files.writeString(real.resolve("ca-keys.p12"), "keys");

        assertThatThrownBy(() -> DemoMode.prepare(new String[] { "--demo" }, Map.of("KYSO_DATA_DIR", real.toString())))
                .isInstanceOf(DemoMode.Refused.class);
    }

    @Test
    void claimsAnEmptyFolderAndAcceptsItAgainOnTheNextStart() throws Exception {
        Path folder = temp.resolve("new-demo");

        String[] args = DemoMode.prepare(new String[] { "--demo", "--kyso.data-dir=" + folder, "--server.port=0" },
                Map.of());

        assertThat(args).startsWith("--kyso.data-dir=" + folder, "--server.port=0", "--kyso.demo.enabled=true")
                .contains("--kyso.signing.remote-services.kyso-demo.url=http://127.0.0.1:${server.port:8080}"
                        + "${server.servlet.context-path:}/csc/v2"); // the demo's own CSC API (issue 15)
        assertThat(folder.resolve(DemoMode.MARKER)).isRegularFile();
        Files.writeString(folder.resolve("kyso.mv.db"), "demo database");
        assertThat(DemoMode.prepare(new String[] { "--demo", "--kyso.data-dir=" + folder }, Map.of()))
                .contains("--kyso.demo.enabled=true");
    }

    @Test
    void withoutAFolderTheDemoUsesItsOwn() throws Exception {
        assertThat(DemoMode.requested(new String[] { "--demo" })).isTrue();
        assertThat(DemoMode.requested(new String[] { "--kyso.demo=x" })).isFalse();
    }
}
