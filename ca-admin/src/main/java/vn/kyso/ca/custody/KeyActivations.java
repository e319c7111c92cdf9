package vn.kyso.ca.custody;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.support.GeneratedKeyHolder;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateStatus;
import vn.kyso.ca.KeyActivation;
import vn.kyso.ca.KeyUse;
import vn.kyso.ca.audit.AuditLog;
import vn.kyso.ca.db.CaDatabase;
import vn.kyso.ca.hierarchy.Hierarchy;

/**
 * Key activations: one PIN entry (the slow, counted Argon2id check of {@link KeyUnlock}) allows
 * a bounded number of signatures until a time, as the Cloud Signature Consortium's
 * {@code credentials/authorize} does. The opened key is re-encrypted under a random key that is
 * only in the token handed to the client, then under the master key; the row keeps that, the
 * serial, the account and a counter that each use decrements with one conditional UPDATE (so
 * several instances on one database never allow more than granted). Each use checks the
 * certificate's status in the register, so a revocation or suspension stops it at once.
 *
 * <p>Authorizing and ending are audited; single uses are not (each signature is a usage event
 * of its own, and the row counts them): see docs/decisions.md.
 */
public final class KeyActivations {

    private static final byte[] WIPED = new byte[0];
    private static final String SELECT = "SELECT a.id, a.lookup_hash, a.serial, a.account, a.algorithm, a.wrapped_key, "
            + "a.signatures_left, a.expires_at, a.ended_at, c.status, c.not_before, c.not_after, c.der "
            + "FROM ca_custody_activation a JOIN ca_certificate c ON c.serial = a.serial ";

    private final CaDatabase db;
    private final KeyUnlock unlock;
    private final KeyCustody custody;
    private final Hierarchy hierarchy;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random;
    /** Parsed certificates by serial: immutable, and parsing one per signature is waste. */
    private final Map<String, X509Certificate> parsed = new ConcurrentHashMap<>();

