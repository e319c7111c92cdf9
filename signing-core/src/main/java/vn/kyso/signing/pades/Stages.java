package vn.kyso.signing.pades;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningException.ErrorCode;

/**
 * Intermediate outputs between incremental updates (signature, then DSS, then document
 * timestamp): temporary files for file inputs, so memory stays bounded; arrays for inputs that
 * were in memory anyway. Closing deletes the files.
 */
final class Stages implements AutoCloseable {

    private final boolean inMemory;
    private final List<Path> files = new ArrayList<>();

    Stages(boolean inMemory) {
        this.inMemory = inMemory;
    }

    /** Where one stage writes; read it back with {@link #source} once the stream is closed. */
    final class Stage {
        private final Path file;
        private final ByteArrayOutputStream buffer;

        private Stage(Path file, ByteArrayOutputStream buffer) {
            this.file = file;
            this.buffer = buffer;
        }

        OutputStream open() throws IOException {
            return file != null ? new java.io.BufferedOutputStream(Files.newOutputStream(file), 65536) : buffer;
        }

        PdfSource source() {
            return file != null ? PdfSource.of(file) : PdfSource.of(buffer.toByteArray());
        }
    }

    Stage next() {
        if (inMemory) {
            return new Stage(null, new ByteArrayOutputStream());
        }
        try {
            Path f = Files.createTempFile("kyso-stage-", ".pdf");
            files.add(f);
            return new Stage(f, null);
        } catch (IOException e) {
            throw new SigningException(ErrorCode.IO_ERROR, "cannot create a temporary file: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException ignored) {
                // a leftover temp file is harmless; the OS cleans its temp directory
            }
        }
    }
}
