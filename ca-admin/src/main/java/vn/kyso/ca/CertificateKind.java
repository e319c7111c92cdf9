package vn.kyso.ca;

/** What a certificate in the CA's register is for. */
public enum CertificateKind {
    ROOT_CA, ISSUING_CA, OCSP_RESPONDER, TSA,
    /** An officer's personal signature (profile "personal"). */
    PERSONAL,
    /** An agency's seal signature (profile "agency"). */
    AGENCY;

    public boolean isCa() {
        return this == ROOT_CA || this == ISSUING_CA;
    }

    public boolean isSubscriber() {
        return this == PERSONAL || this == AGENCY;
    }
}
