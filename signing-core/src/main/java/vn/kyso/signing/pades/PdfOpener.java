package vn.kyso.signing.pades;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningException.ErrorCode;

/**
 * Opens a PDF for an incremental update, turning every way it can fail into one clear line.
 * PDFBox repairs damaged files silently; an incremental update needs the original's own cross
 * reference, so a file without a header or a final %%EOF is refused before parsing.
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
        if (doc.isEncrypted()) {
            closeQuietly(doc);
            throw new SigningException(ErrorCode.ENCRYPTED_PDF,
                    "the PDF is encrypted: remove the encryption before signing");
        }
        return doc;
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
