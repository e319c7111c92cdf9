package vn.kyso.server;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import vn.kyso.launch.FastCli;

/**
 * Runs the command line from a plain class path unpacked once from {@code kyso.jar}.
 *
 * <p>Why: under Spring Boot's nested-jar class loader every package defined from a signed jar
 * copies that jar's whole manifest (Bouncy Castle's is 850 KB with 6,000 entries), which alone
 * cost the CLI about a second of CPU per start. The service does not care; a clerk running
 * {@code kyso verify} does. So the first CLI run unpacks the jar's classes and libraries into a
 * per-build cache folder ({@code $XDG_CACHE_HOME/kyso} or {@code ~/.cache/kyso}) and every run
 * loads them with the JDK's own class loader, from a class-data-sharing archive once one has been
 * made ({@link CliArchive}). When the cache cannot be written, the CLI runs in place as before.
 */
final class FlatClassPath {

    private static final String CLI_CLASS = "vn.kyso.server.cli.KysoCli";
    private static final String CLASSES = "BOOT-INF/classes/";
    private static final String LIB = "BOOT-INF/lib/";
    private static final String APP_JAR = "app.jar";

    private FlatClassPath() {
    }

    /** The executable jar this process was started from, or null when not started with -jar. */
    static Path executableJar() {
        String cp = System.getProperty("java.class.path", "");
        if (!cp.endsWith(".jar") || cp.contains(java.io.File.pathSeparator)) {
            return null;
        }
        Path jar = Path.of(cp);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(CLASSES) != null || zip.getEntry(CLASSES + "vn/kyso/server/Kyso.class") != null
                    ? jar : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Runs {@code KysoCli.run(args)} from the unpacked class path of {@code jar}; returns null
     * when that is not possible (the caller then runs the CLI in place).
     */
    static Integer runCli(Path jar, String[] args) {
        Path dir = unpacked(jar);
        if (dir == null) {
            return null;
        }
        List<Path> classPath;
        try {
            classPath = classPath(dir);
        } catch (IOException e) {
            return null;
        }
        boolean sharing = !CliArchive.disabled(System.getenv());
        if (sharing) {
            Integer code = CliArchive.runWithArchive(dir, classPath, args);
            if (code != null) {
                return code;
            }
        }
        try {
            List<URL> urls = new ArrayList<>();
            for (Path entry : classPath) {
                urls.add(entry.toUri().toURL());
            }
            URLClassLoader loader = new URLClassLoader("kyso-cli", urls.toArray(new URL[0]),
                    ClassLoader.getPlatformClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            Method run = loader.loadClass(CLI_CLASS).getMethod("run", String[].class);
            return (Integer) run.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (IOException | ReflectiveOperationException e) {
            return null;
        } finally {
            if (sharing) {
                CliArchive.prepareInBackground(dir, classPath);
            }
        }
    }

    /** The unpacked class path: the application's classes as one jar, then the libraries. */
    private static List<Path> classPath(Path dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        entries.add(dir.resolve(APP_JAR));
        try (Stream<Path> libs = Files.list(dir.resolve("lib"))) {
            entries.addAll(libs.sorted().toList());
        }
        return entries;
    }

    /** The cache folder holding {@code classes/} and {@code lib/} of this build of the jar. */
    private static Path unpacked(Path jar) {
        try {
            Path dir = FastCli.cacheDir(jar);
            Path cacheRoot = dir.getParent();
            if (Files.isDirectory(dir)) {
                return dir;
            }
            Files.createDirectories(cacheRoot);
            Path staging = Files.createTempDirectory(cacheRoot, ".unpacking-");
            try {
                extract(jar, staging);
                Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
                // another run unpacked the same build at the same time: use its copy
            } finally {
                deleteTree(staging);
            }
            removeOtherBuilds(cacheRoot, dir);
            return Files.isDirectory(dir) ? dir : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Copies the libraries out of the jar (signed ones as unsigned copies, see {@link UnsignedCopy})
     * and packs the application's classes into one jar of their own: class-data sharing takes jars
     * only, never a folder.
     */
    private static void extract(Path jar, Path target) throws IOException {
        Path lib = Files.createDirectories(target.resolve("lib"));
        try (ZipFile zip = new ZipFile(jar.toFile());
                ZipOutputStream app = new ZipOutputStream(Files.newOutputStream(target.resolve(APP_JAR)))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                if (name.startsWith(CLASSES) && name.length() > CLASSES.length()) {
                    String inner = name.substring(CLASSES.length());
                    if (inner.startsWith("/") || inner.contains("..")) {
                        continue; // nothing that could name a place outside the jar's own tree
                    }
                    app.putNextEntry(new ZipEntry(inner));
                    if (!e.isDirectory()) {
                        try (InputStream in = zip.getInputStream(e)) {
                            in.transferTo(app);
                        }
                    }
                    app.closeEntry();
                } else if (name.startsWith(LIB) && name.endsWith(".jar") && name.indexOf('/', LIB.length()) < 0) {
                    Path copied = lib.resolve(name.substring(LIB.length()));
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, copied);
                    }
                    try {
                        UnsignedCopy.strip(copied);
                    } catch (IOException notStripped) {
                        // the signed original still works, only without class-data sharing
                    }
                }
            }
        }
    }

    private static void removeOtherBuilds(Path cacheRoot, Path keep) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(cacheRoot, "cli-*")) {
            for (Path d : dirs) {
                if (!d.equals(keep)) {
                    deleteTree(d);
                }
            }
        } catch (IOException ignored) {
            // an old copy left behind costs disk, not correctness
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
