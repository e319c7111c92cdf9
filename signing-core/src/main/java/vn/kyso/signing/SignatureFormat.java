package vn.kyso.signing;

/**
 * How a PDF signature's CMS is encoded, from its /SubFilter and what the CMS holds. Only
 * {@link #CADES_DETACHED} can reach a PAdES baseline level; the others are reported as what
 * they are, so a reader sees a legacy signature for what it is.
 */
public enum SignatureFormat {
    /** /ETSI.CAdES.detached: PAdES (ETSI EN 319 142-1). */
    CADES_DETACHED("ETSI.CAdES.detached", false),
    /** /adbe.pkcs7.detached: a detached CMS over the byte range (ISO 32000-1 §12.8.3.3). */
    PKCS7_DETACHED("adbe.pkcs7.detached", false),
    /**
     * /adbe.pkcs7.sha1: the CMS encapsulates the SHA-1 digest of the byte range (deprecated since
     * ISO 32000-2); its strength is SHA-1's, whatever the CMS signs it with.
     */
    PKCS7_SHA1("adbe.pkcs7.sha1", true);

    private final String subFilter;
    private final boolean legacy;

    SignatureFormat(String subFilter, boolean legacy) {
        this.subFilter = subFilter;
        this.legacy = legacy;
    }

    /** The /SubFilter name. */
    public String subFilter() {
        return subFilter;
    }

    /** Whether the format is deprecated (its security rests on SHA-1). */
    public boolean legacy() {
        return legacy;
    }

    /** The format with this /SubFilter, or null. */
    public static SignatureFormat ofSubFilter(String subFilter) {
        for (SignatureFormat f : values()) {
            if (f.subFilter.equals(subFilter)) {
                return f;
            }
        }
        return null;
    }
}
