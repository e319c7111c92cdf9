package vn.kyso.signing.verify;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

import vn.kyso.signing.Change;
import vn.kyso.signing.ChangeKind;

/**
 * Compares a signed revision with the final document, walking both from the catalog and the
 * trailer's /Info, and names every difference by the rule that recognises it (see
 * docs/verification-changes.md): routine updates of signing tools, form filling, comments, or
 * anything else. Each finding is judged against what the signed revision's signatures permit.
 */
final class RevisionComparison {

    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final COSName EXTENSIONS = COSName.getPDFName("Extensions");
    private static final COSName NEED_APPEARANCES = COSName.getPDFName("NeedAppearances");
    private static final java.util.Set<COSName> ROUTINE_INFO = java.util.Set.of(COSName.MOD_DATE, COSName.PRODUCER);

    private final ObjectGraph graph;
    private final Findings findings;

    private RevisionComparison(ObjectGraph graph) {
        this.graph = graph;
        this.findings = graph.findings();
    }

    /**
     * The changes from {@code signed} (the revision ending at {@code rangeEnd} of {@code bytes})
     * to {@code current}, each judged by the signed revision's DocMDP level and FieldMDP locks.
     */
    static List<Change> compare(PDDocument signed, PDDocument current, byte[] bytes, long rangeEnd) {
        Findings findings = new Findings(ChangePolicy.of(signed));
        try {
            RevisionComparison c = new RevisionComparison(new ObjectGraph(findings, signed, current));
            c.catalog(signed.getDocumentCatalog().getCOSObject(), current.getDocumentCatalog().getCOSObject());
            c.info(SignatureFinder.dict(signed.getDocument().getTrailer().getItem(COSName.INFO)),
                    SignatureFinder.dict(current.getDocument().getTrailer().getItem(COSName.INFO)));
            for (long n : XrefRedirects.after(bytes, rangeEnd)) {
                findings.add(ChangeKind.OBJECT_REDIRECTED, null, "object " + n, "a later cross-reference entry points object "
                        + n + " at the bytes of another object (object usage changed after signing)");
            }
        } catch (ObjectGraph.TooComplex e) {
            findings.add(ChangeKind.NOT_ANALYSABLE, null, null, "the changes after signing are too complex to analyse");
        } catch (IOException | RuntimeException | StackOverflowError e) {
            findings.add(ChangeKind.NOT_ANALYSABLE, null, null,
                    "the changes after signing cannot be analysed: " + PdfFile.oneLine(e));
        }
        return findings.changes();
    }

    private void catalog(COSDictionary s, COSDictionary f) throws IOException {
        for (COSName key : ObjectGraph.keys(s, f)) {
            COSBase sv = s.getItem(key);
            COSBase fv = f.getItem(key);
            int before = findings.size();
            if (key.equals(COSName.ACRO_FORM)) {
                acroForm(SignatureFinder.dict(sv), SignatureFinder.dict(fv));
            } else if (graph.same(sv, fv)) {
                continue;
            } else if (key.equals(DSS)) {
                findings.add(ChangeKind.VALIDATION_DATA_ADDED, null, "DSS", "validation data (/DSS) was added");
            } else if (key.equals(EXTENSIONS) || key.equals(COSName.VERSION)) {
                findings.add(ChangeKind.VERSION_UPGRADED, null, key.getName(),
                        "the PDF version (/" + key.getName() + ") was raised");
            } else if (key.equals(COSName.METADATA) && FormFields.resolve(fv) instanceof COSStream) {
                findings.add(ChangeKind.METADATA_UPDATED, null, "Metadata", "the XMP metadata was updated");
            } else if (key.equals(COSName.PERMS)) {
                findings.add(ChangeKind.PERMISSIONS_UPDATED, null, "Perms", "the permissions (/Perms) were updated");
            } else if (key.equals(COSName.STRUCT_TREE_ROOT) && new StructureGrowth(graph).grows(sv, fv)) {
                findings.add(ChangeKind.STRUCTURE_EXTENDED, null, "StructTreeRoot",
                        "the document structure (/StructTreeRoot) gained entries");
            } else if (findings.size() == before) {
                if (key.equals(COSName.PAGES)) {
                    findings.add(ChangeKind.PAGES_CHANGED, null, "Pages", "the page tree was changed after signing");
                } else {
                    findings.add(ChangeKind.CATALOG_CHANGED, null, key.getName(),
                            "the document catalog's /" + key.getName() + " was changed after signing");
                }
            }
        }
    }

