package vn.kyso.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's first class takes the fast way (the command's JVM started directly from the launch
 * file an earlier run left) only when it would start exactly what the slow way starts; anything
 * else goes to Spring Boot's launcher as before.
 */
class FastCliTest {

    @TempDir
    Path home;

    private Path dir;
    private static final Optional<String[]> PLAIN = Optional.of(new String[] {"-jar", "kyso.jar", "sign", "a.pdf"});

    @BeforeEach
    void anEarlierRunLeftItsLaunchFile() throws IOException {
        Path jar = Files.write(home.resolve("kyso.jar"), new byte[] {1, 2, 3});
        dir = Files.createDirectories(FastCli.cacheDir(jar, home.resolve("cache").toString(), "/nowhere"));
        Files.write(dir.resolve("cli.jsa"), new byte[] {0});
        Files.write(dir.resolve(FastCli.LAUNCH_FILE), List.of(FastCli.java().toString(), "-XX:TieredStopAtLevel=1",
                "-cp", dir.resolve("app.jar").toString(), "vn.kyso.server.cli.KysoCli"));
    }

    @Test
    void aCommandWordRunsTheRememberedCommandWithTheUsersArguments() throws IOException {
        assertThat(FastCli.fastCommand(new String[] {"sign", "--out-dir", "x y", "a.pdf"}, PLAIN, dir, null))
                .containsExactly(FastCli.java().toString(), "-XX:TieredStopAtLevel=1", "-cp",
                        dir.resolve("app.jar").toString(), "vn.kyso.server.cli.KysoCli", "sign", "--out-dir", "x y",
                        "a.pdf");
    }

    @Test
    void theServiceOptionsFirstAndNoArgumentsTakeTheSlowWay() throws IOException {
        for (String[] args : List.of(new String[0], new String[] {"serve"}, new String[] {"--demo"},
                new String[] {"--lang", "en", "verify", "a.pdf"}, new String[] {"--version"})) {
            assertThat(FastCli.fastCommand(args, PLAIN, dir, null)).as(String.join(" ", args)).isNull();
        }
    }

    @Test
    void jvmOptionsOfTheUsersOrSharingSwitchedOffTakeTheSlowWay() throws IOException {
        String[] sign = {"sign", "a.pdf"};
        assertThat(FastCli.fastCommand(sign, Optional.of(new String[] {"-Xmx2g", "-jar", "kyso.jar", "sign"}), dir,
                null)).isNull();
        assertThat(FastCli.fastCommand(sign, Optional.empty(), dir, null)).isNull();
        assertThat(FastCli.fastCommand(sign, PLAIN, dir, " OFF ")).isNull();
    }

    @Test
    void aMissingArchiveOrLaunchFileOrAnotherJavaTakeTheSlowWay() throws IOException {
        String[] sign = {"sign", "a.pdf"};
        Files.write(dir.resolve(FastCli.LAUNCH_FILE), List.of("/opt/other-jdk/bin/java", "-cp", "x", "Main"));
        assertThat(FastCli.fastCommand(sign, PLAIN, dir, null)).isNull();
        Files.delete(dir.resolve(FastCli.LAUNCH_FILE));
        assertThat(FastCli.fastCommand(sign, PLAIN, dir, null)).isNull();
        anEarlierRunLeftItsLaunchFile();
        Files.delete(dir.resolve("cli.jsa"));
        assertThat(FastCli.fastCommand(sign, PLAIN, dir, null)).isNull();
    }

    @Test
    void eachBuildOfTheJarHasItsOwnCacheFolder() throws IOException {
        Path jar = home.resolve("kyso.jar");
        Path first = FastCli.cacheDir(jar, null, home.toString());
        Files.write(jar, new byte[] {1, 2, 3, 4});
        assertThat(first.getParent()).isEqualTo(home.resolve(".cache").resolve("kyso"));
        assertThat(FastCli.cacheDir(jar, null, home.toString())).isNotEqualTo(first);
        assertThat(FastCli.cacheDir(jar, home.resolve("xdg").toString(), "/nowhere").getParent())
                .isEqualTo(home.resolve("xdg").resolve("kyso"));
    }
}
