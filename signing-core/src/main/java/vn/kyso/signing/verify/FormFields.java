package vn.kyso.signing.verify;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;

/**
 * How form fields and widgets are read for the change analysis: field type and value are
 * inherited through /Parent (ISO 32000-1, 12.7.3.1), a widget may be merged with its field.
 */
final class FormFields {

    private FormFields() {
    }

    static COSBase fieldValue(COSDictionary field) {
        COSDictionary d = field;
        for (int i = 0; d != null && i < 32; i++) {
            if (d.containsKey(COSName.V)) {
                return d.getItem(COSName.V);
            }
            if (d.containsKey(COSName.FT)) {
                return null;
            }
            d = SignatureFinder.dict(d.getItem(COSName.PARENT));
        }
        return null;
    }

    static boolean isSignatureField(COSDictionary field) {
        COSDictionary d = field;
        for (int i = 0; d != null && i < 32; i++) {
            COSName ft = d.getCOSName(COSName.FT);
            if (ft != null) {
                return COSName.SIG.equals(ft);
            }
            d = SignatureFinder.dict(d.getItem(COSName.PARENT));
        }
        return false;
    }

    static boolean isDocumentTimestamp(COSDictionary field) {
        COSDictionary v = SignatureFinder.dict(field.getItem(COSName.V));
        return v != null && (COSName.DOC_TIME_STAMP.equals(v.getCOSName(COSName.TYPE))
                || SignatureCandidate.DOC_TIMESTAMP.equals(v.getNameAsString(COSName.SUB_FILTER)));
    }

    /** The field's fully qualified name (partial names joined by dots through /Parent), null when it has none. */
    static String qualifiedName(COSDictionary field) {
        StringBuilder name = null;
        COSDictionary d = field;
        for (int i = 0; d != null && i < 32; i++) {
            String t = d.getString(COSName.T);
            if (t != null) {
                name = name == null ? new StringBuilder(t) : name.insert(0, t + ".");
            }
            d = SignatureFinder.dict(d.getItem(COSName.PARENT));
        }
        return name == null ? null : name.toString();
    }

    /** Whether {@code value} is a signature dictionary a verifier can check: /ByteRange and /Contents present. */
    static boolean isSignatureDictionary(COSBase value) {
        return resolve(value) instanceof COSDictionary d && d.getDictionaryObject(COSName.BYTERANGE) instanceof COSArray
                && d.getDictionaryObject(COSName.CONTENTS) instanceof org.apache.pdfbox.cos.COSString;
    }

    /** Whether a widget draws something: a normal appearance, a non-empty /Rect, and neither Hidden nor NoView. */
    static boolean draws(COSDictionary widget) {
        COSDictionary ap = SignatureFinder.dict(widget.getItem(COSName.AP));
        if (ap == null || resolve(ap.getItem(COSName.N)) == null || (widget.getInt(COSName.F, 0) & (2 | 32)) != 0) {
            return false;
        }
        if (!(widget.getDictionaryObject(COSName.RECT) instanceof COSArray rect) || rect.size() != 4) {
            return true;
        }
        float[] r = rect.toFloatArray();
        return Math.abs(r[2] - r[0]) > 0 && Math.abs(r[3] - r[1]) > 0;
    }

    static String fieldName(COSBase field) {
        COSDictionary d = SignatureFinder.dict(field);
        String t = d == null ? null : qualifiedName(d);
        return t == null ? "(unnamed)" : "'" + t + "'";
    }

    static String subtype(COSBase annot) {
        COSDictionary d = SignatureFinder.dict(annot);
        COSName st = d == null ? null : d.getCOSName(COSName.SUBTYPE);
        return st == null ? "unknown type" : st.getName();
    }

    static COSBase resolve(COSBase b) {
        COSBase r = b instanceof COSObject o ? o.getObject() : b;
        return r instanceof COSNull ? null : r;
    }
}
