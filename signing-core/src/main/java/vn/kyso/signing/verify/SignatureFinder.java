package vn.kyso.signing.verify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

/**
 * Finds signature dictionaries: the values of the signature fields reachable from
 * /AcroForm /Fields (as viewers do), and, by a raw scan of the bytes, /ByteRange arrays of
 * signatures that a later revision no longer references (a removed signature must be reported,
 * not silently forgotten).
 */
final class SignatureFinder {

    private static final int MAX_DEPTH = 32;
    private static final byte[] BYTE_RANGE = "/ByteRange".getBytes(StandardCharsets.US_ASCII);

    private SignatureFinder() {
    }

    /** The signatures referenced by the document's form, in form order. */
    static List<SignatureCandidate> find(PDDocument document) {
        List<SignatureCandidate> found = new ArrayList<>();
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        COSDictionary acroForm = dict(catalog.getDictionaryObject(COSName.ACRO_FORM));
        if (acroForm == null) {
            return found;
        }
        COSBase fields = acroForm.getDictionaryObject(COSName.FIELDS);
        if (fields instanceof COSArray array) {
            Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int i = 0; i < array.size(); i++) {
                walk(array.get(i), null, null, 0, seen, found);
            }
        }
        return found;
    }

    private static void walk(COSBase item, String parentName, String inheritedType, int depth, Set<COSBase> seen,
            List<SignatureCandidate> found) {
        COSDictionary field = dict(item);
        if (field == null || depth > MAX_DEPTH || !seen.add(field)) {
            return;
        }
        String partial = field.getString(COSName.T);
        String name = partial == null ? parentName : parentName == null ? partial : parentName + "." + partial;
        COSName ft = field.getCOSName(COSName.FT);
        String type = ft != null ? ft.getName() : inheritedType;
        if ("Sig".equals(type)) {
            COSBase value = field.getItem(COSName.V);
            COSDictionary signature = dict(value);
            if (signature != null) {
                COSObjectKey key = value instanceof COSObject o ? o.getKey() : item instanceof COSObject o ? o.getKey() : null;
                found.add(candidate(name == null ? "(unnamed)" : name, signature, key));
            }
        }
        COSBase kids = field.getDictionaryObject(COSName.KIDS);
        if (kids instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                walk(array.get(i), name, type, depth + 1, seen, found);
            }
        }
    }

    /**
     * {@code found} with every signature that an earlier field already holds (the same
     * dictionary, or the same range and value copied into another) marked as shared: one
     * signature must not count as two.
     */
    static List<SignatureCandidate> markShared(List<SignatureCandidate> found) {
        List<SignatureCandidate> marked = new ArrayList<>();
        for (SignatureCandidate c : found) {
            SignatureCandidate first = marked.stream()
                    .filter(m -> m.dictionary() == c.dictionary() || c.contents() != null && m.sameSignatureAs(c))
                    .findFirst().orElse(null);
            marked.add(first == null ? c : c.markSharedWith(first.field()));
        }
        return marked;
    }

    static SignatureCandidate candidate(String field, COSDictionary signature, COSObjectKey key) {
        long[] range = null;
        String rangeProblem = null;
        COSBase br = signature.getDictionaryObject(COSName.BYTERANGE);
        if (br == null) {
            rangeProblem = "the signature has no /ByteRange";
        } else if (!(br instanceof COSArray array) || array.size() != 4) {
            rangeProblem = "/ByteRange is not an array of four integers";
        } else {
            range = new long[4];
            for (int i = 0; i < 4; i++) {
                COSBase n = array.getObject(i);
                if (!(n instanceof org.apache.pdfbox.cos.COSInteger integer) || integer.longValue() < 0
                        || integer.longValue() > Integer.MAX_VALUE) {
                    rangeProblem = "/ByteRange is not an array of four non-negative integers";
                    range = null;
                    break;
                }
                range[i] = ((COSNumber) n).longValue();
            }
        }
        COSBase contents = signature.getDictionaryObject(COSName.CONTENTS);
        byte[] value = contents instanceof COSString s ? s.getBytes() : null;
        COSName subFilter = signature.getCOSName(COSName.SUB_FILTER);
        return new SignatureCandidate(field, signature, key, range, rangeProblem, value,
                subFilter == null ? null : subFilter.getName(), claimedTime(signature), false, null);
    }

    private static Instant claimedTime(COSDictionary signature) {
        try {
            Calendar date = new PDSignature(signature).getSignDate();
            return date == null ? null : date.toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Every well-formed /ByteRange array written anywhere in the file, as the offsets they end at. */
    static List<long[]> scanByteRanges(byte[] bytes) {
        List<long[]> ranges = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = PdfFile.indexOf(bytes, BYTE_RANGE, from, bytes.length);
            if (at < 0) {
                return ranges;
            }
            from = at + BYTE_RANGE.length;
            int i = skipSpace(bytes, from);
            if (i >= bytes.length || bytes[i] != '[') {
                continue;
            }
            long[] range = new long[4];
            boolean ok = true;
            i++;
            for (int n = 0; n < 4 && ok; n++) {
                i = skipSpace(bytes, i);
                int start = i;
                long v = 0;
                while (i < bytes.length && bytes[i] >= '0' && bytes[i] <= '9' && i - start < 10) {
                    v = v * 10 + (bytes[i] - '0');
                    i++;
                }
                ok = i > start;
                range[n] = v;
            }
            i = skipSpace(bytes, i);
            if (ok && i < bytes.length && bytes[i] == ']') {
                ranges.add(range);
            }
        }
    }

    private static int skipSpace(byte[] bytes, int i) {
        while (i < bytes.length && PdfFile.isWhiteSpace(bytes[i])) {
            i++;
        }
        return i;
    }

    static COSDictionary dict(COSBase base) {
        COSBase b = base instanceof COSObject o ? o.getObject() : base;
        return b instanceof COSDictionary d ? d : null;
    }
}
