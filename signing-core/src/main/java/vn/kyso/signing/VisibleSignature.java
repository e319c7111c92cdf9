package vn.kyso.signing;

import java.util.Arrays;
import java.util.Objects;

/**
 * How a signature looks on the page, as Decree 30/2020 (Appendix I) lays it out. Lay one out with
 * {@code vn.kyso.signing.appearance.SignatureAppearances.layOut}; an invisible signature needs
 * none of this.
 *
 * <p>Coordinates are PDF points (1/72 inch) in the page as a reader shows it: origin at the
 * bottom-left corner of the crop box, after the page's /Rotate. Pages are numbered from 1.
 * Invalid values throw {@link SigningException} with {@code INVALID_REQUEST}.
 */
public sealed interface VisibleSignature {

    /** PDF points per millimetre. */
    double POINTS_PER_MM = 72 / 25.4;

    /**
     * Box 7c: the signer's handwritten-signature image, centred between the position title and
     * the full name.
     *
     * @param image          PNG bytes, transparent background (transparent margins are trimmed)
     * @param placement      an {@link Placement.Area} or an {@link Placement.Anchor}
     * @param withSignerText also write "Ký bởi: name", the organization and the time under the
     *                       image, for documents that print no name (off by default)
     */
    record PersonalSignature(byte[] image, Placement placement, boolean withSignerText) implements VisibleSignature {
        public PersonalSignature {
            image = png(image, "image");
            require(placement, "placement");
            if (placement instanceof Placement.OverSignature) {
                throw invalid("a personal signature is placed by area or anchor text, not over another signature");
            }
        }

        /** The image placed as given, with no signer text. */
        public PersonalSignature(byte[] image, Placement placement) {
            this(image, placement, false);
        }

        @Override
        public byte[] image() {
            return image.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PersonalSignature p && Arrays.equals(image, p.image)
                    && placement.equals(p.placement) && withSignerText == p.withSignerText;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(image), placement, withSignerText);
        }

