package vn.kyso.signing.pades;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.pdfbox.util.Hex;

import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningException.ErrorCode;
import vn.kyso.signing.cms.SignatureAlgorithm;

/**
 * Prepared two-step signatures waiting for their value: the prepared file (with a zeroed
 * /Contents) on disk, and what is needed to finish. Entries expire; each completes once.
 */
final class PreparedStore {

    /** One prepared signature. */
    record Entry(Path file, int[] byteRange, SignRequest request, SignatureAlgorithm algorithm, byte[] signedAttributes,
            String fieldName, Instant claimedTime, Instant expires) {

        /** Copies the prepared file, writing {@code cms} (hex, zero padded) into its /Contents hole. */
        void copyWithContents(byte[] cms, OutputStream out) throws IOException {
            // the whole gap: in an encrypted PDF the prepared placeholder is ciphertext, not zeros
            byte[] hex = Hex.getBytes(java.util.Arrays.copyOf(cms, Math.max(cms.length, (byteRange[2] - byteRange[1] - 2) / 2)));
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 65536)) {
                transfer(in, out, byteRange[1] + 1L);
                in.skipNBytes(hex.length);
                out.write(hex);
                transfer(in, out, Files.size(file) - byteRange[1] - 1L - hex.length);
            }
        }

        private static void transfer(InputStream in, OutputStream out, long n) throws IOException {
            byte[] buffer = new byte[65536];
            long left = n;
            while (left > 0) {
                int r = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (r < 0) {
                    throw new IOException("prepared file shorter than expected");
                }
                out.write(buffer, 0, r);
                left -= r;
            }
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lifetime;

    PreparedStore(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    Instant expiryFromNow() {
        return clock.instant().plus(lifetime);
    }

    String put(Entry entry) {
        purgeExpired();
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        entries.put(handle, entry);
        return handle;
    }

    /** Removes and returns the entry: a handle completes at most once. */
    Entry take(String handle) {
        Entry e = handle == null ? null : entries.remove(handle);
        if (e == null || clock.instant().isAfter(e.expires())) {
            if (e != null) {
                delete(e.file());
            }
            throw new SigningException(ErrorCode.INVALID_SIGNING_HANDLE,
                    "unknown, expired or already completed signing handle");
        }
        return e;
    }

    /** Forgets {@code handle} and deletes its file; nothing happens for an unknown handle. */
    void discard(String handle) {
        Entry e = entries.remove(handle);
        if (e != null) {
            delete(e.file());
        }
    }

    void purgeExpired() {
        Instant now = clock.instant();
        entries.entrySet().removeIf(x -> {
            if (now.isAfter(x.getValue().expires())) {
                delete(x.getValue().file());
                return true;
            }
            return false;
        });
    }

    static void delete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // the temp directory is cleaned by the OS eventually
        }
    }
}
