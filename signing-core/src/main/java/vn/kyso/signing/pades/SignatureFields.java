package vn.kyso.signing.pades;

import java.time.Instant;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningException.ErrorCode;

/** The signature dictionary and its field: permission checks, /M, naming, certification. */
public final class SignatureFields {

    private static final COSName ETSI_RFC3161 = COSName.getPDFName("ETSI.RFC3161");
    private static final java.time.ZoneOffset VIETNAM = java.time.ZoneOffset.ofHours(7);

    private SignatureFields() {
    }

    /** Refuses a change that the document's certification forbids, and a late certification. */
    public static void checkMayAddSignature(PDDocument doc, SignRequest request) {
        OptionalInt p = DocMdp.permission(doc);
        if (p.isPresent() && p.getAsInt() == 1) {
            throw new SigningException(ErrorCode.CERTIFICATION_FORBIDS_CHANGES,
                    "the document is certified with no changes permitted (DocMDP P=1): it cannot be signed again");
        }
        if (request.certification() != null && !doc.getSignatureDictionaries().isEmpty()) {
            throw new SigningException(ErrorCode.INVALID_REQUEST,
                    "only the first signature of a document may certify it; this document is already signed");
        }
        if (request.fieldName() != null && fieldNames(doc).contains(request.fieldName())) {
            throw new SigningException(ErrorCode.INVALID_REQUEST,
                    "the document already has a field named " + request.fieldName());
        }
    }

    /** A PAdES signature dictionary claiming {@code signingTime} in /M. */
    public static PDSignature cadesSignature(SignRequest request, String signerName, Instant signingTime) {
        PDSignature signature = new PDSignature();
        signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
        signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
        signature.setName(signerName);
        signature.getCOSObject().setString(COSName.M, pdfDate(signingTime));
        if (request.reason() != null) {
            signature.setReason(request.reason());
        }
        if (request.location() != null) {
            signature.setLocation(request.location());
        }
        if (request.contactInfo() != null) {
            signature.setContactInfo(request.contactInfo());
        }
        return signature;
    }

    /**
     * The PDF date string (ISO 32000-2, 7.9.4) in Vietnam time, e.g. D:20260305143000+07'00'.
     * Written by hand: PDFBox's DateConverter is a visible share of a B-B signature's cost.
     */
    static String pdfDate(Instant instant) {
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, VIETNAM);
        StringBuilder b = new StringBuilder(24).append("D:");
        pad(b, t.getYear(), 4);
        pad(b, t.getMonthValue(), 2);
        pad(b, t.getDayOfMonth(), 2);
        pad(b, t.getHour(), 2);
        pad(b, t.getMinute(), 2);
        pad(b, t.getSecond(), 2);
        return b.append("+07'00'").toString();
    }

    private static void pad(StringBuilder b, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        b.append(s);
    }

    /** A document timestamp dictionary (ETSI.RFC3161). */
    public static PDSignature documentTimestamp() {
        PDSignature signature = new PDSignature();
        signature.setType(COSName.DOC_TIME_STAMP);
        signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
        signature.setSubFilter(ETSI_RFC3161);
        return signature;
    }

    /** Gives the field holding {@code signature} the requested name, or a fresh "SignatureN". */
    public static String nameField(PDDocument doc, PDSignature signature, String requested) {
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            throw new IllegalStateException("PDFBox added a signature without an AcroForm");
        }
        Set<String> taken = fieldNames(doc);
        for (PDField field : form.getFieldTree()) {
            if (field instanceof PDSignatureField sf
                    && sf.getCOSObject().getDictionaryObject(COSName.V) == signature.getCOSObject()) {
                String name = requested;
                if (name == null) {
                    taken.remove(sf.getPartialName());
                    int n = doc.getSignatureDictionaries().size();
                    do {
                        name = "Signature" + n++;
                    } while (taken.contains(name));
                }
                sf.setPartialName(name);
                return name;
            }
        }
        throw new IllegalStateException("PDFBox added a signature without a field");
    }

    private static Set<String> fieldNames(PDDocument doc) {
        Set<String> names = new HashSet<>();
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
        if (form != null) {
            for (PDField f : form.getFieldTree()) {
                names.add(f.getFullyQualifiedName());
            }
        }
        return names;
    }
}
