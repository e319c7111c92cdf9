package vn.kyso.server;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import vn.kyso.launch.FastCli;

/**
 * Class-data sharing for the command line: the JVM maps the classes a CLI run needs (picocli,
 * PDFBox, Bouncy Castle, signing-core: about 3,000) from an archive instead of reading, parsing and
 * verifying them from jars on every start.
 *
 * <p>A jar cannot give its own JVM options, so once an archive exists, {@code java -jar kyso.jar
 * sign ...} runs the command in a second JVM started with it (the first only waits and passes the
 * exit code on). The archive is made once per build, in the background after the first CLI run:
 * a training run ({@code CliTraining}: sign and verify generated files) lists the classes it
 * loads, then {@code java -Xshare:dump} writes the archive beside the unpacked class path. Until
 * then, and whenever anything about it fails, the CLI runs in process as before. {@code
 * KYSO_CLI_CDS=off} (or {@code -Dkyso.cli.cds=false}) switches all of it off.
 *
 * <p>Lambda-proxy lines are left out of the class list: OpenJDK 17's dump crashes on some of them
 * (SIGSEGV in {@code adjust_lambda_proxy_class_dictionary}); the lambdas are then spun at run time
 * as without an archive.
 */
final class CliArchive {

    static final String ARCHIVE = "cli.jsa";
    private static final String CLASS_LIST = "cli.classlist";
    private static final String LOCK = "cli.jsa.lock";
    private static final Duration STALE_LOCK = Duration.ofMinutes(10);
    private static final String TRAINING = "vn.kyso.server.cli.CliTraining";
    private static final String CLI = "vn.kyso.server.cli.KysoCli";

    /**
     * C1 only: a CLI run lasts seconds, and C2's compilations of PDFBox, Bouncy Castle and the
     * JDK's crypto cost more CPU than they save (perf, 1,000- and 3,000-file batches on two cores:
     * the C2 compiler threads took about 40 % of the process's CPU; with C1 only a batch used
     * half the CPU time).
     */
    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    /** A small heap of short-lived objects: no concurrent GC threads competing with the signers. */
    private static final String SERIAL_GC = "-XX:+UseSerialGC";

    private CliArchive() {
    }

    /** Whether the user switched class-data sharing for the CLI off. */
    static boolean disabled(Map<String, String> env) {
        return "off".equalsIgnoreCase(env.getOrDefault("KYSO_CLI_CDS", "").strip())
                || "false".equalsIgnoreCase(System.getProperty("kyso.cli.cds", "true").strip());
    }

