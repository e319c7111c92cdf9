package vn.kyso.signing.pades;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

import vn.kyso.signing.DigestAlgorithm;

/** Passes bytes through while counting them and hashing them with SHA-256 (for the usage event). */
final class MeasuredOutput extends FilterOutputStream {

    private final MessageDigest sha256 = DigestAlgorithm.SHA256.newDigest();
    private long count;

    MeasuredOutput(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        sha256.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        sha256.update(b, off, len);
        count += len;
    }

    @Override
    public void close() throws IOException {
        // the caller owns the underlying stream
        out.flush();
    }

    byte[] sha256() {
        return sha256.digest();
    }

    long count() {
        return count;
    }
}
