package vn.kyso.signing.testpki;

import java.nio.file.Path;
import java.util.List;

/** Runs {@code qpdf}: structural checks and the rewrites the test corpus needs. */
public final class Qpdf {

    private Qpdf() {
    }

    /** {@code qpdf --check}: exit 0 and no error or warning. */
    public static ExternalTool check(Path pdf) {
        return ExternalTool.run(List.of("qpdf", "--check", pdf.toString()));
    }

    /** True when {@code qpdf --check} finds no errors (exit code 0). */
    public static boolean checks(Path pdf) {
        return check(pdf).exitCode() == 0;
    }

    /** Rewrites with object streams and cross-reference streams. */
    public static Path objectStreams(Path in, Path out) {
        ExternalTool.runOk(List.of("qpdf", "--object-streams=generate", in.toString(), out.toString()));
        return out;
    }

    /** Rewrites linearized ("fast web view"). */
    public static Path linearize(Path in, Path out) {
        ExternalTool.runOk(List.of("qpdf", "--linearize", in.toString(), out.toString()));
        return out;
    }
}
