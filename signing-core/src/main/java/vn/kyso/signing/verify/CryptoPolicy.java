package vn.kyso.signing.verify;

import java.security.PublicKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;

import vn.kyso.signing.SubIndication;

/**
 * kyso's cryptographic validation policy (docs/verification-policy.md): how long each digest
 * algorithm and each key size stays reliable, and the ETSI EN 319 102-1 verdict when material
 * outlived it: CRYPTO_CONSTRAINTS_FAILURE_NO_POE when nothing proves the signature existed while
 * the algorithm was reliable, CRYPTO_CONSTRAINTS_FAILURE when a proof shows it was made later
 * (or the algorithm was never acceptable).
 */
final class CryptoPolicy {

    /** "Never reliable": before any date a document could carry. */
    static final Instant NEVER = Instant.EPOCH;

    private static final Instant RSA_1024_UNTIL = Instant.parse("2013-12-31T23:59:59Z");
    private static final Instant RSA_1536_UNTIL = Instant.parse("2019-12-31T23:59:59Z");
    private static final Instant EC_224_UNTIL = Instant.parse("2019-12-31T23:59:59Z");

    private CryptoPolicy() {
    }

    /**
     * Judges material ({@code what}, e.g. "the SHA-1 digest") reliable until {@code until}
     * (null: no end) at validation time {@code now}, given the proof of existence {@code poe}
     * (null when none). Failures and notes go to {@code verdict}.
     */
    static void judge(String what, Instant until, Instant poe, Instant now, Verdict verdict) {
        if (until == null || (until != NEVER && !now.isAfter(until))) {
            return;
        }
        if (until == NEVER) {
            verdict.indeterminate(SubIndication.CRYPTO_CONSTRAINTS_FAILURE, what + " is not acceptable at any time");
        } else if (poe == null) {
            verdict.indeterminate(SubIndication.CRYPTO_CONSTRAINTS_FAILURE_NO_POE, what + " is reliable only until "
                    + until + " and nothing (a timestamp) proves the signature existed before then");
        } else if (poe.isAfter(until)) {
            verdict.indeterminate(SubIndication.CRYPTO_CONSTRAINTS_FAILURE, what + " is reliable only until " + until
                    + " and the signature was made later (proved at " + poe + ")");
        } else {
            verdict.note(what + " is no longer reliable (since " + until + ") but a timestamp proves the signature existed at "
                    + poe + ", before then");
        }
    }

    /** Until when a public key of this kind and size is reliable (null: no end; {@link #NEVER}: never). */
    static Instant keyReliableUntil(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsaOrDsa(rsa.getModulus().bitLength());
        }
        if (key instanceof DSAPublicKey dsa) {
            return rsaOrDsa(dsa.getParams().getP().bitLength());
        }
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return bits >= 256 ? null : bits >= 224 ? EC_224_UNTIL : NEVER;
        }
        String alg = key.getAlgorithm();
        if ("Ed25519".equalsIgnoreCase(alg) || "Ed448".equalsIgnoreCase(alg) || "EdDSA".equalsIgnoreCase(alg)) {
            return null;
        }
        return NEVER;
    }

    /** A short description of the key for messages: "RSA-1024", "EC-224", "Ed448". */
    static String describe(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return "RSA-" + rsa.getModulus().bitLength();
        }
        if (key instanceof DSAPublicKey dsa) {
            return "DSA-" + dsa.getParams().getP().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return "EC-" + ec.getParams().getCurve().getField().getFieldSize();
        }
        return key.getAlgorithm();
    }

    private static Instant rsaOrDsa(int bits) {
        if (bits >= 1900) {
            return null;
        }
        return bits >= 1536 ? RSA_1536_UNTIL : bits >= 1024 ? RSA_1024_UNTIL : NEVER;
    }
}
