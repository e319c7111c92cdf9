package vn.kyso.server.cli;

import java.nio.file.Path;

import vn.kyso.signing.VisibleSignature;

/** Maps the parsed {@code --visible} options onto signing-core's Decree 30 layout records. */
final class LayoutMapping {

    private LayoutMapping() {
    }

    static VisibleSignature personal(Path image, Integer page, VisibleOptions.RectMm rect, String anchor) {
        throw unavailable();
    }

    static VisibleSignature seal(Path sealImage, double diameterMm, Path signatureImage, Integer page,
            VisibleOptions.RectMm rect, String anchor) {
        throw unavailable();
    }

    static VisibleSignature appendix(String number) {
        throw unavailable();
    }

    static VisibleSignature copy(VisibleOptions.CopyKind kind, String agency) {
        throw unavailable();
    }

    // Until signing-core's appearance records land, a visible signature cannot be asked for.
    private static CliFailure unavailable() {
        return new CliFailure(ExitCodes.ERROR, "visible.unavailable");
    }
}
