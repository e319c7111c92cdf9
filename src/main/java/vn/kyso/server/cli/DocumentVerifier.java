package vn.kyso.server.cli;

import java.nio.file.Path;

import vn.kyso.signing.VerificationReport;

/** Verifies files one after another with the same trust anchors and revocation source. */
interface DocumentVerifier {

    /** The report on {@code file}; throws {@code SigningException} when the file could not be verified at all. */
    VerificationReport verify(Path file);

    /** The exact bytes signature {@code number} (1-based) of {@code file} signed; throws {@code SigningException}. */
    default byte[] signedVersion(Path file, int number) {
        throw new UnsupportedOperationException("this verifier does not give signed versions");
    }
}
