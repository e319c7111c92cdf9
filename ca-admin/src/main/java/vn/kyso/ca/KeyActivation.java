package vn.kyso.ca;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * A custody key activated by its PIN for a bounded number of signatures until a time (the
 * Cloud Signature Consortium's signature activation data). The {@code token} is known only
 * when the activation is made; it is the one secret that opens the activated key, so it is
 * never stored, logged or printed by {@link #toString()}.
 *
 * @param id             public id of the activation (to end it early or read its state)
 * @param token          the bearer secret, or null when read back later
 * @param account        the account that may use it (the one that gave the PIN)
 * @param signaturesLeft how many more signatures it allows
 * @param ended          whether it was ended early
 */
public record KeyActivation(long id, String token, BigInteger serial, String account, Instant expiresAt,
                            int signaturesLeft, boolean ended) {
    public KeyActivation {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public String serialHex() {
        return serial.toString(16);
    }

    /** Usable at {@code now}: not ended, not expired, and signatures left. */
    public boolean usableAt(Instant now) {
        return !ended && signaturesLeft > 0 && now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "KeyActivation[id=" + id + ", serial=" + serialHex() + ", account=" + account + ", expiresAt="
                + expiresAt + ", signaturesLeft=" + signaturesLeft + ", ended=" + ended + "]";
    }
}
