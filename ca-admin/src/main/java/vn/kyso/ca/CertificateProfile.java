package vn.kyso.ca;

import java.util.Locale;

/** The end-entity certificate profiles (signing-rules-vn.md); names are what requests carry. */
public enum CertificateProfile {
    /** An officer's personal certificate: subject with UID=CCCD:..., 3 years by default. */
    PERSONAL("personal", SubscriberKind.OFFICER, CertificateKind.PERSONAL),
    /** An agency's (seal) certificate: subject with UID=MST:..., 5 years by default. */
    AGENCY("agency", SubscriberKind.AGENCY, CertificateKind.AGENCY);

    private final String profileName;
    private final SubscriberKind subscriberKind;
    private final CertificateKind certificateKind;

    CertificateProfile(String profileName, SubscriberKind subscriberKind, CertificateKind certificateKind) {
        this.profileName = profileName;
        this.subscriberKind = subscriberKind;
        this.certificateKind = certificateKind;
    }

    public String profileName() {
        return profileName;
    }

    public SubscriberKind subscriberKind() {
        return subscriberKind;
    }

    public CertificateKind certificateKind() {
        return certificateKind;
    }

    /** The profile with this name (case-insensitive); any other name is an {@code UNKNOWN_PROFILE}. */
    public static CertificateProfile named(String name) {
        if (name != null) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            for (CertificateProfile p : values()) {
                if (p.profileName.equals(wanted)) {
                    return p;
                }
            }
        }
        throw new CaException(CaException.ErrorCode.UNKNOWN_PROFILE,
                "unknown certificate profile '" + name + "' (known: personal, agency)");
    }
}
