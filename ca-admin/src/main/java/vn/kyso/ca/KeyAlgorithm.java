package vn.kyso.ca;

/** Key types the CA generates and accepts (Circular 15/2025: RSA >= 2048, ECDSA >= 256). */
public enum KeyAlgorithm {
    EC_P256("EC", "secp256r1", 256),
    EC_P384("EC", "secp384r1", 384),
    RSA_2048("RSA", null, 2048),
    RSA_3072("RSA", null, 3072),
    RSA_4096("RSA", null, 4096);

    private final String jcaName;
    private final String curve;
    private final int bits;

    KeyAlgorithm(String jcaName, String curve, int bits) {
        this.jcaName = jcaName;
        this.curve = curve;
        this.bits = bits;
    }

    /** "EC" or "RSA". */
    public String jcaName() {
        return jcaName;
    }

    /** The named curve for EC keys, null for RSA. */
    public String curve() {
        return curve;
    }

    public int bits() {
        return bits;
    }
}
