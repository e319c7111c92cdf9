package vn.kyso.usage.ingest;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * The hash that names the document a signature signed: SHA-256 of the file up to the end of the
 * signature's byte range (its revision). A later counter-signature or DSS update appends to the
 * file but leaves that revision, and so the signature's identity, unchanged; a freshly signed PDF
 * is its own revision, so kyso's SIGNED event and a later SEEN of the same file agree.
 */
final class SignedRevisions {

    private SignedRevisions() {
    }

    /** Revision hash by signature field name (fully qualified). */
    static Map<String, String> of(byte[] pdf) throws IOException {
        Map<String, String> hashes = new HashMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            if (form == null) {
                return hashes;
            }
            for (PDField field : form.getFieldTree()) {
                if (field instanceof PDSignatureField sf && sf.getSignature() != null) {
                    PDSignature signature = sf.getSignature();
                    int[] range = signature.getByteRange();
                    if (range != null && range.length == 4 && range[2] + (long) range[3] <= pdf.length) {
                        hashes.put(sf.getFullyQualifiedName(), sha256(pdf, range[2] + range[3]));
                    }
                }
            }
        }
        return hashes;
    }

    /** SHA-256 (hex) of a whole file, streamed. */
    static String sha256(java.nio.file.Path file) throws IOException {
        try (var in = new java.security.DigestInputStream(java.nio.file.Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] data, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data, 0, length);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
