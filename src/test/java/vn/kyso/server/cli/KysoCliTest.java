package vn.kyso.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KysoCliTest {

    @Test
    void onlyTheBareJarOrServeStartsTheService() {
        assertThat(KysoCli.startsService(new String[] {})).isTrue();
        assertThat(KysoCli.startsService(new String[] { "--debug" })).isTrue();
        assertThat(KysoCli.startsService(new String[] { "--server.port=9090" })).isTrue();
        assertThat(KysoCli.startsService(new String[] { "--demo" })).isTrue();
        assertThat(KysoCli.startsService(new String[] { "serve" })).isTrue();
        assertThat(KysoCli.startsService(new String[] { "serve", "--demo", "--server.port=0" })).isTrue();
        assertThat(KysoCli.startsService(new String[] { "--server.port=0", "serve" })).isTrue();

        assertThat(KysoCli.startsService(new String[] { "sign", "a.pdf" })).isFalse();
        assertThat(KysoCli.startsService(new String[] { "verify", "a.pdf" })).isFalse();
        assertThat(KysoCli.startsService(new String[] { "--lang", "en", "verify", "a.pdf" })).isFalse();
        assertThat(KysoCli.startsService(new String[] { "--debug", "--lang=en", "sign" })).isFalse();
        assertThat(KysoCli.startsService(new String[] { "--help" })).isFalse();
        assertThat(KysoCli.startsService(new String[] { "--version" })).isFalse();
        // A word that names no command goes to the CLI, which refuses it: it never starts the service.
        assertThat(KysoCli.startsService(new String[] { "verfy", "x.pdf" })).isFalse();
        assertThat(KysoCli.startsService(new String[] { "extend", "a.pdf", "b.pdf" })).isFalse();
        assertThat(KysoCli.startsService(new String[] { "--server.port=0", "srve" })).isFalse();
    }

    @Test
    void serveIsTakenOutOfTheServiceArguments() {
        assertThat(KysoCli.serviceArguments(new String[] { "serve", "--demo", "--server.port=0" }))
                .containsExactly("--demo", "--server.port=0");
        assertThat(KysoCli.serviceArguments(new String[] { "--server.port=0" })).containsExactly("--server.port=0");
    }

    @Test
    void unknownCommandPrintsTheUsageAndExitsTwo() {
        CliRun run = CliRun.run(Map.of(), Backends.library(), "verfy", "x.pdf");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("kyso: ").contains("verfy").contains("serve").contains("sign").contains("verify");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknownCommandIsExplainedInEnglishOnRequest() {
        CliRun run = CliRun.run(Map.of(), Backends.library(), "--lang", "en", "stamp", "a.pdf");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown command 'stamp'").contains("Usage");
    }

    @Test
    void languageOptionBeforeTheCommandWorks() {
        CliRun run = CliRun.run(Map.of(), Backends.library(), "--lang", "en", "verify", "missing.pdf");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("file not found");
    }

    @Test
    void aTypoedCommandCreatesNoDataFolderAndStartsNothing(@TempDir Path dir) throws Exception {
        for (String word : List.of("verfy", "extend")) {
            Process p = kyso(dir, word, "x.pdf");
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the JVM ends by itself").isTrue();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(err).isEqualTo(2);
            assertThat(err).contains(word);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).as("nothing created in the working folder").isEmpty();
        }
    }

    private static Process kyso(Path workDir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "vn.kyso.server.Kyso"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().remove("KYSO_DATA_DIR");
        return pb.start();
    }
}
