package vn.kyso.server.signing;

import java.time.Duration;
import java.util.Arrays;

import org.springframework.stereotype.Service;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.KeyActivation;
import vn.kyso.server.security.Accounts;
import vn.kyso.server.security.KysoUser;
import vn.kyso.server.signing.SigningRefusedException.Reason;

/**
 * Key activations for the service: an officer gives the PIN once and gets a token good for a
 * bounded number of signatures for a short time (limits: {@code kyso.signing.activation.*}).
 * Only the owner's own valid custody certificates can be activated; each use is checked again
 * (certificate status in the CA, account still enabled), so a revocation, a suspension or a
 * disabled account stops an activation at once.
 */
@Service
public class SigningActivations {

    private final CertificateAuthority ca;
    private final SigningCertificates certificates;
    private final Accounts accounts;
    private final SigningProperties.Activation limits;

    SigningActivations(CertificateAuthority ca, SigningCertificates certificates, Accounts accounts,
            SigningProperties properties) {
        this.ca = ca;
        this.certificates = certificates;
        this.accounts = accounts;
        this.limits = properties.activation();
    }

    /** Issue 13: an account disabled or changed keeps no key activation, on any instance (they live in the database). */
    @org.springframework.context.event.EventListener
    void accountChanged(vn.kyso.server.security.AccountAccessEnded ended) {
        ca.endKeyActivationsOf(ended.actor(), ended.username());
    }

    /**
     * Checks the PIN and activates {@code serialHex} (or the caller's only usable certificate)
     * for {@code signatures} signatures during {@code lifetime} (null: the longest allowed).
     */
    public KeyActivation authorize(KysoUser user, String serialHex, char[] pin, Integer signatures, Duration lifetime) {
        try {
            if (pin == null || pin.length == 0) {
                throw new SigningRefusedException(Reason.INVALID_FIELD, "a PIN is required", "pin");
            }
            if (signatures == null) {
                throw new SigningRefusedException(Reason.INVALID_FIELD, "signatures is required", "signatures");
            }
            Duration ttl = lifetime == null ? limits.maxLifetime() : lifetime;
            if (signatures < 1 || signatures > limits.maxSignatures() || ttl.isNegative() || ttl.isZero()
                    || ttl.compareTo(limits.maxLifetime()) > 0) {
                throw new SigningRefusedException(Reason.ACTIVATION_LIMIT, "activation outside the limits",
                        limits.maxSignatures(), limits.maxLifetime().toMinutes());
            }
            CertificateRecord record = certificates.choose(user, serialHex, null);
            return ca.activateCustodyKey(user.getUsername(), record.serial(), pin, signatures, ttl);
        } catch (CaException e) {
            throw DocumentSigning.translate(e);
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }

    /** The caller's activation by id. */
    public KeyActivation find(KysoUser user, long id) {
        try {
            return ca.keyActivation(user.getUsername(), id);
        } catch (CaException e) {
            throw DocumentSigning.translate(e);
        }
    }

    /** Ends the caller's activation now. */
    public KeyActivation end(KysoUser user, long id) {
        try {
            return ca.endKeyActivation(user.getUsername(), id);
        } catch (CaException e) {
            throw DocumentSigning.translate(e);
        }
    }

    /**
     * The certificate an order's activation is for, after checking that the order brings no PIN
     * besides, names no other certificate, and that the account is still enabled (a console
     * session keeps its account from the login; an API call reloads it).
     */
    String certificateOf(KysoUser user, SigningOrder order) {
        if (order.pin().length > 0) {
            throw new SigningRefusedException(Reason.INVALID_FIELD, "pin and activation together", "pin");
        }
        if (!accounts.get(user.accountId()).enabled()) {
            throw new SigningRefusedException(Reason.ACTIVATION_NOT_YOURS, "the account is disabled");
        }
        KeyActivation activation = ca.keyActivation(user.getUsername(), order.activation());
        String named = order.certificateSerial();
        if (named != null && !named.isBlank()
                && !SigningCertificates.parseSerial(named).equals(activation.serial())) {
            throw new SigningRefusedException(Reason.INVALID_FIELD, "the activation is for another certificate",
                    "certificate");
        }
        return activation.serialHex();
    }
}
