package vn.kyso.signing.verify;

import java.io.IOException;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;

import vn.kyso.signing.ChangeKind;

/**
 * The rules for form fields: a field's value may change (form filling) and its appearance
 * with it, never its appearance alone; an empty signature field may be signed, never given an
 * appearance without a signature; a new field must be a signature field holding a new
 * signature dictionary, or empty.
 */
final class FormFieldRules {

    private final ObjectGraph graph;
    private final Findings findings;

    FormFieldRules(ObjectGraph graph) {
        this.graph = graph;
        this.findings = graph.findings();
    }

    /** A field or widget whose value, appearance or appearance state differs. */
    void changed(COSDictionary s, COSDictionary f, boolean appearanceChanged, boolean ownValueChanged) throws IOException {
        String name = FormFields.qualifiedName(f);
        String quoted = FormFields.fieldName(f);
        Integer page = graph.pageOf(f);
        COSBase before = FormFields.resolve(FormFields.fieldValue(s));
        COSBase afterItem = FormFields.fieldValue(f);
        COSBase after = FormFields.resolve(afterItem);
        if (FormFields.isSignatureField(s)) {
            if (before == null) {
                if (after == null) {
                    if (appearanceChanged) {
                        findings.add(ChangeKind.UNSIGNED_APPEARANCE, page, name,
                                "an unsigned signature field with an appearance: the empty signature field " + quoted
                                        + " was given an appearance but no signature");
                    }
                } else if (ownValueChanged) {
                    signed(afterItem, after, page, name, quoted);
                }
                if (appearanceChanged && FormFields.isSignatureDictionary(after)) {
                    new AppearanceOrigin(graph).check(s, f, page, quoted);
                }
            } else if (ownValueChanged) {
                findings.add(after == null ? ChangeKind.SIGNATURE_REMOVED : ChangeKind.FIELD_CHANGED, page, name,
                        "the signature in field " + quoted + " was " + (after == null ? "removed" : "replaced") + " after signing");
            } else if (appearanceChanged) {
                findings.add(ChangeKind.APPEARANCE_WITHOUT_VALUE, page, name,
                        "the appearance of the signed field " + quoted + " was changed after signing");
            }
            return;
        }
        boolean valueChanged = !graph.same(FormFields.fieldValue(s), afterItem);
        if (ownValueChanged) {
            findings.add(ChangeKind.FIELD_FILLED, page, name, "the field " + quoted + " was filled in after signing");
        }
        if (appearanceChanged) {
            if (!valueChanged) {
                findings.add(ChangeKind.APPEARANCE_WITHOUT_VALUE, page, name,
                        "the appearance of field " + quoted + " was changed after signing while its value was not");
            } else {
                new AppearanceOrigin(graph).check(s, f, page, quoted);
            }
        }
    }

    private void signed(COSBase item, COSBase value, Integer page, String name, String quoted) {
        if (!FormFields.isSignatureDictionary(value)) {
            findings.add(ChangeKind.FIELD_CHANGED, page, name,
                    "the signature field " + quoted + " was given a value that is not a signature");
        } else if (graph.existedBefore(item)) {
            findings.add(ChangeKind.SIGNATURE_REUSED, page, name,
                    "the signature field " + quoted + " was given a signature dictionary that existed before");
        } else {
            findings.add(ChangeKind.SIGNATURE_FIELD_SIGNED, page, name, "the signature field " + quoted + " was signed");
        }
    }

    /** A field added after signing (to /Fields or to an existing field's /Kids). */
    void added(COSBase item) {
        COSDictionary field = SignatureFinder.dict(item);
        String quoted = FormFields.fieldName(field);
        if (field == null || !FormFields.isSignatureField(field)) {
            findings.add(ChangeKind.FIELD_ADDED_OR_REMOVED, null, field == null ? null : FormFields.qualifiedName(field),
                    "a form field that is not a signature (" + quoted + ") was added after signing");
            return;
        }
        String name = FormFields.qualifiedName(field);
        COSBase valueItem = FormFields.fieldValue(field);
        COSBase value = FormFields.resolve(valueItem);
        if (value == null) {
            findings.add(ChangeKind.EMPTY_SIGNATURE_FIELD_ADDED, null, name, "an empty signature field " + quoted + " was added");
        } else if (!FormFields.isSignatureDictionary(value)) {
            findings.add(ChangeKind.FIELD_ADDED_OR_REMOVED, null, name,
                    "a signature field whose value is not a signature (" + quoted + ") was added after signing");
        } else if (graph.existedBefore(valueItem)) {
            findings.add(ChangeKind.SIGNATURE_REUSED, null, name,
                    "the new field " + quoted + " points at a signature dictionary that existed before");
        } else if (FormFields.isDocumentTimestamp(field)) {
            findings.add(ChangeKind.DOCUMENT_TIMESTAMP_ADDED, null, name, "a document timestamp was added");
        } else {
            findings.add(ChangeKind.SIGNATURE_ADDED, null, name, "a signature " + quoted + " was added");
        }
    }

    /**
     * The /Kids of a non-terminal field: the signed kids must stay, in order; a kid added after
     * them is a new child field (judged as such) or a new widget of this field (never routine: it
     * shows the field's value, a signature's appearance included, somewhere else).
     *
     * @return whether the kids are the same apart from the judged additions
     */
    boolean kids(COSDictionary parent, COSBase sv, COSBase fv) throws IOException {
        COSArray s = sv instanceof COSArray a ? a : new COSArray();
        if (!(fv instanceof COSArray f) || f.size() < s.size()) {
            return fv == null && s.size() == 0;
        }
        for (int i = 0; i < s.size(); i++) {
            if (!graph.same(s.get(i), f.get(i))) {
                return false;
            }
        }
        for (int i = s.size(); i < f.size(); i++) {
            COSDictionary kid = SignatureFinder.dict(f.get(i));
            if (kid != null && kid.containsKey(COSName.T)) {
                added(f.get(i));
            } else {
                findings.add(ChangeKind.FIELD_ADDED_OR_REMOVED, kid == null ? null : graph.pageOf(kid),
                        FormFields.qualifiedName(parent),
                        "a new widget was added to the existing field " + FormFields.fieldName(parent));
            }
        }
        return true;
    }
}
