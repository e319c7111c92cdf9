package vn.kyso.server.extension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.RevocationSource;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.SigningException;

/**
 * Long-term extension as the CLI ({@code kyso extend}) and the API share it. For B-LTA, a document
 * whose signatures have no timestamp yet (B-B) gets two rounds: the first document timestamp
 * stands as their B-T, the validation data written next then covers its TSA too, and the second
 * timestamp is the archive timestamp: EU DSS judges one round only B-T. A document already
 * timestamped gets one round (on a B-LTA document: the renewal of its archive timestamp).
 */
public final class LongTermExtension {

    private LongTermExtension() {
    }

    public static void extend(PdfSigner signer, Path in, Path out, PadesLevel target) {
        if (target != PadesLevel.B_LTA || timestamped(in)) {
            signer.extend(in, out, target);
            return;
        }
        Path stage = null;
        try {
            stage = Files.createTempFile(out.toAbsolutePath().getParent(), ".kyso-", ".pdf.stage");
            signer.extend(in, stage, PadesLevel.B_LTA);
            signer.extend(stage, out, PadesLevel.B_LTA);
        } catch (IOException e) {
            throw new SigningException(SigningException.ErrorCode.IO_ERROR, "cannot write beside " + out, e);
        } finally {
            if (stage != null) {
                try {
                    Files.deleteIfExists(stage);
                } catch (IOException ignored) {
                    // a stage file beside the output; the next run overwrites nothing of it
                }
            }
        }
    }

    /** Whether every signature has a timestamp (its own, or a document timestamp after it). */
    static boolean timestamped(Path pdf) {
        var signatures = PdfVerifier.builder().revocationSource(RevocationSource.none()).build().verify(pdf)
                .signatures();
        return !signatures.isEmpty() && signatures.stream().map(SignatureReport::level)
                .allMatch(l -> l != null && l.atLeast(PadesLevel.B_T));
    }
}
