package vn.kyso.signing.verify;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

import vn.kyso.signing.Modifications;

/**
 * Compares the object graph of a signed revision with the final document, walking both from
 * the catalog. Objects are compared by content, not by number, so an object number pointed at
 * new content by a later cross-reference section (hide-and-replace) shows up where the object is
 * used. What may change is an allow-list (see the package documentation): /DSS, /Extensions,
 * /Metadata, new signature fields and their widgets, and filling existing fields when DocMDP
 * allows it. Everything else that differs is reported.
 */
final class RevisionComparison {

    /** The verdict: ALLOWED or DISALLOWED, and why. */
    record Result(Modifications modifications, List<String> problems) {
    }

    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final COSName EXTENSIONS = COSName.getPDFName("Extensions");
    private static final COSName NEED_APPEARANCES = COSName.getPDFName("NeedAppearances");
    private static final int MAX_DEPTH = 400;

    private final boolean fillingAllowed;
    private final Map<COSObjectKey, Long> signedOffsets;
    private final Map<COSObjectKey, Long> currentOffsets;
    private final List<String> problems = new ArrayList<>();
    private final Map<Pair, Boolean> done = new HashMap<>();
    private final Map<COSDictionary, Integer> pageNumbers = new java.util.IdentityHashMap<>();
    private int budget = 1_000_000;
    private int depth;
    private int signingChanges;
    private int fillingChanges;

    private RevisionComparison(boolean fillingAllowed, PDDocument signed, PDDocument current) {
        this.fillingAllowed = fillingAllowed;
        this.signedOffsets = signed.getDocument().getXrefTable();
        this.currentOffsets = current.getDocument().getXrefTable();
    }

    /**
     * @param docMdp the DocMDP permission of a certification signature in the signed revision
     *               (1, 2 or 3), or 0 when there is none
     */
    static Result compare(PDDocument signed, PDDocument current, int docMdp) {
        RevisionComparison c = new RevisionComparison(docMdp != 1, signed, current);
        try {
            c.catalog(signed.getDocumentCatalog().getCOSObject(), current.getDocumentCatalog().getCOSObject());
            if (docMdp == 1 && (c.signingChanges > 0 || c.fillingChanges > 0)) {
                c.problems.add("the certification signature forbids any change (DocMDP P=1), yet signatures were added");
            }
        } catch (TooComplex e) {
            c.problems.add("the changes after signing are too complex to analyse");
        } catch (IOException | RuntimeException | StackOverflowError e) {
            c.problems.add("the changes after signing cannot be analysed: " + PdfFile.oneLine(e));
        }
        return new Result(c.problems.isEmpty() ? Modifications.ALLOWED : Modifications.DISALLOWED, List.copyOf(c.problems));
    }

    private void catalog(COSDictionary s, COSDictionary f) throws IOException {
        for (COSName key : keys(s, f)) {
            if (key.equals(DSS) || key.equals(EXTENSIONS)) {
                continue; // validation data: PAdES allows adding it at any time
            }
            COSBase sv = s.getItem(key);
            COSBase fv = f.getItem(key);
            int before = problems.size();
            if (key.equals(COSName.ACRO_FORM)) {
                acroForm(SignatureFinder.dict(sv), SignatureFinder.dict(fv));
            } else if (key.equals(COSName.METADATA) && FormFields.resolve(fv) instanceof COSStream) {
                continue; // XMP metadata is not rendered; signing tools update it
            } else if (!same(sv, fv) && problems.size() == before) {
                problems.add(key.equals(COSName.PAGES) ? "the page tree was changed after signing"
                        : "the document catalog's /" + key.getName() + " was changed after signing");
            }
        }
    }