    private void acroForm(COSDictionary s, COSDictionary f) throws IOException {
        if (f == null) {
            if (s != null) {
                findings.add(ChangeKind.FORM_CHANGED, null, "AcroForm", "the form (/AcroForm) was removed after signing");
            }
            return;
        }
        COSDictionary signed = s == null ? new COSDictionary() : s;
        for (COSName key : ObjectGraph.keys(signed, f)) {
            COSBase sv = signed.getItem(key);
            COSBase fv = f.getItem(key);
            if (key.equals(COSName.FIELDS)) {
                fields(FormFields.resolve(sv), FormFields.resolve(fv));
            } else if (graph.same(sv, fv)) {
                continue;
            } else if (key.equals(COSName.SIG_FLAGS) || key.equals(COSName.DA) && sv == null) {
                findings.add(ChangeKind.FORM_FLAGS_SET, null, key.getName(), "the form's /" + key.getName() + " was set");
            } else if (key.equals(COSName.DR)) {
                if (extendsResources(SignatureFinder.dict(sv), SignatureFinder.dict(fv))) {
                    findings.add(ChangeKind.FORM_RESOURCES_ADDED, null, "DR",
                            "resources (fonts) were added to the form's default resources (/DR)");
                } else {
                    findings.add(ChangeKind.FORM_CHANGED, null, "DR",
                            "the form's default resources (/DR) were changed after signing");
                }
            } else if (key.equals(NEED_APPEARANCES)) {
                boolean on = FormFields.resolve(fv) == COSBoolean.TRUE;
                findings.add(on ? ChangeKind.APPEARANCES_REGENERATED : ChangeKind.FORM_FLAGS_SET, null, key.getName(),
                        on ? "/NeedAppearances was set: viewers redraw the fields" : "/NeedAppearances was cleared");
            } else {
                findings.add(ChangeKind.FORM_CHANGED, null, key.getName(),
                        "the form's /" + key.getName() + " was changed after signing");
            }
        }
    }

    private void fields(COSBase sv, COSBase fv) throws IOException {
        COSArray s = sv instanceof COSArray a ? a : new COSArray();
        if (!(fv instanceof COSArray f)) {
            if (s.size() > 0) {
                findings.add(ChangeKind.FIELD_ADDED_OR_REMOVED, null, null, "the form's fields were removed after signing");
            }
            return;
        }
        if (f.size() < s.size()) {
            findings.add(ChangeKind.FIELD_ADDED_OR_REMOVED, null, null, "a form field was removed after signing");
        }
        for (int i = 0; i < Math.min(s.size(), f.size()); i++) {
            int before = findings.size();
            if (!graph.same(s.get(i), f.get(i)) && findings.size() == before) {
                COSDictionary field = SignatureFinder.dict(f.get(i));
                findings.add(ChangeKind.FIELD_CHANGED, null, field == null ? null : FormFields.qualifiedName(field),
                        "form field " + FormFields.fieldName(f.get(i)) + " was changed after signing");
            }
        }
        FormFieldRules rules = new FormFieldRules(graph);
        for (int i = s.size(); i < f.size(); i++) {
            rules.added(f.get(i));
        }
    }

    /** The trailer's /Info: a signing tool may update /ModDate and /Producer; the rest is shown to readers. */
    private void info(COSDictionary s, COSDictionary f) throws IOException {
        if (s == null && f == null) {
            return;
        }
        COSDictionary signed = s == null ? new COSDictionary() : s;
        COSDictionary current = f == null ? new COSDictionary() : f;
        for (COSName key : ObjectGraph.keys(signed, current)) {
            if (graph.same(signed.getItem(key), current.getItem(key))) {
                continue;
            }
            if (ROUTINE_INFO.contains(key)) {
                findings.add(ChangeKind.METADATA_UPDATED, null, "Info/" + key.getName(),
                        "the document information's /" + key.getName() + " was updated");
            } else {
                findings.add(ChangeKind.INFO_CHANGED, null, "Info/" + key.getName(),
                        "the document information's /" + key.getName() + " was changed after signing");
            }
        }
    }

    /** True when every entry of {@code s} is in {@code f} unchanged (one level into sub-dictionaries such as /Font). */
    private boolean extendsResources(COSDictionary s, COSDictionary f) throws IOException {
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
                    if (!graph.same(sd.getItem(inner), fd.getItem(inner))) {
                        return false;
                    }
                }
            } else if (!graph.same(s.getItem(key), f.getItem(key))) {
                return false;
            }
        }
        return true;
    }
}
