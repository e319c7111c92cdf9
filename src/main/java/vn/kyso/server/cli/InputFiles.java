package vn.kyso.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A cheap look at an input file before the library parses it, so the commonest mistakes (wrong
 * name, empty file, a Word file) get a precise message. Deeper damage (truncation, broken
 * cross-reference table, encryption) is signing-core's to find.
 */
final class InputFiles {

    /** PDF readers accept the header anywhere in the first 1024 bytes (ISO 32000-2, 7.5.2 note). */
    private static final int HEADER_WINDOW = 1024;
    private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private InputFiles() {
    }

    /** Throws a {@link CliFailure} with {@code exitCode} when {@code file} cannot be a PDF. */
    static void checkPdf(Path file, int exitCode) {
        if (!Files.exists(file)) {
            throw new CliFailure(exitCode, "file.notFound");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new CliFailure(exitCode, "file.unreadable");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(HEADER_WINDOW);
            if (head.length == 0) {
                throw new CliFailure(exitCode, "file.empty");
            }
            if (indexOf(head, HEADER) < 0) {
                throw new CliFailure(exitCode, "file.notPdf");
            }
        } catch (IOException e) {
            throw new CliFailure(exitCode, "file.unreadable");
        }
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
