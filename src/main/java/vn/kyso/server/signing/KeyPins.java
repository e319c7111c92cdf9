package vn.kyso.server.signing;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Service;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateKind;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.server.security.KysoUser;
import vn.kyso.server.signing.SigningRefusedException.Reason;

/**
 * The holder's PIN of a custody key (EN 419241-1 sole control): only the key's holder, in their
 * own session, chooses it (a new key has none, so nobody can use it before) and changes it with
 * the current one. The holder of a personal key is the officer linked to its subscriber; of an
 * agency key, the clerks the admin named. An admin who is neither never reaches a key.
 */
@Service
public class KeyPins {

    private final CertificateAuthority ca;
    private final SigningCertificates certificates;

    KeyPins(CertificateAuthority ca, SigningCertificates certificates) {
        this.ca = ca;
        this.certificates = certificates;
    }

    /** A key the user holds and whether its PIN is chosen. */
    public record HeldKey(String serial, CertificateKind kind, String subject, Instant notAfter, boolean pinChosen) {
    }

    public List<HeldKey> heldBy(KysoUser user) {
        return certificates.usableBy(user).stream()
                .map(c -> new HeldKey(c.serial(), c.kind(), c.subject(), c.notAfter(),
                        ca.pinChosen(SigningCertificates.parseSerial(c.serial()))))
                .toList();
    }

    /**
     * Chooses the first PIN of a key that has none ({@code currentPin} is then ignored), or
     * changes it when {@code currentPin} opens the key. The secrets are wiped afterwards.
     */
    public Outcome set(KysoUser user, String serialHex, char[] currentPin, char[] newPin) {
        try {
            if (newPin == null || newPin.length == 0) {
                throw new SigningRefusedException(Reason.INVALID_FIELD, "a new PIN is required", "newPin");
            }
            CertificateRecord record = certificates.choose(user, serialHex, null);
            if (!ca.pinChosen(record.serial())) {
                ca.choosePin(user.getUsername(), record.serial(), newPin);
                return Outcome.CHOSEN;
            }
            if (currentPin == null || currentPin.length == 0) {
                throw new SigningRefusedException(Reason.INVALID_FIELD, "the current PIN is required", "currentPin");
            }
            ca.changePin(user.getUsername(), record.serial(), currentPin, newPin);
            return Outcome.CHANGED;
        } catch (CaException e) {
            if (e.code() == CaException.ErrorCode.INVALID_REQUEST) {
                throw new SigningRefusedException(Reason.INVALID_FIELD, "the new PIN has the wrong length", "newPin");
            }
            throw DocumentSigning.translate(e);
        } finally {
            wipe(currentPin);
            wipe(newPin);
        }
    }

    /** What {@link #set} did. */
    public enum Outcome { CHOSEN, CHANGED }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
