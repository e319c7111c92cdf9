package vn.kyso.server.cli;

import java.nio.file.Path;

import vn.kyso.signing.VerificationReport;

/** Verifies files one after another with the same trust anchors and revocation source. */
interface DocumentVerifier {

    /** The report on {@code file}; throws {@code SigningException} when the file could not be verified at all. */
    VerificationReport verify(Path file);
}
