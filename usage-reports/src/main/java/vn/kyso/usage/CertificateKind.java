package vn.kyso.usage;

import java.util.Locale;

import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** Whether a certificate is an agency's (the seal signature) or a person's. */
public enum CertificateKind {
    AGENCY,
    PERSONAL,
    /** An imported or observed certificate whose subject names neither; correct it by hand. */
    UNKNOWN;

    /**
     * Infers the kind from a subject DN the way Vietnamese CAs mark it: {@code UID=MST:} (tax
     * code) or {@code UID=MNS:} (budget code) for an agency; {@code UID=CCCD:}, {@code CMND:} or
     * {@code HC:} (citizen id, old id card, passport) for a person.
     */
    public static CertificateKind inferFromSubject(String subjectDn) {
        if (subjectDn == null || subjectDn.isBlank()) {
            return UNKNOWN;
        }
        X500Name name;
        try {
            name = new X500Name(BCStyle.INSTANCE, subjectDn);
        } catch (RuntimeException e) {
            return UNKNOWN;
        }
        return inferFromSubject(name);
    }

    /** As {@link #inferFromSubject(String)}, for a parsed name. */
    public static CertificateKind inferFromSubject(X500Name subject) {
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (!atv.getType().equals(BCStyle.UID) || !(atv.getValue() instanceof ASN1String s)) {
                    continue;
                }
                String value = s.getString().trim().toUpperCase(Locale.ROOT);
                if (value.startsWith("MST:") || value.startsWith("MNS:")) {
                    return AGENCY;
                }
                if (value.startsWith("CCCD:") || value.startsWith("CMND:") || value.startsWith("HC:")) {
                    return PERSONAL;
                }
            }
        }
        return UNKNOWN;
    }

    /** Parses AGENCY / PERSONAL (any case; also the Vietnamese "tổ chức", "cá nhân"). */
    public static CertificateKind parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "agency", "organization", "tổ chức", "co quan", "cơ quan" -> AGENCY;
            case "personal", "person", "cá nhân", "ca nhan" -> PERSONAL;
            case "", "unknown" -> UNKNOWN;
            default -> throw new UsageException(UsageException.ErrorCode.INVALID_REQUEST,
                    "Unknown certificate kind '" + text + "' (expected AGENCY or PERSONAL)");
        };
    }
}
