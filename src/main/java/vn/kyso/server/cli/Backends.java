package vn.kyso.server.cli;

import java.util.Objects;
import java.util.function.Function;

/**
 * Where the commands get their signer and verifier: signing-core in production; tests may pass
 * their own to reach reports that are hard to produce from real files.
 */
record Backends(Function<SignSettings, DocumentSigner> signers, Function<VerifySettings, DocumentVerifier> verifiers) {

    Backends {
        Objects.requireNonNull(signers, "signers");
        Objects.requireNonNull(verifiers, "verifiers");
    }

    /** signing-core's {@code PdfSigner} and {@code PdfVerifier}. */
    static Backends library() {
        return new Backends(LibrarySigner::open, LibraryVerifier::open);
    }
}
