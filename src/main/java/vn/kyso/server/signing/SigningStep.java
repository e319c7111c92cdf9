package vn.kyso.server.signing;

import vn.kyso.ca.CertificateKind;

/** The steps of Decree 30/2020 the service performs, and the certificate kind each needs. */
public enum SigningStep {
    /** A signature with one's own certificate (personal; an agency one for its clerks). */
    SIGN(null),
    /** "Ban hành": the agency seal over the leader's signature, with the document number and date. */
    ISSUE(CertificateKind.AGENCY),
    /** "Phụ lục": the agency's text-only signature on a separate appendix file. */
    APPENDIX(CertificateKind.AGENCY),
    /** "Bản sao": the agency's text-only signature on a copy. */
    COPY(CertificateKind.AGENCY);

    private final CertificateKind kind;

    SigningStep(CertificateKind kind) {
        this.kind = kind;
    }

    /** The certificate kind the step needs; null when any of the caller's own will do. */
    public CertificateKind kind() {
        return kind;
    }
}
