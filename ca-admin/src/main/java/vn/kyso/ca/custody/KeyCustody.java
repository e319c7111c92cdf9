package vn.kyso.ca.custody;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Arrays;

import org.springframework.jdbc.support.GeneratedKeyHolder;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CaKeyStore;
import vn.kyso.ca.CaSettings;
import vn.kyso.ca.KeyExport;
import vn.kyso.ca.db.CaDatabase;

/**
 * Keeps subscriber keys sealed in the database. Every method runs inside the caller's
 * transaction; {@link #open} locks the key's row so that concurrent wrong PINs are all counted.
 */
public final class KeyCustody {

    private final CaDatabase db;
    private final CaSettings.Custody settings;
    private final Clock clock;
    private final CaKeyStore keyStore;
    private final SecureRandom random;
    private volatile KeySeal seal;
    /** The initial secret is 256 random bits: no PIN-guessing to slow down, so the cheapest Argon2id. */
    private static final KeySeal.KdfParams INITIAL_KDF = new KeySeal.KdfParams(8, 1, 1);

    public KeyCustody(CaDatabase db, CaSettings.Custody settings, CaKeyStore keyStore, Clock clock,
                      SecureRandom random) {
        this.db = db;
        this.settings = settings;
        this.keyStore = keyStore;
        this.clock = clock;
        this.random = random;
    }

    /** Outcome of a PIN attempt; the caller commits it, then throws for the failures. */
    public enum Attempt { OPENED, WRONG_PIN, NOW_LOCKED, LOCKED, PIN_NOT_CHOSEN }

    /** An opened key, or why not. */
    public record Opened(Attempt attempt, PrivateKey key, int attemptsLeft) {
    }

    /**
     * Seals a new key and returns its custody id. Nobody has chosen a PIN yet: the key is sealed
     * under a random initial secret that only {@link #choosePin} uses, once, in the holder's own
     * session (issue 13: whoever issues the certificate never knows a PIN that opens the key).
     */
    public long seal(long subscriberId, PrivateKey key, boolean exportAllowed) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        char[] initial = initialPin(secret);
        byte[] aad = KeySeal.aad(subscriberId, key.getAlgorithm());
        byte[] salt = seal().newSalt();
        byte[] pkcs8 = key.getEncoded();
        byte[] sealed;
        byte[] protectedSecret;
        try {
            sealed = seal().seal(pkcs8, initial, salt, INITIAL_KDF, aad);
            protectedSecret = seal().protect(secret, aad);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
            Arrays.fill(secret, (byte) 0);
            Arrays.fill(initial, '\0');
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        db.jdbc().sql("INSERT INTO ca_custody_key (subscriber_id, algorithm, kdf_params, salt, sealed_key, "
                        + "failed_attempts, locked, export_allowed, exported, created_at, pin_set, initial_secret) "
                        + "VALUES (?, ?, ?, ?, ?, 0, FALSE, ?, FALSE, ?, FALSE, ?)")
                .params(subscriberId, key.getAlgorithm(), INITIAL_KDF.encode(), salt, sealed,
                        exportAllowed && settings.exportAllowed(), CaDatabase.ts(clock.instant()), protectedSecret)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /**
     * The holder's first PIN: re-seals the key under it and wipes the initial secret. False when
     * a PIN was chosen already (then only {@link #changePin} with the old PIN changes it).
     */
    public boolean choosePin(long custodyKeyId, char[] pin) {
        Row row = lock(custodyKeyId);
        if (row.pinSet || row.initialSecret == null) {
            return false;
        }
        byte[] aad = KeySeal.aad(row.subscriberId, row.algorithm);
        byte[] secret = seal().unprotect(row.initialSecret, aad);
        char[] initial = initialPin(secret);
        Arrays.fill(secret, (byte) 0);
        byte[] pkcs8 = seal().open(row.sealed, initial, row.salt, KeySeal.KdfParams.decode(row.kdf), aad);
        Arrays.fill(initial, '\0');
        if (pkcs8 == null) {
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "the initial secret does not open the key");
        }
        reseal(custodyKeyId, row, pkcs8, pin);
        return true;
    }

    /** Re-seals an opened key under a new PIN; the old PIN is tried (and counted) as by {@link #open}. */
    public Opened changePin(long custodyKeyId, char[] oldPin, char[] newPin) {
        Opened opened = open(custodyKeyId, oldPin);
        if (opened.attempt() == Attempt.OPENED) {
            byte[] pkcs8 = opened.key().getEncoded();
            reseal(custodyKeyId, lock(custodyKeyId), pkcs8, newPin);
        }
        return opened;
    }

    public boolean pinChosen(long custodyKeyId) {
        return db.jdbc().sql("SELECT pin_set FROM ca_custody_key WHERE id = ?").param(custodyKeyId)
                .query(Boolean.class).optional().orElse(false);
    }

