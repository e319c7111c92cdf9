package vn.kyso.server.cli;

import java.io.OutputStream;
import java.nio.file.Path;

/** One open key and signer, reused for every file of a batch. */
interface DocumentSigner extends AutoCloseable {

    /** Signs {@code input} and writes the signed PDF to {@code output}. */
    void sign(Path input, OutputStream output);

    /** Releases the key (logs out of a token). */
    @Override
    void close();
}
