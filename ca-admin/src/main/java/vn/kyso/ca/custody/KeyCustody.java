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

    public KeyCustody(CaDatabase db, CaSettings.Custody settings, CaKeyStore keyStore, Clock clock,
                      SecureRandom random) {
        this.db = db;
        this.settings = settings;
        this.keyStore = keyStore;
        this.clock = clock;
        this.random = random;
    }

    /** Outcome of a PIN attempt; the caller commits it, then throws for the failures. */
    public enum Attempt { OPENED, WRONG_PIN, NOW_LOCKED, LOCKED }

    /** An opened key, or why not. */
    public record Opened(Attempt attempt, PrivateKey key, int attemptsLeft) {
    }

    /** Seals a new key and returns its custody id. */
    public long seal(long subscriberId, PrivateKey key, char[] pin, boolean exportAllowed) {
        KeySeal.KdfParams kdf = new KeySeal.KdfParams(settings.argonMemoryKib(), settings.argonIterations(),
                settings.argonParallelism());
        byte[] salt = seal().newSalt();
        byte[] pkcs8 = key.getEncoded();
        byte[] sealed;
        try {
            sealed = seal().seal(pkcs8, pin, salt, kdf, KeySeal.aad(subscriberId, key.getAlgorithm()));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        db.jdbc().sql("INSERT INTO ca_custody_key (subscriber_id, algorithm, kdf_params, salt, sealed_key, "
                        + "failed_attempts, locked, export_allowed, exported, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, 0, FALSE, ?, FALSE, ?)")
                .params(subscriberId, key.getAlgorithm(), kdf.encode(), salt, sealed,
                        exportAllowed && settings.exportAllowed(), CaDatabase.ts(clock.instant()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Tries the PIN: counts a wrong one and locks after the configured number. */
    public Opened open(long custodyKeyId, char[] pin) {
        Row row = lock(custodyKeyId);
        if (row.locked) {
            return new Opened(Attempt.LOCKED, null, 0);
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

    /** An administrator's reset after a lock-out. */
    public void reset(long custodyKeyId) {
        lock(custodyKeyId);
        db.jdbc().sql("UPDATE ca_custody_key SET failed_attempts = 0, locked = FALSE WHERE id = ?")
                .param(custodyKeyId).update();
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
        return db.jdbc().sql("SELECT subscriber_id, algorithm, kdf_params, salt, sealed_key, failed_attempts, locked "
                        + "FROM ca_custody_key WHERE id = ? FOR UPDATE")
                .param(id)
                .query((rs, n) -> new Row(rs.getLong("subscriber_id"), rs.getString("algorithm"),
                        rs.getString("kdf_params"), rs.getBytes("salt"), rs.getBytes("sealed_key"),
                        rs.getInt("failed_attempts"), rs.getBoolean("locked")))
                .optional()
                .orElseThrow(() -> new CaException(CaException.ErrorCode.NO_CUSTODY_KEY, "no custody key " + id));
    }

    private record Row(long subscriberId, String algorithm, String kdf, byte[] salt, byte[] sealed, int failed,
                       boolean locked) {
    }
}
