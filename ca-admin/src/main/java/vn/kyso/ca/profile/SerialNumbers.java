package vn.kyso.ca.profile;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Serial numbers of 127 random bits: positive, at most 16 octets in DER (RFC 5280 allows 20),
 * well above the CA/Browser Forum's 64 bits of entropy. Uniqueness is enforced by the register's
 * primary key; a collision (about 2^-63 after 2^32 certificates) is retried by the caller.
 */
public final class SerialNumbers {

    private final SecureRandom random;

    public SerialNumbers(SecureRandom random) {
        this.random = random;
    }

    public BigInteger next() {
        BigInteger serial;
        do {
            serial = new BigInteger(127, random);
        } while (serial.bitLength() < 64);
        return serial;
    }
}
