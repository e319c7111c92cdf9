package vn.kyso.signing.verify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import vn.kyso.signing.SigningException;

/**
 * The bytes of a PDF and where its revisions end (each {@code %%EOF}), with the means to open the
 * whole file or one revision (a prefix of the file) as its own document.
 */
final class PdfFile {

    /** Scratch buffers PDFBox needs while reading: memory up to a bound, then temporary files. */
    private static final MemoryUsageSetting SCRATCH = MemoryUsageSetting.setupMixed(32L * 1024 * 1024);

    private static final byte[] EOF_MARKER = "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final byte[] bytes;
    /** Offsets just after each {@code %%EOF}, in file order. */
    private final long[] revisionEnds;

    PdfFile(byte[] bytes) {
        this.bytes = bytes;
        this.revisionEnds = findRevisionEnds(bytes);
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return bytes.length;
    }

    /**
     * Whether {@code offset} is the end of a revision: just after a {@code %%EOF} marker, or after
     * the end-of-line that follows it. The file end also counts.
     */
    boolean isRevisionEnd(long offset) {
        if (offset == bytes.length) {
            return true;
        }
        for (long end : revisionEnds) {
            if (offset == end || offset == endOfLineAfter(end)) {
                return true;
            }
        }
        return false;
    }

    /** True when nothing but white space follows the last {@code %%EOF}. */
    boolean endsWithRevision() {
        if (revisionEnds.length == 0) {
            return false;
        }
        for (long i = revisionEnds[revisionEnds.length - 1]; i < bytes.length; i++) {
            if (!isWhiteSpace(bytes[(int) i])) {
                return false;
            }
        }
        return true;
    }

    /** How many {@code %%EOF} markers come after {@code offset} (later incremental updates). */
    int revisionsAfter(long offset) {
        int n = 0;
        for (long end : revisionEnds) {
            if (end > offset + 2) {
                n++;
            }
        }
        return n;
    }

    /** Opens the whole file. */
    PDDocument open() {
        return open(bytes);
    }

    /** Opens the revision that ends at {@code end} as a document of its own. */
    PDDocument openRevision(long end) {
        return open(end == bytes.length ? bytes : Arrays.copyOf(bytes, (int) end));
    }

    private static PDDocument open(byte[] data) {
        if (data.length == 0) {
            throw new SigningException(SigningException.ErrorCode.NOT_A_PDF, "The file is empty");
        }
        if (indexOf(data, "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, Math.min(data.length, 1024)) < 0) {
            throw new SigningException(SigningException.ErrorCode.NOT_A_PDF, "The file is not a PDF (no %PDF- header)");
        }
        try {
            return Loader.loadPDF(data, "", null, null, SCRATCH.streamCache);
        } catch (InvalidPasswordException e) {
            throw new SigningException(SigningException.ErrorCode.ENCRYPTED_PDF,
                    "The PDF is encrypted and cannot be opened without a password");
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new SigningException(SigningException.ErrorCode.NOT_A_PDF,
                    "The PDF structure cannot be read: " + oneLine(e), e);
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        m = m.strip().replaceAll("\\s+", " ");
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }

    private long endOfLineAfter(long end) {
        int i = (int) end;
        if (i < bytes.length && bytes[i] == '\r') {
            i++;
        }
        if (i < bytes.length && bytes[i] == '\n') {
            i++;
        }
        return i;
    }

    private static long[] findRevisionEnds(byte[] data) {
        List<Long> ends = new ArrayList<>();
        int from = 0;
        while (true) {
            int i = indexOf(data, EOF_MARKER, from, data.length);
            if (i < 0) {
                break;
            }
            ends.add((long) i + EOF_MARKER.length);
            from = i + EOF_MARKER.length;
        }
        return ends.stream().mapToLong(Long::longValue).toArray();
    }

    static boolean isWhiteSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0;
    }

    static int indexOf(byte[] data, byte[] pattern, int from, int to) {
        outer:
        for (int i = Math.max(0, from); i <= to - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
