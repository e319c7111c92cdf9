package vn.kyso.server.signing;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Service;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateKind;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.KeyExport;
import vn.kyso.server.security.KysoUser;
import vn.kyso.server.signing.SigningRefusedException.Reason;

/**
 * The one PKCS#12 export of a custody key, for its owner only: the account linked to the
 * certificate's subscriber, with the key's PIN. Not a clerk, who may use an agency's key but does
 * not hold it, and not an admin (docs/decisions.md). The CA applies the policy (refused before
 * the PIN is tried), counts the PIN attempt as for a signature and audits the export.
 */
@Service
class KeyExports {

    static final int MIN_PASSWORD_LENGTH = 8;

    private final CertificateAuthority ca;
    private final SigningCertificates certificates;

    KeyExports(CertificateAuthority ca, SigningCertificates certificates) {
        this.ca = ca;
        this.certificates = certificates;
    }

    /** A custody key of the caller's and where it stands with its export. */
    record OwnKey(String serial, CertificateKind kind, String name, Instant notAfter, KeyExport export) {
    }

    /** The file and the serial of the certificate it holds; never printed. */
    record Exported(String serialHex, byte[] pkcs12) {
        @Override
        public String toString() {
            return "Exported[" + serialHex + "]";
        }
    }

    /** The caller's valid certificates whose keys kyso holds. */
    List<OwnKey> ownKeys(KysoUser user) {
        return certificates.ownActive(user).stream()
                .filter(CertificateRecord::custodyKey)
                .map(r -> new OwnKey(r.serialHex(), r.kind(), DocumentSigning.commonName(r.certificate()), r.notAfter(), ca.keyExport(r.serial())))
                .toList();
    }

    /**
     * Exports the key of {@code serialHex}: 404 for an unknown serial, 403 for another's
     * certificate, then the CA's refusals (not a custody key, not allowed, exported already, not
     * active); a wrong PIN or a locked key answers as for a signature. Wipes both secrets.
     */
    Exported export(KysoUser user, String serialHex, char[] pin, char[] exportPassword) {
        try {
            CertificateRecord record = certificates.find(SigningCertificates.parseSerial(serialHex))
                    .orElseThrow(() -> new CaException(CaException.ErrorCode.UNKNOWN_CERTIFICATE,
                            "no certificate " + serialHex));
            if (!certificates.owns(user, record)) {
                throw new SigningRefusedException(Reason.NOT_YOUR_CERTIFICATE,
                        "certificate " + record.serialHex() + " is not the caller's");
            }
            if (pin == null || pin.length == 0) {
                throw new SigningRefusedException(Reason.INVALID_FIELD, "a PIN is required", "pin");
            }
            if (exportPassword == null || exportPassword.length < MIN_PASSWORD_LENGTH) {
                throw new SigningRefusedException(Reason.INVALID_FIELD, "the export password is too short",
                        "exportPassword");
            }
            return new Exported(record.serialHex(),
                    ca.exportPkcs12(user.getUsername(), record.serial(), pin, exportPassword));
        } catch (CaException e) {
            throw e.code() == CaException.ErrorCode.WRONG_PIN || e.code() == CaException.ErrorCode.KEY_LOCKED
                    || e.code() == CaException.ErrorCode.PIN_NOT_CHOSEN ? DocumentSigning.translate(e) : e;
        } finally {
            wipe(pin);
            wipe(exportPassword);
        }
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
