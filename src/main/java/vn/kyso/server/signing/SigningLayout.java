package vn.kyso.server.signing;

import java.time.LocalDate;
import java.util.Locale;

import vn.kyso.server.signing.SigningRefusedException.Reason;
import vn.kyso.signing.VisibleSignature;
import vn.kyso.signing.VisibleSignature.Placement;

/**
 * The layout fields of a signing request, as the API and the console send them; every field may
 * be absent. Rectangles are in millimetres from the bottom-left corner of the page as displayed.
 *
 * @param image          the handwritten-signature PNG (else the account's stored one)
 * @param page           page of the rectangle (from 1)
 * @param anchor         text next to which the image goes (instead of a rectangle)
 * @param anchorPage     page to search for the anchor (0 or absent: every page)
 * @param anchorLine     NAME (image above the text) or TITLE (image below it)
 * @param withSignerText also write the signer's name and the time under the image
 * @param documentNumber issue and appendix: the number and symbol, e.g. 125/QĐ-UBND
 * @param documentDate   issue: the document's date (default: today)
 * @param copyKind       copy: SAO_Y, SAO_LUC or TRICH_SAO
 * @param copyingAgency  copy: the agency making the copy (default: the certificate's name)
 * @param sealImage      issue: the seal PNG (else the one the admin stored for the certificate)
 * @param sealDiameterMm issue: the seal's real diameter
 */
public record SigningLayout(byte[] image, Integer page, Double x, Double y, Double width, Double height,
        String anchor, Integer anchorPage, String anchorLine, boolean withSignerText,
        String documentNumber, LocalDate documentDate, String copyKind, String copyingAgency,
        byte[] sealImage, Double sealDiameterMm) {

    /** No layout: an invisible signature. */
    public static final SigningLayout NONE = new SigningLayout(null, null, null, null, null, null, null, null, null,
            false, null, null, null, null, null, null);

    /** Whether the request places a personal signature on a page. */
    boolean placesSignature() {
        return page != null || x != null || y != null || hasText(anchor);
    }

    /** The personal signature for step SIGN, or null for an invisible one. */
    VisibleSignature personal(byte[] storedImage) {
        if (!placesSignature()) {
            return null;
        }
        byte[] png = image != null && image.length > 0 ? image : storedImage;
        if (png == null) {
            throw new SigningRefusedException(Reason.NO_SIGNATURE_IMAGE, "no signature image");
        }
        return new VisibleSignature.PersonalSignature(png, placement(), withSignerText);
    }

    /**
     * The agency seal over the last signature (or at the rectangle's centre) for step ISSUE,
     * writing {@code numbering} into the blanks of the seal's page.
     */
    VisibleSignature seal(SigningStore.Seal stored, VisibleSignature.Numbering numbering) {
        byte[] png = sealImage != null && sealImage.length > 0 ? sealImage : stored == null ? null : stored.image();
        if (png == null) {
            throw new SigningRefusedException(Reason.NO_SEAL_IMAGE, "no seal image");
        }
        double diameter = sealDiameterMm != null ? sealDiameterMm
                : stored != null ? stored.diameterMm() : VisibleSignature.AgencySeal.DEFAULT_DIAMETER_MM;
        Placement placement = x != null || y != null ? area() : new Placement.OverSignature(page == null ? 0 : page);
        return new VisibleSignature.AgencySeal(png, diameter, placement, numbering);
    }

    VisibleSignature appendix() {
        return new VisibleSignature.AppendixStamp(required(documentNumber, "documentNumber"));
    }

    VisibleSignature copy(String defaultAgency) {
        VisibleSignature.CopyKind kind;
        try {
            kind = VisibleSignature.CopyKind.valueOf(required(copyKind, "copyKind").strip().toUpperCase(Locale.ROOT)
                    .replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new SigningRefusedException(Reason.INVALID_FIELD, "unknown copy kind", "copyKind");
        }
        return new VisibleSignature.CopyStamp(kind, hasText(copyingAgency) ? copyingAgency : defaultAgency);
    }

    private Placement placement() {
        if (hasText(anchor)) {
            Placement.AnchorLine line;
            try {
                line = hasText(anchorLine) ? Placement.AnchorLine.valueOf(anchorLine.strip().toUpperCase(Locale.ROOT))
                        : Placement.AnchorLine.NAME;
            } catch (IllegalArgumentException e) {
                throw new SigningRefusedException(Reason.INVALID_FIELD, "unknown anchor line", "anchorLine");
            }
            return new Placement.Anchor(anchor, anchorPage == null ? Placement.ANY_PAGE : anchorPage, line);
        }
        return area();
    }

    private Placement.Area area() {
        if (page == null || x == null || y == null) {
            throw new SigningRefusedException(Reason.INVALID_FIELD, "page, x and y are needed together", "page, x, y");
        }
        return Placement.Area.ofMillimetres(page, x, y, width == null ? 40 : width, height == null ? 20 : height);
    }

    private static String required(String value, String name) {
        if (!hasText(value)) {
            throw new SigningRefusedException(Reason.INVALID_FIELD, name + " is required", name);
        }
        return value;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