    private void acroForm(COSDictionary s, COSDictionary f) throws IOException {
        if (f == null) {
            if (s != null) {
                problems.add("the form (/AcroForm) was removed after signing");
            }
            return;
        }
        COSDictionary signed = s == null ? new COSDictionary() : s;
        for (COSName key : keys(signed, f)) {
            COSBase sv = signed.getItem(key);
            COSBase fv = f.getItem(key);
            if (key.equals(COSName.FIELDS)) {
                fields(FormFields.resolve(sv), FormFields.resolve(fv));
            } else if (key.equals(COSName.SIG_FLAGS) || key.equals(COSName.DA) && sv == null) {
                continue;
            } else if (key.equals(COSName.DR)) {
                if (!extends_(SignatureFinder.dict(sv), SignatureFinder.dict(fv))) {
                    problems.add("the form's default resources (/DR) were changed after signing");
                }
            } else if (key.equals(NEED_APPEARANCES) && !(FormFields.resolve(fv) == COSBoolean.TRUE && FormFields.resolve(sv) != COSBoolean.TRUE)) {
                continue;
            } else if (!same(sv, fv)) {
                problems.add("the form's /" + key.getName() + " was changed after signing");
            }
        }
    }

    private void fields(COSBase sv, COSBase fv) throws IOException {
        COSArray s = sv instanceof COSArray a ? a : new COSArray();
        if (!(fv instanceof COSArray f)) {
            if (s.size() > 0) {
                problems.add("the form's fields were removed after signing");
            }
            return;
        }
        if (f.size() < s.size()) {
            problems.add("a form field was removed after signing");
        }
        for (int i = 0; i < Math.min(s.size(), f.size()); i++) {
            int before = problems.size();
            if (!same(s.get(i), f.get(i)) && problems.size() == before) {
                problems.add("form field " + FormFields.fieldName(f.get(i)) + " was changed after signing");
            }
        }
        for (int i = s.size(); i < f.size(); i++) {
            COSDictionary field = SignatureFinder.dict(f.get(i));
            if (field == null || !FormFields.isSignatureField(field)) {
                problems.add("a form field that is not a signature (" + FormFields.fieldName(f.get(i)) + ") was added after signing");
            } else if (!FormFields.isDocumentTimestamp(field)) {
                signingChanges++;
            }
        }
    }

    private boolean annots(COSBase sv, COSBase fv, int page) throws IOException {
        COSBase sr = FormFields.resolve(sv);
        COSBase fr = FormFields.resolve(fv);
        COSArray s = sr instanceof COSArray a ? a : new COSArray();
        if (fr != null && !(fr instanceof COSArray)) {
            problems.add("page " + page + ": the annotations were replaced after signing");
            return false;
        }
        COSArray f = fr == null ? new COSArray() : (COSArray) fr;
        boolean ok = true;
        if (f.size() < s.size()) {
            problems.add("page " + page + ": an annotation was removed after signing");
            ok = false;
        }
        for (int i = 0; i < Math.min(s.size(), f.size()); i++) {
            if (!same(s.get(i), f.get(i))) {
                problems.add("page " + page + ": annotation " + (i + 1) + " (" + FormFields.subtype(f.get(i)) + ") was changed after signing");
                ok = false;
            }
        }
        for (int i = s.size(); i < f.size(); i++) {
            COSDictionary annot = SignatureFinder.dict(f.get(i));
            if (annot == null || !COSName.WIDGET.equals(annot.getCOSName(COSName.SUBTYPE)) || !FormFields.isSignatureField(annot)) {
                problems.add("page " + page + ": an annotation (" + FormFields.subtype(f.get(i)) + ") was added after signing");
                ok = false;
            } else if (FormFields.resolve(FormFields.fieldValue(annot)) == null && annot.containsKey(COSName.AP)) {
                // an unsigned signature field that draws something is an overlay, not a signature
                problems.add("page " + page + ": an unsigned signature field with an appearance was added after signing");
                ok = false;
            }
        }
        return ok;
    }

