package vn.kyso.server.signing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateKind;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.server.security.KysoUser;
import vn.kyso.server.security.Role;
import vn.kyso.server.signing.SigningRefusedException.Reason;
import vn.kyso.signing.VisibleSignature;

/**
 * The images a visible signature draws, as the console manages them: each account's own
 * handwritten signature, and an agency's seal, which its admin and its designated clerks (the
 * people who press it) may store. Seal changes go to the CA's audit chain through {@link AgencyClerks}.
 */
@Service
public class SigningImages {

    /**
     * An agency certificate's seal as the console shows it.
     *
     * @param serial     lower-case hex
     * @param agency     the agency's name (the certificate's common name)
     * @param diameterMm the stored real diameter, or null when no seal is stored yet
     */
    public record SealInfo(String serial, String agency, Double diameterMm) {
        public boolean stored() {
            return diameterMm != null;
        }

        /** The diameter the form offers: the stored one, else the usual 38 mm. */
        public double diameterOrDefault() {
            return diameterMm != null ? diameterMm : VisibleSignature.AgencySeal.DEFAULT_DIAMETER_MM;
        }
    }

    private final SigningStore store;
    private final CertificateAuthority ca;
    private final AgencyClerks clerks;

    SigningImages(SigningStore store, CertificateAuthority ca, AgencyClerks clerks) {
        this.store = store;
        this.ca = ca;
        this.clerks = clerks;
    }

    public Optional<byte[]> signatureImage(KysoUser user) {
        return store.signatureImage(user.accountId());
    }

    /** Stores the account's handwritten signature after the checks signing makes, so it fails now, not at signing. */
    public void storeSignatureImage(KysoUser user, byte[] png) {
        new VisibleSignature.PersonalSignature(png, new VisibleSignature.Placement.Area(1, 0, 0, 1, 1));
        store.putSignatureImage(user.accountId(), png);
    }

    boolean isAdmin(KysoUser user) {
        return user.hasRole(Role.ADMIN);
    }

    /** The seals of the agency certificates the account is a clerk of. */
    List<SealInfo> sealsFor(KysoUser user) {
        List<SealInfo> seals = new ArrayList<>();
        for (String serial : store.certificatesClerkedBy(user.accountId())) {
            ca.certificate(new BigInteger(serial, 16)).ifPresent(r -> seals.add(info(r)));
        }
        return seals;
    }

    SealInfo sealInfo(KysoUser user, String serialHex) {
        return info(manageable(user, serialHex));
    }

    Optional<byte[]> sealImage(KysoUser user, String serialHex) {
        return store.seal(manageable(user, serialHex).serialHex()).map(SigningStore.Seal::image);
    }

    /** Replaces the seal image and/or its diameter; a diameter alone keeps the stored image. */
    void storeSeal(KysoUser user, String serialHex, byte[] png, Double diameterMm) {
        CertificateRecord record = manageable(user, serialHex);
        Optional<SigningStore.Seal> stored = store.seal(record.serialHex());
        byte[] image = png != null ? png : stored.map(SigningStore.Seal::image).orElse(null);
        double diameter = diameterMm != null ? diameterMm
                : stored.map(SigningStore.Seal::diameterMm).orElse(VisibleSignature.AgencySeal.DEFAULT_DIAMETER_MM);
        clerks.setSeal(user.getUsername(), record.serialHex(), image, diameter);
    }

    /** An agency certificate whose seal the account may see and change: the admin's, or a clerk's own. */
    private CertificateRecord manageable(KysoUser user, String serialHex) {
        CertificateRecord record = ca.certificate(SigningCertificates.parseSerial(serialHex))
                .filter(r -> r.kind() == CertificateKind.AGENCY)
                .orElseThrow(() -> new SigningRefusedException(Reason.WRONG_CERTIFICATE_KIND,
                        "not an agency certificate", "AGENCY"));
        if (!isAdmin(user) && !store.isClerk(record.serialHex(), user.accountId())) {
            throw new SigningRefusedException(Reason.NOT_A_CLERK, "not a clerk of " + record.serialHex());
        }
        return record;
    }

    private SealInfo info(CertificateRecord record) {
        return new SealInfo(record.serialHex(), DocumentSigning.commonName(record.certificate()),
                store.seal(record.serialHex()).map(SigningStore.Seal::diameterMm).orElse(null));
    }
}
