package vn.kyso.signing.verify;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The Document Security Store (/DSS, ETSI EN 319 142-1 5.4): certificates, OCSP responses and
 * CRLs kept in the file for long-term validation. Only the global arrays are read (the /VRI
 * entries repeat them).
 *
 * @param present whether the document has a /DSS dictionary at all
 */
record Dss(boolean present, List<byte[]> certificates, List<byte[]> ocspResponses, List<byte[]> crls) {

    /** The decoded size a single DSS entry may have: more is not a certificate or a response. */
    private static final int MAX_ENTRY = 4 * 1024 * 1024;
    private static final int MAX_ENTRIES = 1000;

    static final Dss EMPTY = new Dss(false, List.of(), List.of(), List.of());

    static Dss read(PDDocument document) {
        COSDictionary dss = SignatureFinder.dict(document.getDocumentCatalog().getCOSObject().getItem(COSName.getPDFName("DSS")));
        if (dss == null) {
            return EMPTY;
        }
        return new Dss(true, streams(dss, "Certs"), streams(dss, "OCSPs"), streams(dss, "CRLs"));
    }

    private static List<byte[]> streams(COSDictionary dss, String key) {
        List<byte[]> out = new ArrayList<>();
        COSBase value = dss.getDictionaryObject(COSName.getPDFName(key));
        if (value instanceof COSArray array) {
            for (int i = 0; i < array.size() && i < MAX_ENTRIES; i++) {
                if (array.getObject(i) instanceof COSStream stream) {
                    try (InputStream in = stream.createInputStream()) {
                        byte[] data = in.readNBytes(MAX_ENTRY + 1);
                        if (data.length <= MAX_ENTRY) {
                            out.add(data);
                        }
                    } catch (IOException | RuntimeException e) {
                        // an unreadable entry is simply not evidence
                    }
                }
            }
        }
        return out;
    }
}