    /**
     * Runs the command in a JVM that maps the archive of {@code dir}; null when there is no archive
     * yet or the JVM cannot be started (the caller then runs in process).
     */
    static Integer runWithArchive(Path dir, List<Path> classPath, String[] args) {
        Path archive = dir.resolve(ARCHIVE);
        if (!Files.isRegularFile(archive)) {
            return null;
        }
        List<String> userOptions = jvmOptions(parentArguments());
        List<String> command = command(FastCli.java(), childOptions(userOptions), List.of(
                "-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:disable", "-Xlog:all=error:stderr"),
                classPath, CLI, List.of(args));
        try {
            Process child = new ProcessBuilder(command).inheritIO().start();
            if (userOptions.isEmpty()) {
                rememberLaunch(dir, command.subList(0, command.size() - args.length));
            }
            return FastCli.waitFor(child);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Leaves the child's command (without the user's arguments) for {@link FastCli}, which starts
     * the next run's child without Spring Boot's launcher; written once, atomically.
     */
    private static void rememberLaunch(Path dir, List<String> prefix) {
        Path launch = dir.resolve(FastCli.LAUNCH_FILE);
        try {
            if (Files.isRegularFile(launch) && Files.readAllLines(launch).equals(prefix)) {
                return;
            }
            Path partial = Files.createTempFile(dir, FastCli.LAUNCH_FILE, ".part");
            Files.write(partial, prefix);
            Files.move(partial, launch, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // the next run takes the slow way, as before
        }
    }

    /**
     * Starts, in the background, the making of {@code dir}'s archive unless it exists or is being
     * made: this run does not wait for it.
     */
    static void prepareInBackground(Path dir, List<Path> classPath) {
        Path lock = dir.resolve(LOCK);
        try {
            if (Files.exists(dir.resolve(ARCHIVE)) || !takeLock(lock)) {
                return;
            }
            // One JVM makes the class list, then one dumps it, then the result is moved in place:
            // a detached shell does the sequence so that this process can end at once.
            Path list = dir.resolve(CLASS_LIST);
            Path partial = dir.resolve(ARCHIVE + ".part");
            String cp = joined(classPath);
            String java = quote(FastCli.java().toString());
            String script = String.join(" && ",
                    java + " -Xshare:auto -XX:DumpLoadedClassList=" + quote(list + ".all") + " -cp " + quote(cp) + " "
                            + TRAINING,
                    "grep -v '^@lambda' " + quote(list + ".all") + " > " + quote(list.toString()),
                    java + " -Xshare:dump -XX:SharedClassListFile=" + quote(list.toString()) + " -XX:SharedArchiveFile="
                            + quote(partial.toString()) + " -XX:ErrorFile=" + quote(dir.resolve("cli-dump-error.log").toString())
                            + " -cp " + quote(cp),
                    "mv -f " + quote(partial.toString()) + " " + quote(dir.resolve(ARCHIVE).toString()))
                    + "; rm -f " + quote(list + ".all") + " " + quote(list.toString()) + " " + quote(partial.toString())
                    + " " + quote(lock.toString());
            new ProcessBuilder("/bin/sh", "-c", script).directory(dir.toFile())
                    .redirectInput(Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(Redirect.DISCARD).redirectError(Redirect.DISCARD).start();
        } catch (IOException | RuntimeException e) {
            // no archive: the CLI keeps running in process, as before
            try {
                Files.deleteIfExists(lock);
            } catch (IOException ignored) {
                // a stale lock expires by itself
            }
        }
    }

    /**
     * The child's JVM options: those for a short run, then the user's (a later option wins, so a
     * {@code -XX:TieredStopAtLevel=4} given before {@code -jar} still counts). The collector is
     * chosen only when the user chose none: the JVM refuses to start with two.
     */
    static List<String> childOptions(List<String> userOptions) {
        List<String> options = new ArrayList<>();
        options.add(C1_ONLY);
        boolean userChoseCollector = userOptions.stream().anyMatch(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"));
        if (!userChoseCollector) {
            options.add(SERIAL_GC);
        }
        options.addAll(userOptions);
        return options;
    }

    /** The child's command line: the parent's JVM options, the archive, the class path, the CLI. */
    static List<String> command(Path java, List<String> parentOptions, List<String> archiveOptions,
            List<Path> classPath, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(parentOptions);
        command.addAll(archiveOptions);
        command.add("-cp");
        command.add(joined(classPath));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /**
     * The JVM options the user gave the parent ({@code java -Xmx2g -Dx=y -jar kyso.jar ...}): the
     * ones before {@code -jar}, less those about class-data sharing and agents (a debugger's port
     * cannot be opened twice).
     */
    static List<String> jvmOptions(List<String> parentArguments) {
        List<String> options = new ArrayList<>();
        for (String arg : parentArguments) {
            if (arg.equals("-jar")) {
                break;
            }
            boolean dropped = arg.startsWith("-Xshare") || arg.startsWith("-XX:SharedArchiveFile")
                    || arg.startsWith("-XX:ArchiveClassesAtExit") || arg.startsWith("-XX:DumpLoadedClassList")
                    || arg.startsWith("-XX:SharedClassListFile") || arg.startsWith("-agentlib")
                    || arg.startsWith("-agentpath") || arg.startsWith("-javaagent") || arg.startsWith("-Xlog");
            if (!dropped) {
                options.add(arg);
            }
        }
        return options;
    }

    private static List<String> parentArguments() {
        return ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
    }

    private static String joined(List<Path> classPath) {
        return classPath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static boolean takeLock(Path lock) throws IOException {
        try {
            Files.createFile(lock);
            return true;
        } catch (FileAlreadyExistsException e) {
            Instant since = Files.getLastModifiedTime(lock).toInstant();
            if (since.plus(STALE_LOCK).isBefore(Instant.now())) {
                // an archiver that died: take over
                Files.setLastModifiedTime(lock, FileTime.from(Instant.now()));
                return true;
            }
            return false;
        }
    }


}
