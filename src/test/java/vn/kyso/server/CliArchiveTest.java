package vn.kyso.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CliArchiveTest {

    @Test
    void theChildKeepsTheUsersJvmOptionsButNotSharingOrAgentOptions() {
        List<String> parent = List.of("-Xmx2g", "-Dkyso.crypto.native=false", "-XX:SharedArchiveFile=/x.jsa",
                "-Xshare:off", "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-javaagent:a.jar",
                "-Xlog:gc", "-jar", "kyso.jar", "sign", "-Xmx1m");

        assertThat(CliArchive.jvmOptions(parent)).containsExactly("-Xmx2g", "-Dkyso.crypto.native=false");
    }

    @Test
    void withoutMinusJarEveryOptionIsTheUsersUpToWhatItDrops() {
        assertThat(CliArchive.jvmOptions(List.of())).isEmpty();
        assertThat(CliArchive.jvmOptions(List.of("-Xss4m", "-XX:DumpLoadedClassList=l"))).containsExactly("-Xss4m");
    }

    @Test
    void theChildRunsTheCliWithTheArchiveAndTheFlatClassPath() {
        List<String> command = CliArchive.command(Path.of("/jdk/bin/java"), List.of("-Xmx2g"),
                List.of("-XX:SharedArchiveFile=/c/cli.jsa"), List.of(Path.of("/c/app.jar"), Path.of("/c/lib/a.jar")),
                "vn.kyso.server.cli.KysoCli", List.of("verify", "a b.pdf"));

        assertThat(command).containsExactly("/jdk/bin/java", "-Xmx2g", "-XX:SharedArchiveFile=/c/cli.jsa", "-cp",
                "/c/app.jar" + java.io.File.pathSeparator + "/c/lib/a.jar", "vn.kyso.server.cli.KysoCli", "verify",
                "a b.pdf");
    }

    @Test
    void theChildRunsWithC1AndTheSerialCollectorUnlessTheUserSaidOtherwise() {
        assertThat(CliArchive.childOptions(List.of("-Xmx2g")))
                .containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx2g");
        // the user's choice comes later, so it wins; a second collector would stop the JVM from starting
        assertThat(CliArchive.childOptions(List.of("-XX:TieredStopAtLevel=4", "-XX:+UseG1GC")))
                .containsExactly("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4", "-XX:+UseG1GC");
    }

    @Test
    void kysoCliCdsOffSwitchesSharingOff() {
        assertThat(CliArchive.disabled(Map.of("KYSO_CLI_CDS", "off"))).isTrue();
        assertThat(CliArchive.disabled(Map.of("KYSO_CLI_CDS", "OFF "))).isTrue();
        assertThat(CliArchive.disabled(Map.of())).isFalse();
    }
}
