package vn.kyso.signing.appearance;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

import vn.kyso.signing.SigningException;
import vn.kyso.signing.VisibleSignature;

/** Lays out visible signatures (Decree 30/2020) for PDFBox. Placeholder until the layouts land. */
public final class SignatureAppearances {

    private SignatureAppearances() {
    }

    /**
     * Lays out {@code spec} on {@code document} and returns PDFBox signature options carrying
     * the visual template and the target page. The caller passes them to
     * {@code PDDocument.addSignature} and closes them after saving.
     */
    public static SignatureOptions layOut(PDDocument document, VisibleSignature spec, AppearanceContext context) {
        throw new SigningException(SigningException.ErrorCode.INVALID_REQUEST, "visible signatures are not available yet");
    }
}
