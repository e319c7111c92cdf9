package vn.kyso.signing.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

import vn.kyso.signing.ChangeKind;

/**
 * Compares objects of the signed revision with the final document's by content, not by number
 * (an object number pointed at new content shows up where the object is used), and applies the
 * rules for pages, annotations and form fields as it meets them: what may differ in a field is
 * its value and the appearance of that value; a new widget or field must be a signature's or an
 * empty signature field's; everything else that differs is a finding of its own kind.
 */
final class ObjectGraph {

    /** Annotation flags a next signer may add: Locked (8) and LockedContents (10). */
    private static final int LOCK_FLAGS = 128 | 512;
    /** Field flag a next signer may add: ReadOnly (1). */
    private static final int READ_ONLY = 1;
    private static final int MAX_DEPTH = 400;

    private final Findings findings;
    private final Map<COSObjectKey, Long> signedOffsets;
    private final Map<COSObjectKey, Long> currentOffsets;
    private final Map<Pair, Boolean> done = new HashMap<>();
    private final Map<COSDictionary, Integer> pageNumbers = new IdentityHashMap<>();
    private int budget = 1_000_000;
    private int depth;

    ObjectGraph(Findings findings, PDDocument signed, PDDocument current) {
        this.findings = findings;
        this.signedOffsets = signed.getDocument().getXrefTable();
        this.currentOffsets = current.getDocument().getXrefTable();
        int n = 1;
        for (var page : current.getPages()) {
            pageNumbers.put(page.getCOSObject(), n++);
        }
    }

    Findings findings() {
        return findings;
    }

    /** Whether {@code a} (signed) and {@code b} (final) have the same content, recording rule findings on the way. */
    boolean same(COSBase a, COSBase b) throws IOException {
        COSBase s = FormFields.resolve(a);
        COSBase f = FormFields.resolve(b);
        if (s == null || f == null) {
            return s == null && f == null;
        }
        if (--budget < 0 || depth > MAX_DEPTH) {
            throw new TooComplex();
        }
        if (s instanceof COSDictionary sd && f instanceof COSDictionary fd) {
            Pair pair = new Pair(sd, fd);
            Boolean known = done.get(pair);
            if (known != null) {
                return known;
            }
            done.put(pair, Boolean.TRUE); // assume equal while inside (cycles)
            depth++;
            try {
                boolean result = dictionary(sd, fd);
                done.put(pair, result);
                return result;
            } finally {
                depth--;
            }
        }
        if (s instanceof COSArray sa && f instanceof COSArray fa) {
            if (sa.size() != fa.size()) {
                return false;
            }
            depth++;
            try {
                for (int i = 0; i < sa.size(); i++) {
                    if (!same(sa.get(i), fa.get(i))) {
                        return false;
                    }
                }
                return true;
            } finally {
                depth--;
            }
        }
        if (s instanceof COSNumber sn && f instanceof COSNumber fn) {
            return sameNumber(sn, fn);
        }
        if (s instanceof COSString ss && f instanceof COSString fs) {
            return Arrays.equals(ss.getBytes(), fs.getBytes());
        }
        return s.equals(f);
    }

