package vn.kyso.signing.testpki;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh SoftHSM2 token for a test, in the folder named by {@code SOFTHSM2_CONF}: the build sets
 * that variable for the test JVM, because SoftHSM2 reads it once, when its library loads.
 */
public final class SoftHsm {

    public static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");

    private SoftHsm() {
    }

    /** Empties the token folder, initialises one token and returns its slot id; skips the test without SoftHSM2. */
    public static long freshToken(String label, String pin, String soPin) {
        String conf = System.getenv("SOFTHSM2_CONF");
        assumeTrue(conf != null && Files.exists(LIBRARY), "SoftHSM2 is not installed or SOFTHSM2_CONF is not set");
        Path confFile = Path.of(conf);
        Path tokens = confFile.resolveSibling("tokens");
        try {
            if (Files.exists(tokens)) {
                try (var walk = Files.walk(tokens)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(tokens);
            Files.writeString(confFile, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                    + "log.level = ERROR\nslots.removable = false\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String output = ExternalTool.runOk(List.of("softhsm2-util", "--init-token", "--free", "--label", label,
                "--so-pin", soPin, "--pin", pin));
        Matcher m = Pattern.compile("reassigned to slot (\\d+)").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("softhsm2-util named no slot: " + output);
        }
        return Long.parseLong(m.group(1));
    }
}
