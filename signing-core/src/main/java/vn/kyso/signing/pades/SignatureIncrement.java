package vn.kyso.signing.pades;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningException.ErrorCode;

/**
 * Writes one signature (CMS or document timestamp) as an incremental update. PDFBox streams
 * the original through the digest and into the output; only the new part is held in memory.
 */
public final class SignatureIncrement {

    /** What goes into /Contents once the digest of the byte range is known. */
    @FunctionalInterface
    public interface ContentsMaker {
        byte[] contents(byte[] byteRangeDigest);
    }

    /** The reserved /Contents was too small for what the maker produced; retry with {@link #needed()}. */
    public static final class PlaceholderTooSmall extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int needed;

        PlaceholderTooSmall(int needed) {
            super("reserved /Contents too small, " + needed + " bytes needed", null, false, false);
            this.needed = needed;
        }

        public int needed() {
            return needed;
        }
    }

    private SignatureIncrement() {
    }

    /**
     * Adds {@code signature} with {@code options}, reserving {@code reservedBytes} for /Contents;
     * the caller may still adjust the document (name the field) before {@link #write}.
     */
    public static void add(PDDocument doc, PDSignature signature, SignatureOptions options, int reservedBytes) {
        try {
            options.setPreferredSignatureSize(reservedBytes);
            doc.addSignature(signature, options);
        } catch (IOException e) {
            throw new SigningException(ErrorCode.IO_ERROR, "cannot add the signature field: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the update holding the signature added by {@link #add} to {@code out}. Nothing is
     * written to {@code out} when the contents do not fit {@code reservedBytes}.
     */
    public static void write(PDDocument doc, int reservedBytes, DigestAlgorithm digest, ContentsMaker maker,
            OutputStream out) {
        try {
            ExternalSigningSupport support = doc.saveIncrementalForExternalSigning(out);
            byte[] hash;
            try (InputStream content = support.getContent()) {
                hash = digest(content, digest.newDigest());
            }
            byte[] contents = maker.contents(hash);
            if (contents.length > reservedBytes) {
                throw new PlaceholderTooSmall(contents.length);
            }
            support.setSignature(fillingTheGap(contents, doc));
        } catch (IOException e) {
            throw new SigningException(ErrorCode.IO_ERROR, "cannot write the signed PDF: " + e.getMessage(), e);
        }
    }

    /**
     * {@code contents} zero-padded to the whole /ByteRange gap. In an encrypted PDF, PDFBox writes
     * the placeholder encrypted (ciphertext, and longer than reserved) and then overwrites only the
     * start of it: what would follow the CMS is ciphertext, which strict readers (Bouncy Castle
     * from 1.87, kyso's own verifier) refuse. /Contents of a signature dictionary is never
     * encrypted (ISO 32000-2, 7.6.2), so it must hold the CMS and zeros only.
     */
    static byte[] fillingTheGap(byte[] contents, PDDocument doc) {
        if (!doc.isEncrypted()) {
            return contents; // the placeholder is exactly the zeros reserved
        }
        PDSignature signature = doc.getLastSignatureDictionary();
        int[] br = signature == null ? null : signature.getByteRange();
        if (br == null || br.length != 4) {
            return contents;
        }
        int room = (br[2] - br[1] - 2) / 2;
        return room > contents.length ? java.util.Arrays.copyOf(contents, room) : contents;
    }

    /** Digests a stream in 64 KiB chunks. */
    public static byte[] digest(InputStream in, MessageDigest md) throws IOException {
        byte[] buffer = new byte[65536];
        int n;
        while ((n = in.read(buffer)) > 0) {
            md.update(buffer, 0, n);
        }
        return md.digest();
    }
}