    /** Numbers compared exactly as written: 16777217 and 16777216 are the same float, not the same number. */
    static boolean sameNumber(COSNumber s, COSNumber f) throws IOException {
        if (s instanceof COSInteger si && f instanceof COSInteger fi) {
            return si.longValue() == fi.longValue();
        }
        try {
            return decimal(s).compareTo(decimal(f)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static BigDecimal decimal(COSNumber n) throws IOException {
        if (!(n instanceof org.apache.pdfbox.cos.COSFloat real)) {
            return BigDecimal.valueOf(n.longValue());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        real.writePDF(out);
        return new BigDecimal(out.toString(StandardCharsets.US_ASCII));
    }

    private boolean dictionary(COSDictionary s, COSDictionary f) throws IOException {
        boolean page = COSName.PAGE.equals(s.getCOSName(COSName.TYPE));
        boolean pages = COSName.PAGES.equals(s.getCOSName(COSName.TYPE));
        boolean annot = s.getCOSName(COSName.SUBTYPE) != null && s.containsKey(COSName.RECT);
        boolean field = s.containsKey(COSName.FT) || s.containsKey(COSName.T)
                || COSName.WIDGET.equals(s.getCOSName(COSName.SUBTYPE));
        Integer pageNumber = page ? pageNumbers.get(f) : null;
        if (field) {
            fieldValueAndAppearance(s, f);
        }
        boolean result = true;
        for (COSName key : keys(s, f)) {
            COSBase sv = s.getItem(key);
            COSBase fv = f.getItem(key);
            boolean backPointer = key.equals(COSName.PARENT) && (page || pages || field) || key.equals(COSName.P) && annot;
            if (backPointer) {
                // the tree is walked from its root; a back pointer only has to point at the same object
                result &= sameReference(sv, fv);
            } else if (page && key.equals(COSName.ANNOTS)) {
                result &= new Annotations(this).compare(sv, fv, pageNumber);
            } else if (field && (key.equals(COSName.V) || key.equals(COSName.AP) || key.equals(COSName.AS))) {
                continue; // judged by fieldValueAndAppearance
            } else if (field && key.equals(COSName.KIDS) && s.containsKey(COSName.T)) {
                result &= new FormFieldRules(this).kids(s, FormFields.resolve(sv), FormFields.resolve(fv));
            } else if ((annot || field) && (key.equals(COSName.F) || key.equals(COSName.FF)) && onlyLocked(key, sv, fv)) {
                findings.add(ChangeKind.FIELD_LOCKED, pageOf(f), FormFields.qualifiedName(f),
                        "the field " + FormFields.fieldName(f) + " was locked by a later signer");
            } else if (!same(sv, fv)) {
                if (page) {
                    findings.add(ChangeKind.PAGE_CHANGED, pageNumber, key.getName(),
                            "page " + pageNumber + ": /" + key.getName() + " was changed after signing");
                }
                result = false;
            }
        }
        if (s instanceof COSStream ss && f instanceof COSStream fs && !sameOrigin(ss, fs) && !sameData(ss, fs)) {
            result = false;
        }
        return result;
    }

    private void fieldValueAndAppearance(COSDictionary s, COSDictionary f) throws IOException {
        boolean apChanged = !same(s.getItem(COSName.AP), f.getItem(COSName.AP));
        boolean asChanged = !same(s.getItem(COSName.AS), f.getItem(COSName.AS));
        boolean ownValueChanged = !same(s.getItem(COSName.V), f.getItem(COSName.V));
        if (apChanged || asChanged || ownValueChanged) {
            new FormFieldRules(this).changed(s, f, apChanged || asChanged, ownValueChanged);
        }
    }

    private static boolean onlyLocked(COSName key, COSBase sv, COSBase fv) {
        int allowed = key.equals(COSName.F) ? LOCK_FLAGS : READ_ONLY;
        COSBase s = FormFields.resolve(sv);
        COSBase f = FormFields.resolve(fv);
        long before = s == null ? 0 : s instanceof COSInteger i ? i.longValue() : -1;
        long after = f instanceof COSInteger i ? i.longValue() : -1;
        return before >= 0 && after >= 0 && before != after && (after & before) == before
                && ((after & ~before) & ~allowed) == 0;
    }

    /** The page a widget or annotation sits on in the final document, by its /P, null when unknown. */
    Integer pageOf(COSDictionary annotation) {
        COSDictionary page = SignatureFinder.dict(annotation.getItem(COSName.P));
        return page == null ? null : pageNumbers.get(page);
    }

    Integer pageNumber(COSDictionary page) {
        return pageNumbers.get(page);
    }

    boolean sameReference(COSBase s, COSBase f) throws IOException {
        if (s instanceof COSObject so && f instanceof COSObject fo) {
            return so.getKey() != null && so.getKey().equals(fo.getKey());
        }
        return s instanceof COSObject == f instanceof COSObject && same(s, f);
    }

    /** Whether the object {@code item} refers to existed (by number) in the signed revision. */
    boolean existedBefore(COSBase item) {
        return item instanceof COSObject o && o.getKey() != null && signedOffsets.containsKey(o.getKey());
    }

    boolean existedBefore(COSObjectKey key) {
        return key != null && signedOffsets.containsKey(key);
    }

    /**
     * Whether both objects were read from the same offset of the file. The signed revision is a
     * prefix of the file, so such an object's own bytes (a stream's data included) are identical;
     * what it references is still compared.
     */
    private boolean sameOrigin(COSStream s, COSStream f) {
        COSObjectKey sk = s.getKey();
        COSObjectKey fk = f.getKey();
        if (sk == null || !sk.equals(fk)) {
            return false;
        }
        Long so = signedOffsets.get(sk);
        Long fo = currentOffsets.get(fk);
        return so != null && so > 0 && so.equals(fo);
    }

    private static boolean sameData(COSStream s, COSStream f) throws IOException {
        try (InputStream a = s.createRawInputStream(); InputStream b = f.createRawInputStream()) {
            return Arrays.equals(a.readAllBytes(), b.readAllBytes());
        }
    }

    static Set<COSName> keys(COSDictionary s, COSDictionary f) {
        Set<COSName> keys = new LinkedHashSet<>(s.keySet());
        keys.addAll(f.keySet());
        return keys;
    }

    /** Two dictionaries compared by identity (each document parses its own objects). */
    private record Pair(COSDictionary signed, COSDictionary current) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Pair p && p.signed == signed && p.current == current;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(signed) * 31 + System.identityHashCode(current);
        }
    }

    /** The comparison went past its budget of objects or depth. */
    static final class TooComplex extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooComplex() {
            super(null, null, false, false);
        }
    }
}
