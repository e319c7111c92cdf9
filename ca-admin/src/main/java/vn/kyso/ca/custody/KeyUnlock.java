package vn.kyso.ca.custody;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.security.auth.DestroyFailedException;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CertificateStatus;
import vn.kyso.ca.KeyExport;
import vn.kyso.ca.KeyUse;
import vn.kyso.ca.UnlockedKey;
import vn.kyso.ca.audit.AuditLog;
import vn.kyso.ca.db.CaDatabase;
import vn.kyso.ca.hierarchy.Hierarchy;
import vn.kyso.ca.register.CertificateRegister;

/**
 * Opens a custody key for one use (a signature, or the one PKCS#12 export). Every attempt is
 * audited and committed, wrong PINs included, before a failure is reported.
 */
public final class KeyUnlock {

    static final int MIN_PIN = 6;
    static final int MAX_PIN = 64;

    private final CaDatabase db;
    private final CertificateRegister register;
    private final KeyCustody custody;
    private final Hierarchy hierarchy;
    private final AuditLog audit;
    private final Clock clock;

    public KeyUnlock(CaDatabase db, CertificateRegister register, KeyCustody custody, Hierarchy hierarchy,
                     AuditLog audit, Clock clock) {
        this.db = db;
        this.register = register;
        this.custody = custody;
        this.hierarchy = hierarchy;
        this.audit = audit;
        this.clock = clock;
    }

    /** Gives the key and its chain to {@code use}, then drops it. */
    public <T> T use(String actor, BigInteger serial, char[] pin, KeyUse<T> use) {
        CertificateRecord record = usable(serial);
        PrivateKey key = open(actor, record, pin, Purpose.SIGN, null);
        return useAndDestroy(key, chain(record), use);
    }

    /** Runs {@code use} with the key and its chain, then drops the key. */
    static <T> T useAndDestroy(PrivateKey key, List<X509Certificate> chain, KeyUse<T> use) {
        try {
            return use.use(new UnlockedKey(key, chain));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CaException(CaException.ErrorCode.CRYPTO_ERROR, "the operation with the unlocked key failed", e);
        } finally {
            destroy(key);
        }
    }

    /**
     * Opens the key with the PIN (the same counted, audited attempt as for one signature) and
     * hands it to {@code onOpened} inside the attempt's transaction; what it returns becomes the
     * details of the KEY_ACTIVATED audit entry. The key is dropped afterwards.
     */
    void activate(String actor, BigInteger serial, char[] pin, OnOpened onOpened) {
        CertificateRecord record = usable(serial);
        destroy(open(actor, record, pin, Purpose.ACTIVATE, onOpened));
    }

    /** Work done with an opened key inside the PIN attempt's transaction; returns the audit details. */
    interface OnOpened {
        String opened(PrivateKey key, CertificateRecord record);
    }

    private enum Purpose {
        SIGN("KEY_UNLOCKED"), EXPORT("KEY_EXPORTED"), ACTIVATE("KEY_ACTIVATED");

        final String action;

        Purpose(String action) {
            this.action = action;
        }
    }

