package vn.kyso.signing.pades;

import java.util.OptionalInt;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

import vn.kyso.signing.Certification;

/** The DocMDP transform (ISO 32000-2, 12.8.2.2): reading a document's certification and certifying. */
public final class DocMdp {

    private static final COSName TRANSFORM_PARAMS_TYPE = COSName.getPDFName("TransformParams");

    private DocMdp() {
    }

    /** The /P of the document's certification signature, if it has one (2 when /P is absent). */
    public static OptionalInt permission(PDDocument doc) {
        COSDictionary perms = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
        if (perms == null) {
            return OptionalInt.empty();
        }
        COSDictionary sig = perms.getCOSDictionary(COSName.DOCMDP);
        if (sig == null) {
            return OptionalInt.empty();
        }
        COSArray refs = sig.getCOSArray(COSName.REFERENCE);
        if (refs != null) {
            for (int i = 0; i < refs.size(); i++) {
                COSBase ref = refs.getObject(i);
                if (ref instanceof COSDictionary r && COSName.DOCMDP.equals(r.getCOSName(COSName.TRANSFORM_METHOD))) {
                    COSDictionary params = r.getCOSDictionary(COSName.TRANSFORM_PARAMS);
                    return OptionalInt.of(params == null ? 2 : params.getInt(COSName.P, 2));
                }
            }
        }
        return OptionalInt.of(2);
    }

    /** Makes {@code signature} the document's certification signature with this permission. */
    public static void certify(PDDocument doc, PDSignature signature, Certification certification) {
        COSDictionary params = new COSDictionary();
        params.setItem(COSName.TYPE, TRANSFORM_PARAMS_TYPE);
        params.setInt(COSName.P, certification.permission());
        params.setName(COSName.V, "1.2");

        COSDictionary reference = new COSDictionary();
        reference.setItem(COSName.TYPE, COSName.SIG_REF);
        reference.setItem(COSName.TRANSFORM_METHOD, COSName.DOCMDP);
        reference.setItem(COSName.TRANSFORM_PARAMS, params);

        COSArray references = new COSArray();
        references.add(reference);
        signature.getCOSObject().setItem(COSName.REFERENCE, references);

        COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
        COSDictionary perms = new COSDictionary();
        perms.setItem(COSName.DOCMDP, signature);
        catalog.setItem(COSName.PERMS, perms);
        catalog.setNeedToBeUpdated(true);
        perms.setNeedToBeUpdated(true);
    }
}
