package vn.kyso.signing.appearance;

/**
 * Where one part of a visible signature will land on the page, for a preview before signing:
 * points in the page as displayed (origin bottom-left of the crop box, after /Rotate).
 *
 * @param part what is drawn there
 * @param text the words written, for {@link Part#TEXT}; null otherwise
 * @param page 1-based
 */
public record Landing(Part part, String text, int page, double x, double y, double width, double height) {

    /** The parts a visible signature draws. */
    public enum Part {
        /** The handwritten-signature image (and signer text under it, when asked for). */
        SIGNATURE,
        /** The agency seal image at its real size. */
        SEAL,
        /** Words the clerk writes into the page's blanks (document number, date). */
        TEXT,
        /** The text-only stamp of an appendix or a copy. */
        STAMP
    }
}