    private void reseal(long custodyKeyId, Row row, byte[] pkcs8, char[] pin) {
        KeySeal.KdfParams kdf = new KeySeal.KdfParams(settings.argonMemoryKib(), settings.argonIterations(),
                settings.argonParallelism());
        byte[] salt = seal().newSalt();
        byte[] sealed;
        try {
            sealed = seal().seal(pkcs8, pin, salt, kdf, KeySeal.aad(row.subscriberId, row.algorithm));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        db.jdbc().sql("UPDATE ca_custody_key SET kdf_params = ?, salt = ?, sealed_key = ?, failed_attempts = 0, "
                        + "pin_set = TRUE, initial_secret = NULL WHERE id = ?")
                .params(kdf.encode(), salt, sealed, custodyKeyId).update();
    }

    /** The initial secret as the "PIN" the sealing takes: 64 hex digits. */
    private static char[] initialPin(byte[] secret) {
        char[] hex = new char[secret.length * 2];
        for (int i = 0; i < secret.length; i++) {
            hex[2 * i] = Character.forDigit((secret[i] >> 4) & 0xf, 16);
            hex[2 * i + 1] = Character.forDigit(secret[i] & 0xf, 16);
        }
        return hex;
    }

    /** Tries the PIN: counts a wrong one and locks after the configured number. */
    public Opened open(long custodyKeyId, char[] pin) {
        Row row = lock(custodyKeyId);
        if (row.locked) {
            return new Opened(Attempt.LOCKED, null, 0);
        }
        if (!row.pinSet) {
            return new Opened(Attempt.PIN_NOT_CHOSEN, null, settings.maxPinAttempts());
        }
        byte[] pkcs8 = seal().open(row.sealed, pin, row.salt, KeySeal.KdfParams.decode(row.kdf),
                KeySeal.aad(row.subscriberId, row.algorithm));
        if (pkcs8 == null) {
            int failed = row.failed + 1;
            boolean nowLocked = failed >= settings.maxPinAttempts();
            db.jdbc().sql("UPDATE ca_custody_key SET failed_attempts = ?, locked = ? WHERE id = ?")
                    .params(failed, nowLocked, custodyKeyId).update();
            return new Opened(nowLocked ? Attempt.NOW_LOCKED : Attempt.WRONG_PIN, null,
                    settings.maxPinAttempts() - failed);
        }
        try {
            if (row.failed > 0) {
                db.jdbc().sql("UPDATE ca_custody_key SET failed_attempts = 0 WHERE id = ?").param(custodyKeyId).update();
            }
            PrivateKey key = KeyFactory.getInstance(row.algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new Opened(Attempt.OPENED, key, settings.maxPinAttempts());
        } catch (GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.CRYPTO_ERROR, "the custody key cannot be decoded", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /**
     * Where the key stands with its export. The setting is read now, not only at issuance, so
     * that turning it off stops the export of keys issued while it was on.
     */
    public KeyExport export(long custodyKeyId) {
        return db.jdbc().sql("SELECT export_allowed, exported FROM ca_custody_key WHERE id = ?").param(custodyKeyId)
                .query((rs, n) -> rs.getBoolean("exported") ? KeyExport.DONE
                        : rs.getBoolean("export_allowed") && settings.exportAllowed() ? KeyExport.AVAILABLE
                        : KeyExport.NOT_ALLOWED)
                .optional()
                .orElseThrow(() -> new CaException(CaException.ErrorCode.NO_CUSTODY_KEY, "no custody key " + custodyKeyId));
    }

    /** Whether one export is still allowed; marks it done when it is. */
    public boolean claimExport(long custodyKeyId) {
        if (!settings.exportAllowed()) {
            return false;
        }
        return db.jdbc().sql("UPDATE ca_custody_key SET exported = TRUE "
                        + "WHERE id = ? AND export_allowed = TRUE AND exported = FALSE")
                .param(custodyKeyId).update() == 1;
    }

    public boolean isLocked(long custodyKeyId) {
        return db.jdbc().sql("SELECT locked FROM ca_custody_key WHERE id = ?").param(custodyKeyId)
                .query(Boolean.class).optional().orElse(false);
    }

    KeySeal seal() {
        KeySeal s = seal;
        if (s == null) {
            // The master key is created (and the key store written) only when custody is first used.
            s = new KeySeal(keyStore.masterKey(), keyStore.provider(), random);
            seal = s;
        }
        return s;
    }

    private Row lock(long id) {
        return db.jdbc().sql("SELECT subscriber_id, algorithm, kdf_params, salt, sealed_key, failed_attempts, locked, "
                        + "pin_set, initial_secret FROM ca_custody_key WHERE id = ? FOR UPDATE")
                .param(id)
                .query((rs, n) -> new Row(rs.getLong("subscriber_id"), rs.getString("algorithm"),
                        rs.getString("kdf_params"), rs.getBytes("salt"), rs.getBytes("sealed_key"),
                        rs.getInt("failed_attempts"), rs.getBoolean("locked"), rs.getBoolean("pin_set"),
                        rs.getBytes("initial_secret")))
                .optional()
                .orElseThrow(() -> new CaException(CaException.ErrorCode.NO_CUSTODY_KEY, "no custody key " + id));
    }

    private record Row(long subscriberId, String algorithm, String kdf, byte[] salt, byte[] sealed, int failed,
                       boolean locked, boolean pinSet, byte[] initialSecret) {
    }
}