    /**
     * The one PKCS#12 export a policy may allow, protected by {@code exportPassword}. An export
     * the policy refuses, or one made already, is refused before the PIN is tried: it counts no
     * attempt and tells nothing about the PIN.
     */
    public byte[] exportPkcs12(String actor, BigInteger serial, char[] pin, char[] exportPassword) {
        if (exportPassword == null || exportPassword.length < 8) {
            throw new CaException(CaException.ErrorCode.INVALID_REQUEST,
                    "the export password must have at least 8 characters");
        }
        CertificateRecord record = usable(serial);
        KeyExport state = custody.export(custodyId(serial));
        if (state != KeyExport.AVAILABLE) {
            db.inTransaction(() -> audit.append(actor, "KEY_EXPORT_REFUSED", record.serialHex(),
                    state == KeyExport.DONE ? "exported already" : "not allowed by policy"));
            throw exportRefused(state);
        }
        PrivateKey key = open(actor, record, pin, Purpose.EXPORT, null);
        try {
            KeyStore p12 = KeyStore.getInstance("PKCS12");
            p12.load(null, null);
            List<X509Certificate> chain = chain(record);
            p12.setKeyEntry("kyso-" + record.serialHex(), key, exportPassword, chain.toArray(new Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            p12.store(out, exportPassword);
            return out.toByteArray();
        } catch (Exception e) {
            throw new CaException(CaException.ErrorCode.CRYPTO_ERROR, "cannot write the PKCS#12 export", e);
        } finally {
            destroy(key);
        }
    }

    public KeyExport exportState(BigInteger serial) {
        return custody.export(custodyId(serial));
    }

    private static CaException exportRefused(KeyExport state) {
        return state == KeyExport.DONE
                ? new CaException(CaException.ErrorCode.ALREADY_EXPORTED, "this key was exported already")
                : new CaException(CaException.ErrorCode.EXPORT_NOT_ALLOWED, "policy does not allow exporting this key");
    }

    /**
     * The key holder's first PIN (the caller has checked that {@code actor} is the holder). There
     * is no PIN reset: a forgotten PIN or a locked key is cured by a new key and certificate.
     */
    public void choosePin(String actor, BigInteger serial, char[] pin) {
        requirePinShape(pin);
        CertificateRecord record = usable(serial);
        long id = custodyId(serial);
        boolean chosen = db.inTransaction(() -> {
            boolean done = custody.choosePin(id, pin);
            audit.append(actor, done ? "KEY_PIN_CHOSEN" : "KEY_PIN_CHOICE_REFUSED", record.serialHex(),
                    done ? "" : "a PIN was chosen already");
            return done;
        });
        if (!chosen) {
            throw new CaException(CaException.ErrorCode.PIN_ALREADY_CHOSEN,
                    "a PIN was chosen already; changing it needs the current PIN");
        }
    }

    /** The holder changes their PIN; the old PIN is tried and counted as for a signature. */
    public void changePin(String actor, BigInteger serial, char[] oldPin, char[] newPin) {
        requirePinShape(newPin);
        CertificateRecord record = usable(serial);
        long id = custodyId(serial);
        if (oldPin == null || oldPin.length == 0) {
            throw new CaException(CaException.ErrorCode.WRONG_PIN, "the current PIN is required");
        }
        KeyCustody.Opened opened = db.inTransaction(() -> {
            KeyCustody.Opened o = custody.changePin(id, oldPin, newPin);
            if (o.attempt() == KeyCustody.Attempt.OPENED) {
                destroy(o.key());
                audit.append(actor, "KEY_PIN_CHANGED", record.serialHex(), "");
            } else {
                auditFailure(actor, record.serialHex(), o);
            }
            return o;
        });
        if (opened.attempt() != KeyCustody.Attempt.OPENED) {
            throw failure(opened);
        }
    }

    /** Whether the key's holder has chosen a PIN (a key issued without one cannot be used yet). */
    public boolean pinChosen(BigInteger serial) {
        return custody.pinChosen(custodyId(serial));
    }

    private static void requirePinShape(char[] pin) {
        if (pin == null || pin.length < MIN_PIN || pin.length > MAX_PIN) {
            throw new CaException(CaException.ErrorCode.INVALID_REQUEST,
                    "the PIN must have " + MIN_PIN + " to " + MAX_PIN + " characters");
        }
    }

    public boolean isLocked(BigInteger serial) {
        return custody.isLocked(custodyId(serial));
    }

    private PrivateKey open(String actor, CertificateRecord record, char[] pin, Purpose purpose, OnOpened onOpened) {
        boolean export = purpose == Purpose.EXPORT;
        long id = custodyId(record.serial());
        if (pin == null || pin.length == 0) {
            throw new CaException(CaException.ErrorCode.WRONG_PIN, "a PIN is required");
        }
        KeyCustody.Opened opened = db.inTransaction(() -> {
            KeyCustody.Opened o = custody.open(id, pin);
            String target = record.serialHex();
            switch (o.attempt()) {
                case OPENED -> {
                    // checked before the PIN too; claimed here, under the row's lock, so two exports never both pass
                    if (export && !custody.claimExport(id)) {
                        audit.append(actor, "KEY_EXPORT_REFUSED", target, "exported already");
                        return new KeyCustody.Opened(KeyCustody.Attempt.OPENED, null, 0);
                    }
                    String details = onOpened == null ? "" : onOpened.opened(o.key(), record);
                    audit.append(actor, purpose.action, target, details);
                }
                default -> auditFailure(actor, target, o);
            }
            return o;
        });
        if (opened.attempt() == KeyCustody.Attempt.OPENED) {
            if (opened.key() == null) {
                throw exportRefused(KeyExport.DONE);
            }
            return opened.key();
        }
        throw failure(opened);
    }

    private void auditFailure(String actor, String target, KeyCustody.Opened o) {
        switch (o.attempt()) {
            case WRONG_PIN -> audit.append(actor, "KEY_UNLOCK_FAILED", target, "attemptsLeft=" + o.attemptsLeft());
            case NOW_LOCKED -> audit.append(actor, "KEY_LOCKED", target, "too many wrong PINs");
            case LOCKED -> audit.append(actor, "KEY_UNLOCK_REFUSED", target, "locked");
            case PIN_NOT_CHOSEN -> audit.append(actor, "KEY_UNLOCK_REFUSED", target, "no PIN chosen yet");
            case OPENED -> { }
        }
    }

    /** The exception for a failed attempt, for the caller to throw. */
    private static CaException failure(KeyCustody.Opened opened) {
        return switch (opened.attempt()) {
            case OPENED -> throw new IllegalStateException("an opened key is not a failure");
            case WRONG_PIN -> CaException.wrongPin(opened.attemptsLeft());
            case NOW_LOCKED, LOCKED -> new CaException(CaException.ErrorCode.KEY_LOCKED,
                    "the key is locked after too many wrong PINs; it needs a new key and certificate");
            case PIN_NOT_CHOSEN -> new CaException(CaException.ErrorCode.PIN_NOT_CHOSEN,
                    "the key's holder has not chosen a PIN yet");
        };
    }

    private long custodyId(BigInteger serial) {
        Long id = register.custodyKeyId(serial);
        if (id == null) {
            throw new CaException(CaException.ErrorCode.NO_CUSTODY_KEY,
                    "certificate " + CertificateRegister.hex(serial) + " has no key in kyso's custody");
        }
        return id;
    }

    CertificateRecord usable(BigInteger serial) {
        CertificateRecord record = register.find(serial).orElseThrow(() -> CertificateRegister.unknown(serial));
        Instant now = clock.instant();
        if (record.status() != CertificateStatus.ACTIVE || now.isBefore(record.notBefore())
                || now.isAfter(record.notAfter())) {
            throw new CaException(CaException.ErrorCode.INVALID_STATUS, "certificate " + record.serialHex()
                    + " is " + record.status() + " or outside its validity; its key cannot be used");
        }
        return record;
    }

    private List<X509Certificate> chain(CertificateRecord record) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(record.certificate());
        chain.addAll(hierarchy.chain());
        return chain;
    }

    static void destroy(PrivateKey key) {
        try {
            if (!key.isDestroyed()) {
                key.destroy();
            }
        } catch (DestroyFailedException e) {
            // JDK RSA/EC keys cannot be destroyed; dropping the reference is all that is possible.
        }
    }
}
