package vn.kyso.signing.verify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds cross-reference entries, in the classic xref tables written after a signed revision,
 * that point an object number at bytes that do not start with that object's header. A viewer
 * follows such an entry to another object's body (the shadow attack that changes which object
 * plays which role without adding content), while a lenient parser such as PDFBox silently
 * repairs it and sees the signed content: both must agree for the comparison to mean anything.
 * Cross-reference streams are left to the object comparison.
 */
final class XrefRedirects {

    private static final byte[] XREF = "xref".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_ENTRIES = 200_000;

    private XrefRedirects() {
    }

    /** The object numbers redirected in the updates after {@code from}. */
    static List<Long> after(byte[] bytes, long from) {
        List<Long> redirected = new ArrayList<>();
        int at = (int) Math.max(0, from);
        int entries = 0;
        while ((at = PdfFile.indexOf(bytes, XREF, at, bytes.length)) >= 0) {
            int i = at + XREF.length;
            at = i;
            int before = at - XREF.length - 1;
            if (i < bytes.length && !PdfFile.isWhiteSpace(bytes[i]) || before >= 0 && !PdfFile.isWhiteSpace(bytes[before])) {
                continue; // "startxref", or xref inside other data
            }
            while (true) {
                long[] header = new long[2];
                int next = numbers(bytes, i, header, 2);
                if (next < 0) {
                    break;
                }
                i = next;
                for (long n = header[0]; n < header[0] + header[1] && entries++ < MAX_ENTRIES; n++) {
                    i = skipSpace(bytes, i);
                    if (i + 18 > bytes.length) {
                        return redirected;
                    }
                    String entry = new String(bytes, i, 18, StandardCharsets.US_ASCII);
                    i += 18;
                    if (entry.charAt(17) == 'n' && !pointsAtOwnHeader(bytes, entry, n)) {
                        redirected.add(n);
                    }
                }
            }
        }
        return redirected;
    }

    private static boolean pointsAtOwnHeader(byte[] bytes, String entry, long number) {
        long offset;
        try {
            offset = Long.parseLong(entry.substring(0, 10));
        } catch (NumberFormatException e) {
            return true; // malformed: the parser's own problem, reported elsewhere
        }
        if (offset == 0 || offset >= bytes.length) {
            return offset == 0;
        }
        long[] found = new long[2];
        int i = numbers(bytes, skipSpace(bytes, (int) offset), found, 2);
        return i > 0 && found[0] == number && i + 3 <= bytes.length
                && new String(bytes, skipSpace(bytes, i), Math.min(3, bytes.length - skipSpace(bytes, i)),
                        StandardCharsets.US_ASCII).equals("obj");
    }

    /** Reads {@code count} unsigned integers separated by white space; the index after them, or -1. */
    private static int numbers(byte[] bytes, int i, long[] out, int count) {
        for (int k = 0; k < count; k++) {
            i = skipSpace(bytes, i);
            int start = i;
            long v = 0;
            while (i < bytes.length && bytes[i] >= '0' && bytes[i] <= '9' && i - start < 12) {
                v = v * 10 + (bytes[i] - '0');
                i++;
            }
            if (i == start) {
                return -1;
            }
            out[k] = v;
        }
        return i;
    }

    private static int skipSpace(byte[] bytes, int i) {
        while (i < bytes.length && PdfFile.isWhiteSpace(bytes[i])) {
            i++;
        }
        return i;
    }
}