    public KeyActivations(CaDatabase db, KeyUnlock unlock, KeyCustody custody, Hierarchy hierarchy, AuditLog audit,
                          Clock clock, SecureRandom random) {
        this.db = db;
        this.unlock = unlock;
        this.custody = custody;
        this.hierarchy = hierarchy;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Checks the PIN (counted, audited) and activates the key for {@code signatures} uses during
     * {@code lifetime}. The returned activation carries the token; it is never shown again.
     */
    public KeyActivation authorize(String actor, BigInteger serial, char[] pin, int signatures, Duration lifetime) {
        if (signatures < 1) {
            throw new CaException(CaException.ErrorCode.INVALID_REQUEST, "an activation allows at least one signature");
        }
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new CaException(CaException.ErrorCode.INVALID_REQUEST, "an activation needs a positive lifetime");
        }
        purgeExpired();
        ActivationToken token = ActivationToken.random(random);
        byte[] activationKey = token.key();
        String lookupHash = token.lookupHash();
        Instant now = now();
        Instant expires = now.plus(lifetime);
        long[] id = new long[1];
        try {
            unlock.activate(actor, serial, pin, (key, record) -> {
                byte[] pkcs8 = key.getEncoded();
                try {
                    byte[] wrapped = custody.seal().wrap(pkcs8, activationKey,
                            ActivationToken.aad(lookupHash, record.serialHex(), actor, key.getAlgorithm()));
                    GeneratedKeyHolder keys = new GeneratedKeyHolder();
                    db.jdbc().sql("INSERT INTO ca_custody_activation (lookup_hash, serial, account, algorithm, "
                                    + "wrapped_key, signatures_granted, signatures_left, created_at, expires_at) "
                                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                            .params(lookupHash, record.serialHex(), actor, key.getAlgorithm(), wrapped, signatures,
                                    signatures, CaDatabase.ts(now), CaDatabase.ts(expires))
                            .update(keys, "id");
                    id[0] = keys.getKeyAs(Number.class).longValue();
                } finally {
                    Arrays.fill(pkcs8, (byte) 0);
                }
                return "activation=" + id[0] + ";signatures=" + signatures + ";expiresAt=" + expires;
            });
            return new KeyActivation(id[0], token.text(), serial, actor, expires, signatures, false);
        } finally {
            token.wipe();
            Arrays.fill(activationKey, (byte) 0);
        }
    }

    /**
     * Uses the activation for {@code signatures} signatures: checks who asks, expiry, the
     * certificate's status and the count, takes the signatures off the count, and gives the
     * unwrapped key to {@code use}. The signatures stay taken even when {@code use} fails.
     */
    public <T> T use(String actor, String token, int signatures, KeyUse<T> use) {
        if (signatures < 1) {
            throw new CaException(CaException.ErrorCode.INVALID_REQUEST, "at least one signature");
        }
        ActivationToken secret = ActivationToken.parse(token);
        byte[] activationKey = secret.key();
        try {
            Row row = row(secret.lookupHash());
            Instant now = now();
            check(actor, row, now, signatures);
            byte[] pkcs8 = custody.seal().unwrap(row.wrapped, activationKey,
                    ActivationToken.aad(row.lookupHash, row.serial, row.account, row.algorithm));
            if (pkcs8 == null) {
                throw ActivationToken.unknown();
            }
            PrivateKey key;
            try {
                take(row, now, signatures);
                key = KeyFactory.getInstance(row.algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException e) {
                throw new CaException(CaException.ErrorCode.CRYPTO_ERROR, "the activated key cannot be decoded", e);
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
            }
            return KeyUnlock.useAndDestroy(key, chain(row), use);
        } finally {
            secret.wipe();
            Arrays.fill(activationKey, (byte) 0);
        }
    }

    /** {@code actor}'s activation that a token names, as it stands (no key is opened, nothing is taken). */
    public KeyActivation find(String actor, String token) {
        ActivationToken secret = ActivationToken.parse(token);
        try {
            Row row = row(secret.lookupHash());
            requireOwner(actor, row);
            return row.toActivation();
        } finally {
            secret.wipe();
        }
    }

    /** The activation with this id, if it is {@code actor}'s. */
    public KeyActivation find(String actor, long id) {
        Row row = byId(id);
        if (!row.account.equals(actor)) {
            throw new CaException(CaException.ErrorCode.ACTIVATION_NOT_YOURS, "activation " + id + " is not yours");
        }
        return row.toActivation();
    }

    /** Ends {@code actor}'s activation now and wipes its wrapped key; ending it twice is harmless. */
    public KeyActivation end(String actor, long id) {
        Row row = byId(id);
        if (!row.account.equals(actor)) {
            throw new CaException(CaException.ErrorCode.ACTIVATION_NOT_YOURS, "activation " + id + " is not yours");
        }
        Instant now = now();
        db.inTransaction(() -> {
            int ended = db.jdbc().sql("UPDATE ca_custody_activation SET ended_at = ?, signatures_left = 0, "
                            + "wrapped_key = ? WHERE id = ? AND ended_at IS NULL")
                    .params(CaDatabase.ts(now), WIPED, id).update();
            if (ended == 1) {
                audit.append(actor, "KEY_ACTIVATION_ENDED", row.serial, "activation=" + id);
            }
            return null;
        });
        return byId(id).toActivation();
    }

    /**
     * Ends every live activation of {@code account} and wipes their keys (the account was
     * disabled or changed); audited once per activation ended. Returns how many.
     */
    public int endAllOf(String actor, String account) {
        Instant now = now();
        return db.inTransaction(() -> {
            List<Row> live = db.jdbc().sql(SELECT + "WHERE a.account = ? AND a.ended_at IS NULL").param(account)
                    .query(KeyActivations::map).list();
            for (Row row : live) {
                db.jdbc().sql("UPDATE ca_custody_activation SET ended_at = ?, signatures_left = 0, wrapped_key = ? "
                        + "WHERE id = ? AND ended_at IS NULL").params(CaDatabase.ts(now), WIPED, row.id).update();
                audit.append(actor, "KEY_ACTIVATION_ENDED", row.serial, "activation=" + row.id + ";account " + account
                        + " changed");
            }
            return live.size();
        });
    }

    /** Deletes activations expired for more than a day, and wipes the keys of the ones just expired. */
    public void purgeExpired() {
        Instant now = now();
        db.jdbc().sql("DELETE FROM ca_custody_activation WHERE expires_at < ?")
                .param(CaDatabase.ts(now.minus(Duration.ofDays(1)))).update();
        db.jdbc().sql("UPDATE ca_custody_activation SET wrapped_key = ? WHERE expires_at <= ? AND ended_at IS NULL "
                        + "AND signatures_left > 0")
                .params(WIPED, CaDatabase.ts(now)).update();
    }

    /** Database timestamps keep microseconds: comparing in Java and in SQL agree only at that precision. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void requireOwner(String actor, Row row) {
        if (!row.account.equals(actor)) {
            // someone holds another account's token: worth a line in the audit log
            audit.record(actor, "KEY_ACTIVATION_REFUSED", row.serial, "activation=" + row.id + ";not the owner");
            throw new CaException(CaException.ErrorCode.ACTIVATION_NOT_YOURS,
                    "activation " + row.id + " belongs to another account");
        }
    }

    private void check(String actor, Row row, Instant now, int signatures) {
        requireOwner(actor, row);
        if (row.ended != null || !now.isBefore(row.expires)) {
            throw new CaException(CaException.ErrorCode.ACTIVATION_EXPIRED,
                    "activation " + row.id + (row.ended != null ? " was ended" : " has expired"));
        }
        if (row.status != CertificateStatus.ACTIVE || now.isBefore(row.notBefore) || now.isAfter(row.notAfter)) {
            throw new CaException(CaException.ErrorCode.INVALID_STATUS, "certificate " + row.serial + " is "
                    + row.status + " or outside its validity; its key cannot be used");
        }
        if (row.left < signatures) {
            throw CaException.activationExhausted(row.left);
        }
    }

    /** Takes the signatures off the count, atomically: a concurrent use may have taken the last ones. */
    private void take(Row row, Instant now, int signatures) {
        // SET expressions see the row before the update: the use that takes the last signature wipes the key
        int taken = db.jdbc().sql("UPDATE ca_custody_activation SET signatures_left = signatures_left - ?, "
                        + "wrapped_key = CASE WHEN signatures_left = ? THEN ? ELSE wrapped_key END "
                        + "WHERE id = ? AND signatures_left >= ? AND ended_at IS NULL AND expires_at > ?")
                .params(signatures, signatures, WIPED, row.id, signatures, CaDatabase.ts(now)).update();
        if (taken == 1) {
            return;
        }
        Row now2 = byId(row.id);
        if (now2.ended != null || !now.isBefore(now2.expires)) {
            throw new CaException(CaException.ErrorCode.ACTIVATION_EXPIRED, "activation " + row.id + " has ended");
        }
        throw CaException.activationExhausted(now2.left);
    }

    private List<X509Certificate> chain(Row row) {
        X509Certificate certificate = parsed.get(row.serial);
        if (certificate == null) {
            if (parsed.size() > 10_000) {
                parsed.clear();
            }
            try {
                certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(row.der));
            } catch (GeneralSecurityException e) {
                throw new CaException(CaException.ErrorCode.CRYPTO_ERROR, "stored certificate cannot be parsed", e);
            }
            parsed.put(row.serial, certificate);
        }
        List<X509Certificate> chain = new ArrayList<>(3);
        chain.add(certificate);
        chain.addAll(hierarchy.chain());
        return chain;
    }

    private Row row(String lookupHash) {
        return db.jdbc().sql(SELECT + "WHERE a.lookup_hash = ?").param(lookupHash).query(KeyActivations::map)
                .optional().orElseThrow(ActivationToken::unknown);
    }

    private Row byId(long id) {
        return db.jdbc().sql(SELECT + "WHERE a.id = ?").param(id).query(KeyActivations::map)
                .optional().orElseThrow(ActivationToken::unknown);
    }

    private static Row map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getString("lookup_hash"), rs.getString("serial"), rs.getString("account"),
                rs.getString("algorithm"), rs.getBytes("wrapped_key"), rs.getInt("signatures_left"),
                CaDatabase.instant(rs, "expires_at"), CaDatabase.instant(rs, "ended_at"),
                CertificateStatus.valueOf(rs.getString("status")), CaDatabase.instant(rs, "not_before"),
                CaDatabase.instant(rs, "not_after"), rs.getBytes("der"));
    }

    private record Row(long id, String lookupHash, String serial, String account, String algorithm, byte[] wrapped,
                       int left, Instant expires, Instant ended, CertificateStatus status, Instant notBefore,
                       Instant notAfter, byte[] der) {
        KeyActivation toActivation() {
            return new KeyActivation(id, null, new BigInteger(serial, 16), account, expires, left, ended != null);
        }
    }
}
