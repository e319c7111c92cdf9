package vn.kyso.signing.verify;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.Map;
import java.util.TimeZone;

import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPKCS7;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfSignature;
import com.lowagie.text.pdf.PdfSignatureAppearance;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;

import vn.kyso.signing.testpki.TestPki;

/**
 * Signs and fills PDFs with OpenPDF (the LGPL fork of iText 2): its own PdfStamper writes the
 * revision, PdfSignatureAppearance the field and appearance, PdfPKCS7 the CMS, none of it kyso's
 * or PDFBox's code.
 */
final class OpenPdfSigner {

    private static final int CONTENTS_BYTES = 8192;

    /** How OpenPDF is asked to sign. */
    record Request(String subFilter, boolean append, boolean visible, String field, int certification) {

        static Request detached() {
            return new Request("adbe.pkcs7.detached", true, false, "OpenPdfSignature", PdfSignatureAppearance.NOT_CERTIFIED);
        }

        Request rewriting() {
            return new Request(subFilter, false, visible, field, certification);
        }

        Request visibleIn(String name) {
            return new Request(subFilter, append, true, name, certification);
        }

        Request legacySha1() {
            return new Request("adbe.pkcs7.sha1", append, visible, field, certification);
        }

        /** A certification signature with OpenPDF's DocMDP level (PdfSignatureAppearance.CERTIFIED_*). */
        Request certifying(int level) {
            return new Request(subFilter, append, visible, field, level);
        }
    }

    private OpenPdfSigner() {
    }

    static byte[] sign(byte[] pdf, TestPki.Credential signer, Instant at, Request request) {
        try {
            PdfReader reader = new PdfReader(pdf);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfStamper stamper = PdfStamper.createSignature(reader, out, '\0', null, request.append());
            PdfSignatureAppearance sap = stamper.getSignatureAppearance();
            Calendar when = calendar(at);
            sap.setSignDate(when);
            sap.setReason("OpenPDF interop");
            sap.setCertificationLevel(request.certification());
            Certificate[] chain = signer.chain().toArray(new Certificate[0]);
            if (request.visible()) {
                sap.setVisibleSignature(new Rectangle(300, 60, 520, 120), 1, request.field());
            } else {
                sap.setFieldNameForInvisibleSignatures(request.field());
            }
            if (request.subFilter().equals("adbe.pkcs7.sha1")) {
                // OpenPDF's own legacy path: SHA-1 of the ranges encapsulated, signed with SHA1withRSA
                sap.setCrypto(signer.privateKey(), chain, null, PdfSignatureAppearance.WINCER_SIGNED);
                stamper.close();
                reader.close();
                return out.toByteArray();
            }
            sap.setCrypto(null, chain, null, PdfSignatureAppearance.WINCER_SIGNED);
            PdfSignature dic = new PdfSignature(PdfName.ADOBE_PPKLITE, new PdfName(request.subFilter()));
            dic.setDate(new PdfDate(when));
            dic.setReason("OpenPDF interop");
            sap.setCryptoDictionary(dic);
            Map<PdfName, Integer> exclusion = new HashMap<>();
            exclusion.put(PdfName.CONTENTS, CONTENTS_BYTES * 2 + 2);
            sap.preClose(exclusion);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream ranges = sap.getRangeStream()) {
                byte[] buf = new byte[8192];
                for (int n; (n = ranges.read(buf)) > 0;) {
                    sha256.update(buf, 0, n);
                }
            }
            byte[] hash = sha256.digest();
            PdfPKCS7 pkcs7 = new PdfPKCS7(signer.privateKey(), chain, null, "SHA256", null, false);
            byte[] attributes = pkcs7.getAuthenticatedAttributeBytes(hash, when, null);
            pkcs7.update(attributes, 0, attributes.length);
            byte[] cms = pkcs7.getEncodedPKCS7(hash, when);
            byte[] padded = new byte[CONTENTS_BYTES];
            System.arraycopy(cms, 0, padded, 0, cms.length);
            PdfDictionary contents = new PdfDictionary();
            contents.put(PdfName.CONTENTS, new PdfString(padded).setHexWriting(true));
            sap.close(contents);
            reader.close();
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("OpenPDF could not sign", e);
        }
    }

    /** An incremental update by OpenPDF's PdfStamper that sets the text field {@code name}. */
    static byte[] fillField(byte[] pdf, String name, String value) {
        try {
            PdfReader reader = new PdfReader(pdf);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfStamper stamper = new PdfStamper(reader, out, '\0', true);
            if (!stamper.getAcroFields().setField(name, value)) {
                throw new IllegalStateException("no field " + name);
            }
            stamper.close();
            reader.close();
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("OpenPDF could not fill the form", e);
        }
    }

    private static Calendar calendar(Instant at) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(at.toEpochMilli());
        return c;
    }
}
