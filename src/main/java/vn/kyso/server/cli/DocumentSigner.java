package vn.kyso.server.cli;

import java.nio.file.Path;

/** One open key and signer, reused for every file of a batch. */
interface DocumentSigner extends AutoCloseable {

    /**
     * Signs {@code input} into {@code output}. The output appears complete or not at all (it is
     * written beside the target and moved over it); throws {@code SigningException} on failure.
     */
    void sign(Path input, Path output);

    /**
     * How many files this signer may sign at once (a batch uses at most this many threads): 1
     * unless the key is known to be safe and fast to use from several threads.
     */
    default int parallelism() {
        return 1;
    }

    /** Releases the key. */
    @Override
    void close();
}
