package vn.kyso.server.cli;

import java.nio.file.Path;

import vn.kyso.signing.VerificationReport;

/** Prints verification results to stdout: for a person, or for a program. */
interface ReportPrinter {

    void print(Path file, VerificationReport report);

    /** The file could not be verified at all (the one-line error already went to stderr). */
    void printFailure(Path file, String code, String message);
}
