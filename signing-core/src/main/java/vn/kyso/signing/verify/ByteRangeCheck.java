package vn.kyso.signing.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

import org.apache.pdfbox.cos.COSObjectKey;

import vn.kyso.signing.DigestAlgorithm;

/**
 * The structural rules for a signed byte range, the ones that defeat universal signature
 * forgery and signature wrapping: four non-negative integers, starting at 0, exactly one gap,
 * and the gap is exactly this signature's {@code /Contents} hex string (delimiters included),
 * holding only hex digits, with only zero padding after the DER value; the range ends where a
 * revision ends.
 */
final class ByteRangeCheck {

    private static final byte[] CONTENTS_KEY = "/Contents".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENDOBJ = "endobj".getBytes(StandardCharsets.US_ASCII);

    private ByteRangeCheck() {
    }

    /**
     * Checks {@code candidate} against {@code file}; {@code signedObjectOffset} is where the
     * object holding the dictionary starts in the signed revision (null when unknown, negative
     * when it is compressed in an object stream).
     *
     * @return why the range is unacceptable, or null when it is acceptable
     */
    static String problem(PdfFile file, SignatureCandidate candidate, Long signedObjectOffset) {
        if (candidate.contents() == null) {
            return "the signature has no /Contents string";
        }
        if (candidate.contents().length == 0) {
            return "the signature's /Contents is empty";
        }
        if (candidate.byteRangeProblem() != null) {
            return candidate.byteRangeProblem();
        }
        long[] r = candidate.byteRange();
        byte[] bytes = file.bytes();
        long gapStart = r[0] + r[1];
        long gapEnd = r[2];
        long end = r[2] + r[3];
        if (r[0] != 0) {
            return "/ByteRange does not start at the beginning of the file";
        }
        if (r[1] < 1 || gapEnd < gapStart + 2 || end > bytes.length) {
            return "/ByteRange does not describe two ranges with one gap inside the file";
        }
        if (!file.isRevisionEnd(end)) {
            return "the signed range does not end where a revision of the file ends";
        }
        int a = (int) gapStart;
        int b = (int) gapEnd;
        if (bytes[a] != '<' || bytes[b - 1] != '>') {
            return "the gap in /ByteRange is not exactly the /Contents hex string";
        }
        int hexDigits = b - a - 2;
        if (hexDigits % 2 != 0) {
            return "the /Contents hex string has an odd number of digits";
        }
        byte[] decoded = new byte[hexDigits / 2];
        for (int i = 0; i < decoded.length; i++) {
            int hi = Character.digit(bytes[a + 1 + 2 * i], 16);
            int lo = Character.digit(bytes[a + 2 + 2 * i], 16);
            if (hi < 0 || lo < 0) {
                return "the gap in /ByteRange holds something other than the /Contents hex digits";
            }
            decoded[i] = (byte) (hi << 4 | lo);
        }
        if (!Arrays.equals(decoded, candidate.contents())) {
            return "the gap in /ByteRange is not this signature's /Contents";
        }
        int i = a - 1;
        while (i >= 0 && PdfFile.isWhiteSpace(bytes[i])) {
            i--;
        }
        int keyStart = i - CONTENTS_KEY.length + 1;
        if (keyStart < 0 || PdfFile.indexOf(bytes, CONTENTS_KEY, keyStart, i + 1) != keyStart) {
            return "the gap in /ByteRange is not the value of a /Contents entry";
        }
        if (signedObjectOffset != null && signedObjectOffset < 0) {
            return "the signature dictionary is inside an object stream, so its /Contents cannot be the gap";
        }
        if (signedObjectOffset != null && (signedObjectOffset >= keyStart
                || PdfFile.indexOf(bytes, ENDOBJ, (int) (long) signedObjectOffset, keyStart) >= 0)) {
            return "the gap in /ByteRange lies outside the signature dictionary";
        }
        int derLength = derLength(decoded);
        if (derLength < 0) {
            return "/Contents does not hold a DER-encoded signature";
        }
        for (int k = derLength; k < decoded.length; k++) {
            if (decoded[k] != 0) {
                return "/Contents holds data after the signature";
            }
        }
        return null;
    }

    /** The value of /Contents without the zero padding after the DER object. */
    static byte[] der(byte[] contents) {
        int n = derLength(contents);
        return n <= 0 || n == contents.length ? contents : Arrays.copyOf(contents, n);
    }

    /** The length of the DER SEQUENCE at the start of {@code v} (tag, length and content), or -1. */
    static int derLength(byte[] v) {
        if (v.length < 2 || v[0] != 0x30) {
            return -1;
        }
        int first = v[1] & 0xff;
        if (first < 0x80) {
            return first + 2 <= v.length ? first + 2 : -1;
        }
        int lengthBytes = first & 0x7f;
        if (lengthBytes == 0 || lengthBytes > 4 || 2 + lengthBytes > v.length) {
            return -1;
        }
        long len = 0;
        for (int k = 0; k < lengthBytes; k++) {
            len = len << 8 | (v[2 + k] & 0xff);
        }
        long total = 2 + lengthBytes + len;
        return total <= v.length ? (int) total : -1;
    }

    /** The digest of the two signed ranges (the range must have passed {@link #problem}). */
    static byte[] digest(byte[] bytes, long[] range, DigestAlgorithm algorithm) {
        MessageDigest md = algorithm.newDigest();
        md.update(bytes, (int) range[0], (int) range[1]);
        md.update(bytes, (int) range[2], (int) range[3]);
        return md.digest();
    }

    /** Where {@code key}'s object starts in the revision's cross-reference data (negative: compressed), or null. */
    static Long objectOffset(org.apache.pdfbox.pdmodel.PDDocument revision, COSObjectKey key) {
        return key == null ? null : revision.getDocument().getXrefTable().get(key);
    }
}