        @Override
        public String toString() {
            return "PersonalSignature[image=" + image.length + " bytes, placement=" + placement
                    + ", withSignerText=" + withSignerText + "]";
        }
    }

    /**
     * Box 8: the agency's seal image at the seal's real size, covering about the left third of
     * the personal signature image.
     *
     * @param sealImage  PNG bytes, transparent background; its visible part (transparent margins
     *                   trimmed) is drawn {@code diameterMm} wide
     * @param diameterMm the seal's real diameter (a round seal is commonly 36-40 mm)
     * @param placement  {@link Placement.OverSignature} (usual) or an {@link Placement.Area} whose
     *                   centre becomes the seal's centre (the area's size does not scale the seal)
     * @param numbering  the document number and date to write on the seal's page, or null
     */
    record AgencySeal(byte[] sealImage, double diameterMm, Placement placement, Numbering numbering)
            implements VisibleSignature {
        /** The diameter used when none is given. */
        public static final double DEFAULT_DIAMETER_MM = 38;

        public AgencySeal {
            sealImage = png(sealImage, "sealImage");
            require(placement, "placement");
            if (!(diameterMm >= 10 && diameterMm <= 100)) {
                throw invalid("the seal diameter must be between 10 and 100 mm, was " + diameterMm);
            }
            if (placement instanceof Placement.Anchor) {
                throw invalid("a seal is placed over the personal signature or at an area, not at anchor text");
            }
        }

        /** A seal that writes no document number nor date. */
        public AgencySeal(byte[] sealImage, double diameterMm, Placement placement) {
            this(sealImage, diameterMm, placement, null);
        }

        /** A 38 mm seal over the last visible signature on {@code page} (1-based). */
        public AgencySeal(byte[] sealImage, int page) {
            this(sealImage, DEFAULT_DIAMETER_MM, new Placement.OverSignature(page));
        }

        @Override
        public byte[] sealImage() {
            return sealImage.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AgencySeal s && Arrays.equals(sealImage, s.sealImage)
                    && Double.compare(diameterMm, s.diameterMm) == 0 && placement.equals(s.placement)
                    && Objects.equals(numbering, s.numbering);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(sealImage), diameterMm, placement, numbering);
        }

        @Override
        public String toString() {
            return "AgencySeal[sealImage=" + sealImage.length + " bytes, diameterMm=" + diameterMm
                    + ", placement=" + placement + ", numbering=" + numbering + "]";
        }
    }

    /**
     * What the clerk writes when issuing (Decree 30/2020, Appendix I, boxes 4 and 5): the number
     * into the blank after "Số:" and the date into the place-and-date line ("Cà Mau, ngày ...
     * tháng ... năm ..."), on the page the seal goes on. Blanks that are already filled, and
     * lines the page does not print, are left as they are.
     *
     * @param documentNumber the number and symbol, e.g. "125/QĐ-UBND" (only the part before the
     *                       first "/" is written when the page prints the symbol already)
     * @param date           the issue date
     */
    record Numbering(String documentNumber, java.time.LocalDate date) {
        public Numbering {
            documentNumber = text(documentNumber, "documentNumber");
            require(date, "date");
        }
    }

    /**
     * The agency's text-only signature on a separate appendix file, at the top right of page 1:
     * "Số: {documentNumber}" and the signing time (ISO 8601, Vietnam time, e.g.
     * 2026-03-05T14:30:00+07:00) in Times New Roman's metric twin, regular, 10 pt, black.
     *
     * @param documentNumber the number and symbol without "Số:", e.g. "125/QĐ-UBND"
     */
    record AppendixStamp(String documentNumber) implements VisibleSignature {
        public AppendixStamp {
            documentNumber = text(documentNumber, "documentNumber");
        }
    }

    /**
     * The agency's text-only signature on a copy, at the top right of page 1: the copy kind, the
     * copying agency and the signing time, as for {@link AppendixStamp}.
     *
     * @param kind          SAO Y, SAO LỤC or TRÍCH SAO
     * @param copyingAgency the name of the agency making the copy
     */
    record CopyStamp(CopyKind kind, String copyingAgency) implements VisibleSignature {
        public CopyStamp {
            require(kind, "kind");
            copyingAgency = text(copyingAgency, "copyingAgency");
        }
    }

    /** The forms of copy (Decree 30/2020, Art. 25). */
    enum CopyKind {
        SAO_Y("SAO Y"), SAO_LUC("SAO LỤC"), TRICH_SAO("TRÍCH SAO");

        private final String label;

        CopyKind(String label) {
            this.label = label;
        }

        /** The words printed on the copy, in Vietnamese capitals. */
        public String label() {
            return label;
        }
    }

    /** Where a personal signature or a seal goes. */
    sealed interface Placement {

        /** Page number meaning "search every page, the last match wins". */
        int ANY_PAGE = 0;

        /** An explicit rectangle on a page, in points (origin bottom-left, as displayed). */
        record Area(int page, double x, double y, double width, double height) implements Placement {
            public Area {
                if (page < 1) {
                    throw invalid("page numbers start at 1, was " + page);
                }
                if (!Double.isFinite(x) || !Double.isFinite(y) || !(width > 0) || !(height > 0)
                        || !Double.isFinite(width) || !Double.isFinite(height)) {
                    throw invalid("the area needs finite coordinates and a positive width and height");
                }
            }

            /** The same rectangle given in millimetres. */
            public static Area ofMillimetres(int page, double x, double y, double width, double height) {
                return new Area(page, x * POINTS_PER_MM, y * POINTS_PER_MM, width * POINTS_PER_MM,
                        height * POINTS_PER_MM);
            }
        }

        /**
         * Next to a line of text found on the page: the image goes into the gap between the
         * position title and the full name. Matching ignores case, spaces and the Unicode
         * normalization form (NFC/NFD) of the Vietnamese diacritics.
         *
         * @param text the anchor text, e.g. "Nguyễn Văn A" or "CHỦ TỊCH"
         * @param page the page to search (1-based) or {@link #ANY_PAGE}
         * @param line whether the anchor is the name line (image above it) or the title line
         *             (image below it)
         */
        record Anchor(String text, int page, AnchorLine line) implements Placement {
            public Anchor {
                text = VisibleSignature.text(text, "anchor text");
                require(line, "line");
                if (page < ANY_PAGE) {
                    throw invalid("page numbers start at 1 (0 = any page), was " + page);
                }
            }

            /** The signer's name line, searched on every page (the last occurrence wins). */
            public Anchor(String nameLine) {
                this(nameLine, ANY_PAGE, AnchorLine.NAME);
            }
        }

        /** Which line of the signature block the anchor text is. */
        enum AnchorLine {
            /** The full name, under the gap: the image goes above it. */
            NAME,
            /** The position title, over the gap: the image goes below it. */
            TITLE
        }

        /**
         * Relative to the last visible signature widget on the page (the personal signature):
         * the seal covers the left third of it, vertically centred on it.
         *
         * @param page the page (1-based) or {@link #ANY_PAGE} for the last page that has one
         */
        record OverSignature(int page) implements Placement {
            public OverSignature {
                if (page < ANY_PAGE) {
                    throw invalid("page numbers start at 1 (0 = any page), was " + page);
                }
            }
        }
    }

    private static SigningException invalid(String message) {
        return new SigningException(SigningException.ErrorCode.INVALID_REQUEST, message);
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw invalid(name + " is required");
        }
    }

    private static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw invalid(name + " is required");
        }
        return value.strip();
    }

    private static byte[] png(byte[] bytes, String name) {
        require(bytes, name);
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (bytes.length < magic.length || !Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length)) {
            throw invalid(name + " must be a PNG image");
        }
        return bytes.clone();
    }
}