    private boolean same(COSBase a, COSBase b) throws IOException {
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
            return Float.compare(sn.floatValue(), fn.floatValue()) == 0;
        }
        if (s instanceof COSString ss && f instanceof COSString fs) {
            return Arrays.equals(ss.getBytes(), fs.getBytes());
        }
        return s.equals(f);
    }

    private boolean dictionary(COSDictionary s, COSDictionary f) throws IOException {
        boolean page = COSName.PAGE.equals(s.getCOSName(COSName.TYPE));
        boolean pages = COSName.PAGES.equals(s.getCOSName(COSName.TYPE));
        boolean annot = s.getCOSName(COSName.SUBTYPE) != null && s.containsKey(COSName.RECT);
        boolean field = s.containsKey(COSName.FT) || s.containsKey(COSName.T)
                || COSName.WIDGET.equals(s.getCOSName(COSName.SUBTYPE));
        int pageNumber = page ? pageNumbers.computeIfAbsent(s, k -> pageNumbers.size() + 1) : 0;
        Set<COSName> changeable = field ? changeableFieldKeys(s, f) : Set.of();
        boolean result = true;
        for (COSName key : keys(s, f)) {
            COSBase sv = s.getItem(key);
            COSBase fv = f.getItem(key);
            boolean backPointer = key.equals(COSName.PARENT) && (page || pages || field) || key.equals(COSName.P) && annot;
            if (backPointer) {
                // the tree is walked from its root; a back pointer only has to point at the same object
                if (!sameReference(sv, fv)) {
                    result = false;
                }
            } else if (page && key.equals(COSName.ANNOTS)) {
                result &= annots(sv, fv, pageNumber);
            } else if (changeable.contains(key)) {
                continue;
            } else if (!same(sv, fv)) {
                if (page) {
                    problems.add("page " + pageNumber + ": /" + key.getName() + " was changed after signing");
                }
                result = false;
            }
        }
        if (s instanceof COSStream ss && f instanceof COSStream fs && !sameOrigin(ss, fs) && !sameData(ss, fs)) {
            result = false;
        }
        return result;
    }

    /** Keys of a field or widget that may differ: signing an empty signature field, or permitted form filling. */
    private Set<COSName> changeableFieldKeys(COSDictionary s, COSDictionary f) {
        boolean signature = FormFields.isSignatureField(s);
        if (signature && FormFields.resolve(FormFields.fieldValue(s)) == null) {
            if (FormFields.resolve(FormFields.fieldValue(f)) != null && s.containsKey(COSName.FT)) {
                signingChanges++;
            }
            return Set.of(COSName.V, COSName.AP, COSName.AS);
        }
        if (!signature && fillingAllowed) {
            fillingChanges++;
            return Set.of(COSName.V, COSName.AP, COSName.AS);
        }
        return Set.of();
    }

    private boolean sameReference(COSBase s, COSBase f) throws IOException {
        if (s instanceof COSObject so && f instanceof COSObject fo) {
            return so.getKey() != null && so.getKey().equals(fo.getKey());
        }
        return s instanceof COSObject == f instanceof COSObject && same(s, f);
    }

    /** True when every entry of {@code s} is in {@code f} unchanged (one level into sub-dictionaries). */
    private boolean extends_(COSDictionary s, COSDictionary f) throws IOException {
        if (s == null) {
            return true;
        }
        if (f == null) {
            return false;
        }
        for (COSName key : s.keySet()) {
            COSDictionary sd = SignatureFinder.dict(s.getItem(key));
            COSDictionary fd = SignatureFinder.dict(f.getItem(key));
            if (sd != null && fd != null && !(sd instanceof COSStream)) {
                for (COSName inner : sd.keySet()) {
                    if (!same(sd.getItem(inner), fd.getItem(inner))) {
                        return false;
                    }
                }
            } else if (!same(s.getItem(key), f.getItem(key))) {
                return false;
            }
        }
        return true;
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

    private static Set<COSName> keys(COSDictionary s, COSDictionary f) {
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

    private static final class TooComplex extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooComplex() {
            super(null, null, false, false);
        }
    }
}
