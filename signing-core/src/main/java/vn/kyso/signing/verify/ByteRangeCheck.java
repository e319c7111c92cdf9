package vn.kyso.signing.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

import org.apache.pdfbox.cos.COSObjectKey;

/**
 * The structural rules for a signed byte range, the ones that defeat universal signature
 * forgery and signature wrapping: four non-negative integers, starting at 0, exactly one gap,
 * and the gap is exactly this signature's {@code /Contents} hex string (delimiters included),
 * holding only hex digits, with only zero padding after the DER or BER value; the range ends where a
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
            return "/Contents does not hold a DER- or BER-encoded signature";
        }
        for (int k = derLength; k < decoded.length; k++) {
            if (decoded[k] != 0) {
                return "/Contents holds data after the signature";
            }
        }
        return null;
    }

    /** The value of /Contents without the zero padding after the (DER or BER) object. */
    static byte[] der(byte[] contents) {
        int n = derLength(contents);
        return n <= 0 || n == contents.length ? contents : Arrays.copyOf(contents, n);
    }

    /**
     * The length of the SEQUENCE at the start of {@code v} (tag, length and content), or -1.
     * A definite length is read in constant time (DER, the common case); an indefinite length
     * (BER, as Adobe's and other signers' CMS often is) is found by walking the nested elements
     * to their end-of-contents markers.
     */
    static int derLength(byte[] v) {
        if (v.length < 2 || v[0] != 0x30) {
            return -1;
        }
        return elementEnd(v, 0, 0);
    }

    private static final int MAX_BER_DEPTH = 64;

    /** Where the BER element starting at {@code at} ends (exclusive), or -1 when malformed. */
    private static int elementEnd(byte[] v, int at, int depth) {
        if (depth > MAX_BER_DEPTH || at + 2 > v.length) {
            return -1;
        }
        int tag = v[at] & 0xff;
        int p = at + 1;
        if ((tag & 0x1f) == 0x1f) { // high tag number: base-128 continuation bytes
            while (p < v.length && (v[p] & 0x80) != 0) {
                p++;
            }
            p++;
        }
        if (p >= v.length) {
            return -1;
        }
        int first = v[p++] & 0xff;
        if (first < 0x80) {
            return p + first <= v.length ? p + first : -1;
        }
        if (first == 0x80) {
            if ((tag & 0x20) == 0) {
                return -1; // indefinite length is only for constructed encodings
            }
            while (p + 1 < v.length) {
                if (v[p] == 0 && v[p + 1] == 0) {
                    return p + 2;
                }
                p = elementEnd(v, p, depth + 1);
                if (p < 0) {
                    return -1;
                }
            }
            return -1;
        }
        int lengthBytes = first & 0x7f;
        if (lengthBytes > 4 || p + lengthBytes > v.length) {
            return -1;
        }
        long len = 0;
        for (int k = 0; k < lengthBytes; k++) {
            len = len << 8 | (v[p + k] & 0xff);
        }
        long total = p + lengthBytes + len;
        return total <= v.length ? (int) total : -1;
    }

    /** The digest of the two signed ranges (the range must have passed {@link #problem}). */
    static byte[] digest(byte[] bytes, long[] range, VerifierDigest algorithm) {
        MessageDigest md = algorithm.newDigest();
        md.update(bytes, (int) range[0], (int) range[1]);
        md.update(bytes, (int) range[2], (int) range[3]);
        return md.digest();
    }

    /** The two signed ranges as one array (only for what needs the message itself: pure EdDSA). */
    static byte[] signedBytes(byte[] bytes, long[] range) {
        byte[] out = new byte[(int) (range[1] + range[3])];
        System.arraycopy(bytes, (int) range[0], out, 0, (int) range[1]);
        System.arraycopy(bytes, (int) range[2], out, (int) range[1], (int) range[3]);
        return out;
    }

    /** Where {@code key}'s object starts in the revision's cross-reference data (negative: compressed), or null. */
    static Long objectOffset(org.apache.pdfbox.pdmodel.PDDocument revision, COSObjectKey key) {
        return key == null ? null : revision.getDocument().getXrefTable().get(key);
    }
}
