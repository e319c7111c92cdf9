package vn.kyso.signing.pades;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.encryption.PDEncryption;

import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningException.ErrorCode;

/**
 * Opens a PDF for an incremental update, turning every way it can fail into one clear line.
 * PDFBox repairs damaged files silently; an incremental update needs the original's own cross
 * reference, so a file without a header or a final %%EOF is refused before parsing. A PDF
 * encrypted with the empty user password (restrictions only) opens; one that needs a password
 * does not.
 */
public final class PdfOpener {

    private PdfOpener() {
    }

    public static PDDocument open(PdfSource source) {
        try {
            if (source.length() == 0) {
                throw new SigningException(ErrorCode.NOT_A_PDF, "the file is empty, not a PDF");
            }
            if (!contains(source.edge(1024, false), "%PDF-")) {
                throw new SigningException(ErrorCode.NOT_A_PDF, "not a PDF: the file does not start with %PDF-");
            }
            if (!contains(source.edge(1024, true), "%%EOF")) {
                throw new SigningException(ErrorCode.NOT_A_PDF, "truncated PDF: no %%EOF at the end of the file");
            }
        } catch (IOException e) {
            throw new SigningException(ErrorCode.IO_ERROR, "cannot read the PDF: " + e.getMessage(), e);
        }
        RandomAccessRead read = null;
        PDDocument doc;
        try {
            read = source.open();
            doc = Loader.loadPDF(read);
        } catch (InvalidPasswordException e) {
            closeQuietly(read);
            throw new SigningException(ErrorCode.ENCRYPTED_PDF, "the PDF is encrypted and needs a password to open");
        } catch (IOException | RuntimeException e) {
            closeQuietly(read);
            throw new SigningException(ErrorCode.NOT_A_PDF, "damaged PDF that cannot be read: " + e.getMessage(), e);
        }
        return doc;
    }

    /**
     * Opens a PDF to add a signature or document timestamp field to it. An encrypted PDF that
     * opens with the empty user password is signed in its own encryption (PDFBox encrypts the
     * update's new objects with the document's key and handler); its permissions must allow a new
     * signature field, as DSS and Acrobat read them (ISO 32000-2, table 22): bit 4 (modify) and
     * bit 6 (annotations and form fields). Bit 9 alone (fill in existing fields) is not enough
     * because kyso always adds a field of its own.
     */
    public static PDDocument openToAddField(PdfSource source) {
        PDDocument doc = open(source);
        if (doc.isEncrypted()) {
            AccessPermission p = doc.getCurrentAccessPermission();
            if (!permsConfirm(doc.getEncryption())) {
                closeQuietly(doc);
                throw new SigningException(ErrorCode.ENCRYPTION_FORBIDS_SIGNING, "the PDF's permissions cannot be "
                        + "trusted: /P does not match the encrypted /Perms (the file was edited after encryption)");
            }
            if (!p.isOwnerPermission() && !(p.canModify() && p.canModifyAnnotations())) {
                closeQuietly(doc);
                throw new SigningException(ErrorCode.ENCRYPTION_FORBIDS_SIGNING, "the PDF's permissions do not allow "
                        + "adding a signature (its encryption forbids changing the document or its form fields)");
            }
        }
        return doc;
    }

    /**
     * For AES-256 (R 5 and 6) /P is not part of the key, so anyone can edit it; /Perms holds it
     * encrypted under the file key (ISO 32000-2, 7.6.4.4.12, algorithm 13). PDFBox only logs a
     * mismatch: an edited /P must not grant the right to sign.
     */
    private static boolean permsConfirm(PDEncryption encryption) {
        if (encryption.getRevision() < 5) {
            return true; // R 2-4: /P is hashed into the key, an edited /P no longer decrypts
        }
        try {
            byte[] perms = encryption.getPerms();
            byte[] key = encryption.getSecurityHandler().getEncryptionKey();
            if (perms == null || perms.length < 16 || key == null) {
                return false;
            }
            javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"));
            byte[] plain = aes.doFinal(perms, 0, 16);
            int p = (plain[0] & 0xff) | (plain[1] & 0xff) << 8 | (plain[2] & 0xff) << 16 | (plain[3] & 0xff) << 24;
            return plain[9] == 'a' && plain[10] == 'd' && plain[11] == 'b' && p == encryption.getPermissions();
        } catch (java.security.GeneralSecurityException | IOException e) {
            return false;
        }
    }

    static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // nothing more to do with a file we failed to open
            }
        }
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
