package vn.kyso.ca.profile;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

import vn.kyso.ca.Agency;
import vn.kyso.ca.CaSettings;
import vn.kyso.ca.Officer;

/**
 * Subjects as Vietnamese CAs write them (signing-rules-vn.md). Texts are UTF8String (Vietnamese
 * diacritics), C PrintableString, E IA5String, as BCStyle encodes them.
 */
public final class SubjectNames {

    private SubjectNames() {
    }

    /**
     * C=VN, ST=province, L=province, O=organisation, OU=unit, CN=full name, UID=CCCD:...; OU only
     * when it says more than O (an officer of a top-level unit has none) and E only when
     * {@code profiles} asks for it: the address is in subjectAltName, where RFC 5280 puts it.
     *
     * @param organisation the body the officer's unit belongs to (the unit itself at the top)
     */
    public static X500Name personal(Officer officer, String organisation, CaSettings.Profiles profiles) {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
        b.addRDN(BCStyle.C, "VN");
        b.addRDN(BCStyle.ST, profiles.province());
        b.addRDN(BCStyle.L, profiles.province());
        b.addRDN(BCStyle.O, organisation);
        if (profiles.unitRepeatsOrganisation() || !officer.unit().name().equals(organisation)) {
            b.addRDN(BCStyle.OU, officer.unit().name());
        }
        b.addRDN(BCStyle.CN, officer.fullName());
        b.addRDN(BCStyle.UID, "CCCD:" + officer.cccd());
        if (profiles.subjectEmail()) {
            b.addRDN(BCStyle.EmailAddress, officer.email());
        }
        return b.build();
    }

    /** C=VN, ST=province, L=province, O=parent body, CN=agency name, UID=MST:..., E=mail when known and asked for. */
    public static X500Name agency(Agency agency, CaSettings.Profiles profiles) {
        String province = profiles.province();
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
        b.addRDN(BCStyle.C, "VN");
        b.addRDN(BCStyle.ST, province);
        b.addRDN(BCStyle.L, province);
        b.addRDN(BCStyle.O, agency.parentBody());
        b.addRDN(BCStyle.CN, agency.name());
        b.addRDN(BCStyle.UID, "MST:" + agency.mst());
        if (agency.email() != null && profiles.subjectEmail()) {
            b.addRDN(BCStyle.EmailAddress, agency.email());
        }
        return b.build();
    }
}
