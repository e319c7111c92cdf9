package vn.kyso.signing.pades;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningException.ErrorCode;

/**
 * The /DSS dictionary (ETSI EN 319 142-1, 5.4) as its own incremental update: existing entries
 * are kept by reference and only new certificates, OCSP responses and CRLs are added.
 */
public final class DssIncrement {

    private DssIncrement() {
    }

    /** Feeds every signature and document timestamp of {@code doc}, and the existing DSS, to {@code data}. */
    public static void collect(PDDocument doc, ValidationData data, boolean mustComplete) {
        for (PDSignature sig : doc.getSignatureDictionaries()) {
            byte[] contents = sig.getContents();
            if (contents != null && contents.length > 0) {
                data.addCms(contents, mustComplete);
            }
        }
        COSDictionary dss = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.DSS);
        if (dss == null) {
            return;
        }
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (byte[] der : streams(dss.getCOSArray(COSName.CERTS))) {
                try {
                    data.addCertificate((X509Certificate) cf.generateCertificate(new java.io.ByteArrayInputStream(der)));
                } catch (CertificateException e) {
                    // a foreign DSS entry we cannot read stays as it is
                }
            }
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the catalog's /DSS with {@code data} merged in, as an incremental update to {@code out}. */
    public static void write(PDDocument doc, ValidationData data, OutputStream out) {
        COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
        COSDictionary old = catalog.getCOSDictionary(COSName.DSS);
        COSDictionary dss = new COSDictionary();
        if (old != null) {
            for (COSName key : old.keySet()) {
                dss.setItem(key, old.getItem(key));
            }
        }
        List<byte[]> certs = new ArrayList<>();
        for (X509Certificate c : data.certificates()) {
            try {
                certs.add(c.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        merge(doc, dss, COSName.CERTS, certs);
        merge(doc, dss, COSName.OCSPS, data.ocsps());
        merge(doc, dss, COSName.CRLS, data.crls());
        catalog.setItem(COSName.DSS, dss);
        catalog.setNeedToBeUpdated(true);
        try {
            doc.saveIncremental(out);
        } catch (IOException e) {
            throw new SigningException(ErrorCode.IO_ERROR, "cannot write the DSS update: " + e.getMessage(), e);
        }
    }

    private static void merge(PDDocument doc, COSDictionary dss, COSName key, List<byte[]> values) {
        COSArray old = dss.getCOSArray(key);
        COSArray merged = new COSArray();
        Set<String> present = new HashSet<>();
        if (old != null) {
            for (int i = 0; i < old.size(); i++) {
                merged.add(old.get(i));
            }
            for (byte[] der : streams(old)) {
                present.add(Arrays.toString(der));
            }
        }
        for (byte[] der : values) {
            if (present.add(Arrays.toString(der))) {
                COSStream stream = doc.getDocument().createCOSStream();
                try (OutputStream os = stream.createRawOutputStream()) {
                    os.write(der);
                } catch (IOException e) {
                    throw new IllegalStateException("memory stream failed", e);
                }
                merged.add(stream);
            }
        }
        if (merged.size() > 0) {
            dss.setItem(key, merged);
        }
    }

    private static List<byte[]> streams(COSArray array) {
        List<byte[]> out = new ArrayList<>();
        if (array == null) {
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            COSBase b = array.getObject(i);
            if (b instanceof COSStream s) {
                try (InputStream in = s.createInputStream()) {
                    out.add(in.readAllBytes());
                } catch (IOException e) {
                    // unreadable foreign entry: kept by reference, not compared
                }
            }
        }
        return out;
    }
}
