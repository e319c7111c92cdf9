package vn.kyso.launch;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The jar's first class ({@code Main-Class} of {@code kyso.jar}, copied to the jar's root at
 * package time): for a CLI command it starts the command's JVM at once, without Spring Boot's
 * launcher, when an earlier run left the way to start it ({@value #LAUNCH_FILE} in the CLI's
 * cache folder, written by {@code CliArchive}); for anything else it hands over to Spring Boot's
 * {@code JarLauncher}, which runs {@code vn.kyso.server.Kyso} as before.
 *
 * <p>Why: the first JVM of a CLI run only starts the second (the one that maps the class-data
 * sharing archive) and waits for it; under Spring Boot's launcher it opened the 90 MB jar, built
 * its nested class loader and loaded some 400 classes first, about 0.2 s of every {@code kyso
 * sign}. Here it reads one small file. JDK classes only, no lambdas: each would cost start-up.
 *
 * <p>The fast way is taken only when it would start exactly what the slow way starts: the
 * first argument is a command word (not an option, not {@code serve}), the JVM was given no
 * option of its own ({@code java -jar kyso.jar ...}), the launch file was written by the same
 * {@code java}, its archive is there, and {@code KYSO_CLI_CDS} is not {@code off}. Otherwise, and
 * on any failure before the child starts, the slow way runs.
 */
public final class FastCli {

    /** The child's command before the user's arguments, one token per line. */
    public static final String LAUNCH_FILE = "cli.launch";
    private static final String ARCHIVE = "cli.jsa";
    private static final String SPRING_BOOT_LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

    private FastCli() {
    }

    public static void main(String[] args) throws Throwable {
        Integer code = runFast(args);
        if (code != null) {
            System.exit(code);
        }
        try {
            Class.forName(SPRING_BOOT_LAUNCHER).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The CLI command's exit code when it ran the fast way; null when the slow way must run. */
    static Integer runFast(String[] args) {
        try {
            String classPath = System.getProperty("java.class.path", "");
            List<String> command = classPath.isEmpty() || classPath.contains(java.io.File.pathSeparator) ? null
                    : fastCommand(args, ProcessHandle.current().info().arguments(), cacheDir(Path.of(classPath)),
                            System.getenv("KYSO_CLI_CDS"));
            if (command == null) {
                return null;
            }
            Process child = new ProcessBuilder(command).inheritIO().start();
            return waitFor(child);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The child's whole command line, or null when the fast way does not apply. */
    static List<String> fastCommand(String[] args, Optional<String[]> jvmArguments, Path dir, String cdsSetting)
            throws IOException {
        if (args.length == 0 || args[0].startsWith("-") || args[0].equals("serve")
                || "off".equalsIgnoreCase(cdsSetting == null ? "" : cdsSetting.strip())) {
            return null;
        }
        // java -jar kyso.jar ARGS...: no JVM option of the user's that the child would have to get
        String[] own = jvmArguments.orElse(null);
        if (own == null || own.length < 2 || !own[0].equals("-jar")) {
            return null;
        }
        Path launch = dir.resolve(LAUNCH_FILE);
        if (!Files.isRegularFile(launch) || !Files.isRegularFile(dir.resolve(ARCHIVE))) {
            return null;
        }
        List<String> command = new ArrayList<>(Files.readAllLines(launch, StandardCharsets.UTF_8));
        if (command.isEmpty() || !command.get(0).equals(java().toString())) {
            return null;
        }
        for (String arg : args) {
            command.add(arg);
        }
        return command;
    }

    /**
     * The folder holding the unpacked class path of this build of {@code jar} ({@code
     * $XDG_CACHE_HOME/kyso} or {@code ~/.cache/kyso}, then one folder per jar: its size, time and
     * place).
     */
    public static Path cacheDir(Path jar) throws IOException {
        return cacheDir(jar, System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"));
    }

    static Path cacheDir(Path jar, String xdgCacheHome, String userHome) throws IOException {
        Path base = xdgCacheHome != null && !xdgCacheHome.isBlank() ? Path.of(xdgCacheHome)
                : Path.of(userHome, ".cache");
        String key = Long.toHexString(Files.size(jar)) + "-"
                + Long.toHexString(Files.getLastModifiedTime(jar).toMillis()) + "-"
                + Integer.toHexString(jar.toAbsolutePath().normalize().toString().hashCode());
        return base.resolve("kyso").resolve("cli-" + key);
    }

    /** This JVM's {@code java}. */
    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The child's exit code; the user's Ctrl-C reaches the child too (same process group). */
    public static int waitFor(Process child) {
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // keep waiting for the child's own code
            }
        }
    }
}
