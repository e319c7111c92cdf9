package vn.kyso.ca.custody;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import vn.kyso.ca.CaException;

/**
 * The secret of a key activation: 16 random bytes that find its row (only their SHA-256 is
 * stored) and the 32-byte AES key the activated key is wrapped under (stored nowhere), written
 * {@code kysa_} + base64url. {@link #wipe()} once done with it.
 */
final class ActivationToken {

    static final String PREFIX = "kysa_";
    private static final int LOOKUP = 16;
    private static final int KEY = 32;

    private final byte[] secret;

    private ActivationToken(byte[] secret) {
        this.secret = secret;
    }

    static ActivationToken random(SecureRandom random) {
        byte[] secret = new byte[LOOKUP + KEY];
        random.nextBytes(secret);
        return new ActivationToken(secret);
    }

    /** The token a client gave back; ACTIVATION_UNKNOWN when it cannot be one. */
    static ActivationToken parse(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            throw unknown();
        }
        try {
            byte[] secret = Base64.getUrlDecoder().decode(token.substring(PREFIX.length()).strip());
            if (secret.length != LOOKUP + KEY) {
                throw unknown();
            }
            return new ActivationToken(secret);
        } catch (IllegalArgumentException e) {
            throw unknown();
        }
    }

    String text() {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** What the database keeps to find the row: the SHA-256 of the lookup half, in hex. */
    String lookupHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(secret, 0, LOOKUP);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** A copy of the wrapping key; the caller wipes it. */
    byte[] key() {
        return Arrays.copyOfRange(secret, LOOKUP, LOOKUP + KEY);
    }

    void wipe() {
        Arrays.fill(secret, (byte) 0);
    }

    /** Binds the wrapped key to its row: moving it to another row, serial or account makes it unreadable. */
    static byte[] aad(String lookupHash, String serial, String account, String algorithm) {
        return ("kyso-activation-v1|" + lookupHash + "|" + serial + "|" + account + "|" + algorithm)
                .getBytes(StandardCharsets.UTF_8);
    }

    static CaException unknown() {
        return new CaException(CaException.ErrorCode.ACTIVATION_UNKNOWN, "no key activation has this token");
    }

    @Override
    public String toString() {
        return "ActivationToken[***]";
    }
}
