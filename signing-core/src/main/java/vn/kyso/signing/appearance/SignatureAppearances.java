package vn.kyso.signing.appearance;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

import vn.kyso.signing.SigningException;
import vn.kyso.signing.VisibleSignature;

/**
 * Lays out visible signatures as Decree 30/2020 (Appendix I) requires, for PDFBox: the personal
 * signature image between title and name, the agency seal at real size over it, and the
 * text-only agency signature at the top right of an appendix or a copy. Thread-safe.
 */
public final class SignatureAppearances {

    private SignatureAppearances() {
    }

    /**
     * Lays out {@code spec} on {@code document} and returns PDFBox signature options carrying
     * the visual template and the target page. The caller passes them to
     * {@code PDDocument.addSignature} and closes them after saving.
     *
     * @throws SigningException INVALID_REQUEST for a page that does not exist, a box off the
     *                          page, an anchor text not found, an unreadable image or a
     *                          character the font cannot show; IO_ERROR otherwise
     */
    /**
     * Where {@code spec} would land on {@code document}, part by part, without signing: what the
     * console previews before the PIN is asked. Fails as {@link #layOut} does.
     */
    public static List<Landing> locate(PDDocument document, VisibleSignature spec, AppearanceContext context) {
        try (SignatureOptions options = layOut(document, spec, context)) {
            return ((AppearanceTemplate.LaidOut) options).parts();
        } catch (IOException e) {
            throw new SigningException(SigningException.ErrorCode.IO_ERROR, "cannot close the layout", e);
        }
    }

    public static SignatureOptions layOut(PDDocument document, VisibleSignature spec, AppearanceContext context) {
        if (document == null || spec == null || context == null) {
            throw new SigningException(SigningException.ErrorCode.INVALID_REQUEST,
                    "document, visible signature and context are required");
        }
        try {
            if (spec instanceof VisibleSignature.PersonalSignature personal) {
                return PersonalAppearance.layOut(document, personal, context);
            }
            if (spec instanceof VisibleSignature.AgencySeal seal) {
                return SealAppearance.layOut(document, seal);
            }
            return StampAppearance.layOut(document, spec, context);
        } catch (IOException e) {
            throw new SigningException(SigningException.ErrorCode.IO_ERROR,
                    "cannot lay out the visible signature: " + e.getMessage(), e);
        }
    }
}
