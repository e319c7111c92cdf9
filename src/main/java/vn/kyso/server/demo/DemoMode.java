package vn.kyso.server.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What {@code --demo} does before the service starts: it chooses the data folder (the one given,
 * else {@code ./kyso-demo}), refuses a folder that holds anything but demo data (so a real CA,
 * its keys and accounts can never be mixed with demo certificates and passwords), marks the
 * folder as a demo's, and turns the flag into the {@code kyso.demo.enabled} setting.
 */
public final class DemoMode {

    public static final String FLAG = "--demo";
    /** The file that marks a data folder as a demo's. */
    public static final String MARKER = "kyso-demo.marker";
    static final String DEFAULT_FOLDER = "./kyso-demo";

    private DemoMode() {
    }

    /** Why demo mode cannot start: a one-line message for the terminal. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    public static boolean requested(String[] args) {
        return List.of(args).contains(FLAG);
    }

    /**
     * The arguments to start Spring with: without {@code --demo}, with the demo setting and the
     * data folder; the folder is checked and marked.
     */
    public static String[] prepare(String[] args, Map<String, String> environment) throws Refused {
        List<String> out = new ArrayList<>();
        String folder = environment.get("KYSO_DATA_DIR");
        for (String arg : args) {
            if (arg.startsWith("--kyso.data-dir=")) {
                folder = arg.substring("--kyso.data-dir=".length());
            }
            if (!arg.equals(FLAG)) {
                out.add(arg);
            }
        }
        if (folder == null || folder.isBlank()) {
            folder = DEFAULT_FOLDER;
            out.add("--kyso.data-dir=" + folder);
        }
        claim(Path.of(folder));
        out.add("--kyso.demo.enabled=true");
        // issue 15: the demo's own CSC API as a remote-signing service, so that the console's and the
        // API's remote signing can be tried with the demo officer's key (docs/csc.md)
        out.add("--kyso.signing.remote-services.kyso-demo.name=kyso (demo)");
        out.add("--kyso.signing.remote-services.kyso-demo.url=http://127.0.0.1:${server.port:8080}"
                + "${server.servlet.context-path:}/csc/v2");
        return out.toArray(String[]::new);
    }

    /** Marks an empty (or new) folder as a demo's; accepts a folder already marked; refuses any other. */
    static void claim(Path folder) throws Refused {
        try {
            if (Files.isRegularFile(folder.resolve(MARKER))) {
                return;
            }
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new Refused("kyso --demo: " + folder + " is not a folder");
            }
            if (Files.isDirectory(folder)) {
                try (Stream<Path> entries = Files.list(folder)) {
                    if (entries.findAny().isPresent()) {
                        throw new Refused("kyso --demo: từ chối chạy vì thư mục dữ liệu " + folder
                                + " chứa dữ liệu không phải bản trình diễn / refusing: the data folder holds non-demo data;"
                                + " choose an empty folder with --kyso.data-dir");
                    }
                }
            }
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(MARKER), "kyso demo data: certificates, keys and passwords here are for show\n");
        } catch (IOException e) {
            throw new Refused("kyso --demo: cannot use the data folder " + folder + ": " + e.getMessage());
        }
    }
}
