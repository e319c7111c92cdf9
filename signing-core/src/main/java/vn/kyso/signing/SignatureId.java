package vn.kyso.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stable identity of one signature: SHA-256 (lower-case hex) of its SignerInfo's signature
 * value. A signature keeps it whatever happens to the file around it (DSS updates at B-LT, a
 * document timestamp at B-LTA, a clerk's later stamp), and whoever sees it: the signer that made
 * it and a verifier that finds it compute the same value, so a counter can count it once.
 */
public final class SignatureId {

    private SignatureId() {
    }

    public static String of(byte[] signatureValue) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signatureValue));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
