package vn.kyso.signing.verify;

import java.io.IOException;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;

import vn.kyso.signing.ChangeKind;

/**
 * The rules for a page's /Annots: the signed annotations stay in place and unchanged (a
 * widget's value and appearance are judged as form filling); an annotation added is a comment
 * (DocMDP P=3) unless it is the widget of a new signature, which must not reuse an existing
 * signature nor draw anything without a signature dictionary behind it.
 */
final class Annotations {

    private final ObjectGraph graph;
    private final Findings findings;

    Annotations(ObjectGraph graph) {
        this.graph = graph;
        this.findings = graph.findings();
    }

    /** @return whether every difference was judged (recorded as a finding) */
    boolean compare(COSBase sv, COSBase fv, Integer page) throws IOException {
        COSBase sr = FormFields.resolve(sv);
        COSBase fr = FormFields.resolve(fv);
        COSArray s = sr instanceof COSArray a ? a : new COSArray();
        if (fr != null && !(fr instanceof COSArray)) {
            findings.add(ChangeKind.PAGE_CHANGED, page, "Annots", "page " + page + ": the annotations were replaced after signing");
            return true;
        }
        COSArray f = fr == null ? new COSArray() : (COSArray) fr;
        if (f.size() < s.size()) {
            findings.add(ChangeKind.ANNOTATION_REMOVED, page, null, "page " + page + ": an annotation was removed after signing");
        }
        for (int i = 0; i < Math.min(s.size(), f.size()); i++) {
            int before = findings.size();
            if (!graph.same(s.get(i), f.get(i)) && findings.size() == before) {
                COSDictionary annot = SignatureFinder.dict(f.get(i));
                if (annot != null && COSName.WIDGET.equals(annot.getCOSName(COSName.SUBTYPE))) {
                    findings.add(ChangeKind.FIELD_CHANGED, page, FormFields.qualifiedName(annot), "page " + page
                            + ": the widget of field " + FormFields.fieldName(annot) + " was changed after signing");
                } else {
                    findings.add(ChangeKind.ANNOTATION_CHANGED, page, FormFields.subtype(f.get(i)), "page " + page
                            + ": annotation " + (i + 1) + " (" + FormFields.subtype(f.get(i)) + ") was changed after signing");
                }
            }
        }
        for (int i = s.size(); i < f.size(); i++) {
            added(SignatureFinder.dict(f.get(i)), f.get(i), page);
        }
        return true;
    }

    private void added(COSDictionary annot, COSBase item, Integer page) {
        if (annot == null || !COSName.WIDGET.equals(annot.getCOSName(COSName.SUBTYPE))) {
            findings.add(ChangeKind.ANNOTATION_ADDED, page, FormFields.subtype(item),
                    "page " + page + ": an annotation (" + FormFields.subtype(item) + ") was added after signing");
            return;
        }
        String name = FormFields.qualifiedName(annot);
        if (!FormFields.isSignatureField(annot)) {
            findings.add(ChangeKind.FIELD_ADDED_OR_REMOVED, page, name, "page " + page + ": a widget of a field that is not a signature ("
                    + FormFields.fieldName(annot) + ") was added after signing");
            return;
        }
        COSBase valueItem = FormFields.fieldValue(annot);
        COSBase value = FormFields.resolve(valueItem);
        boolean draws = FormFields.draws(annot);
        if (value == null) {
            if (draws) {
                findings.add(ChangeKind.UNSIGNED_APPEARANCE, page, name,
                        "page " + page + ": an unsigned signature field with an appearance was added after signing");
            }
        } else if (!FormFields.isSignatureDictionary(value)) {
            if (draws) {
                findings.add(ChangeKind.UNSIGNED_APPEARANCE, page, name, "page " + page
                        + ": a signature widget whose value is not a signature dictionary draws on the page");
            }
        } else if (graph.existedBefore(valueItem)) {
            findings.add(ChangeKind.SIGNATURE_REUSED, page, name,
                    "page " + page + ": a new widget shows a signature that existed before");
        } else if (draws) {
            new AppearanceOrigin(graph).check(null, annot, page, FormFields.fieldName(annot));
        }
    }
}
