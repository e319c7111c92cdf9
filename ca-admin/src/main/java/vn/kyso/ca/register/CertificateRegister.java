package vn.kyso.ca.register;

import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateKind;
import vn.kyso.ca.CertificateQuery;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CertificateStatus;
import vn.kyso.ca.ResultPage;
import vn.kyso.ca.RevocationReason;
import vn.kyso.ca.db.CaDatabase;
import vn.kyso.ca.subscriber.SubscriberMatch;

/** Reads and writes the ca_certificate table. Serials are stored as lower-case hex. */
public final class CertificateRegister {

    private static final String COLUMNS = "serial, kind, subscriber_id, custody_key_id, subject, not_before, "
            + "not_after, status, reason_code, revoked_at, der";

    private static final RowMapper<CertificateRecord> RECORD = CertificateRegister::map;

    private final CaDatabase db;

    public CertificateRegister(CaDatabase db) {
        this.db = db;
    }

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    /**
     * {@code serial.toString(16)}: lower case, no leading zeros. A positive serial is written from
     * its bytes, several times faster than BigInteger's radix conversion (which divides), since
     * every OCSP answer looks its serials up by this text.
     */
    public static String hex(BigInteger serial) {
        if (serial.signum() <= 0) {
            return serial.toString(16);
        }
        byte[] bytes = serial.toByteArray(); // big-endian; a leading 0 byte when the top bit is set
        char[] text = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            text[2 * i] = HEX_DIGITS[(bytes[i] >> 4) & 0xF];
            text[2 * i + 1] = HEX_DIGITS[bytes[i] & 0xF];
        }
        int start = 0;
        while (text[start] == '0') { // a positive serial has a non-zero digit
            start++;
        }
        return new String(text, start, text.length - start);
    }

    /** Records a certificate just signed; a duplicate serial is a DataAccessException the caller retries. */
    public CertificateRecord insert(X509Certificate cert, CertificateKind kind, Long subscriberId, Long custodyKeyId,
                                    Instant issuedAt) {
        byte[] der;
        try {
            der = cert.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new CaException(CaException.ErrorCode.CRYPTO_ERROR, "cannot encode the certificate", e);
        }
        String subject = cert.getSubjectX500Principal().getName();
        db.jdbc().sql("INSERT INTO ca_certificate (serial, kind, subscriber_id, custody_key_id, subject, not_before, "
                        + "not_after, status, reason_code, revoked_at, expiry_warned, issued_at, der, spki_sha256) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, FALSE, ?, ?, ?)")
                .params(hex(cert.getSerialNumber()), kind.name(), subscriberId, custodyKeyId, subject,
                        CaDatabase.ts(cert.getNotBefore().toInstant()), CaDatabase.ts(cert.getNotAfter().toInstant()),
                        CertificateStatus.ACTIVE.name(), CaDatabase.ts(issuedAt), der,
                        keyHash(cert.getPublicKey()))
                .update();
        return new CertificateRecord(cert.getSerialNumber(), kind, subscriberId, subject,
                cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), CertificateStatus.ACTIVE, null, null,
                custodyKeyId != null, der);
    }

    /** SHA-256 (hex) of a public key's SubjectPublicKeyInfo. */
    public static String keyHash(java.security.PublicKey key) {
        try {
            return java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Whether this public key is certified for a subscriber other than {@code subscriberId}. */
    public boolean keyCertifiedForAnother(java.security.PublicKey key, long subscriberId) {
        return db.jdbc().sql("SELECT COUNT(*) FROM ca_certificate WHERE spki_sha256 = ? "
                        + "AND (subscriber_id IS NULL OR subscriber_id <> ?)")
                .params(keyHash(key), subscriberId).query(Long.class).single() > 0;
    }

    /** Fills in the key hash of certificates recorded before it existed (once, at start). */
    public void fillKeyHashes() {
        List<Map.Entry<String, byte[]>> rows = db.jdbc().sql("SELECT serial, der FROM ca_certificate WHERE spki_sha256 IS NULL")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBytes(2))).list();
        for (Map.Entry<String, byte[]> row : rows) {
            try {
                X509Certificate cert = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                        .generateCertificate(new java.io.ByteArrayInputStream(row.getValue()));
                db.jdbc().sql("UPDATE ca_certificate SET spki_sha256 = ? WHERE serial = ?")
                        .params(keyHash(cert.getPublicKey()), row.getKey()).update();
            } catch (java.security.cert.CertificateException e) {
                throw new CaException(CaException.ErrorCode.CRYPTO_ERROR, "certificate " + row.getKey() + " cannot be read", e);
            }
        }
    }

    public Optional<CertificateRecord> find(BigInteger serial) {
        return db.jdbc().sql("SELECT " + COLUMNS + " FROM ca_certificate WHERE serial = ?")
                .param(hex(serial)).query(RECORD).optional();
    }

    /** The record, locked until the end of the transaction; UNKNOWN_CERTIFICATE when absent. */
    public CertificateRecord lock(BigInteger serial) {
        return db.jdbc().sql("SELECT " + COLUMNS + " FROM ca_certificate WHERE serial = ? FOR UPDATE")
                .param(hex(serial)).query(RECORD).optional()
                .orElseThrow(() -> unknown(serial));
    }

    /** The custody key of a certificate, null when the subscriber holds the key. */
    public Long custodyKeyId(BigInteger serial) {
        return db.jdbc().sql("SELECT custody_key_id FROM ca_certificate WHERE serial = ?").param(hex(serial))
                .query((rs, n) -> Optional.ofNullable(rs.getObject("custody_key_id", Long.class))).optional()
                .orElseThrow(() -> unknown(serial)).orElse(null);
    }

    public static CaException unknown(BigInteger serial) {
        return new CaException(CaException.ErrorCode.UNKNOWN_CERTIFICATE,
                "no certificate with serial " + (serial == null ? "null" : hex(serial)));
    }

    /**
     * What OCSP needs: one indexed lookup by primary key, read from the database at every call
     * (an answer is never signed with a status this instance or another changed since). Empty
     * when the serial is unknown.
     */
    public Optional<StatusRow> status(BigInteger serial) {
        return db.readOne("SELECT status, reason_code, revoked_at FROM ca_certificate WHERE serial = ?", hex(serial),
                rs -> {
                    int code = rs.getInt(2);
                    RevocationReason reason = rs.wasNull() ? null : RevocationReason.ofCode(code);
                    java.time.OffsetDateTime revokedAt = rs.getObject(3, java.time.OffsetDateTime.class);
                    return new StatusRow(CertificateStatus.valueOf(rs.getString(1)), reason,
                            revokedAt == null ? null : revokedAt.toInstant());
                });
    }

    public void updateStatus(BigInteger serial, CertificateStatus status, RevocationReason reason, Instant at) {
        db.jdbc().sql("UPDATE ca_certificate SET status = ?, reason_code = ?, revoked_at = ? WHERE serial = ?")
                .params(status.name(), reason == null ? null : reason.code(), CaDatabase.ts(at), hex(serial))
                .update();
    }

    /** Revoked and suspended certificates, for the full CRL. */
    public List<RevokedRow> revoked() {
        return db.jdbc().sql("SELECT serial, reason_code, revoked_at FROM ca_certificate "
                        + "WHERE status IN ('REVOKED', 'SUSPENDED') ORDER BY revoked_at, serial")
                .query((rs, n) -> new RevokedRow(new BigInteger(rs.getString("serial"), 16), reason(rs),
                        CaDatabase.instant(rs, "revoked_at")))
                .list();
    }

    /** Revoked CA certificates: the entries of the root's CRL (normally none). */
    public List<RevokedRow> revokedCas() {
        return db.jdbc().sql("SELECT serial, reason_code, revoked_at FROM ca_certificate "
                        + "WHERE kind = 'ISSUING_CA' AND status = 'REVOKED' ORDER BY revoked_at, serial")
                .query((rs, n) -> new RevokedRow(new BigInteger(rs.getString("serial"), 16), reason(rs),
                        CaDatabase.instant(rs, "revoked_at")))
                .list();
    }

    /** Certificates that still count for a subscriber (active or on hold), newest first. */
    public List<CertificateRecord> ofSubscriber(long subscriberId) {
        return db.jdbc().sql("SELECT " + COLUMNS + " FROM ca_certificate WHERE subscriber_id = ? ORDER BY issued_at DESC")
                .param(subscriberId).query(RECORD).list();
    }

    /** Every subscriber certificate's serial, subscriber and status (no encodings: one small row each). */
    public List<vn.kyso.ca.RegisteredStatus> subscriberStatuses() {
        return db.jdbc().sql("SELECT serial, subscriber_id, status FROM ca_certificate WHERE subscriber_id IS NOT NULL")
                .query((rs, n) -> new vn.kyso.ca.RegisteredStatus(new BigInteger(rs.getString(1), 16), rs.getLong(2),
                        CertificateStatus.valueOf(rs.getString(3))))
                .list();
    }

    /** Filtered list for the console and API; null filters match everything. */
    public List<CertificateRecord> search(Long subscriberId, CertificateStatus status, CertificateKind kind, int limit,
                                          int offset) {
        return search(new CertificateQuery(subscriberId, status, kind, limit, offset), null);
    }

    /**
     * One page of the certificates a query matches, newest first, with how many match in all;
     * {@code holder} is what the query's text matches of the holder (null: no text). Only the
     * page's rows are read.
     */
    public ResultPage<CertificateRecord> page(CertificateQuery query, SubscriberMatch holder) {
        List<Object> params = new ArrayList<>();
        String from = from(query, holder, params);
        long total = db.jdbc().sql("SELECT COUNT(*)" + from).params(params).query(Long.class).single();
        return new ResultPage<>(search(query, holder), total, query.offset(), query.limit());
    }

    /** The query's page without the count; {@code holder} as for {@link #page}. */
    public List<CertificateRecord> search(CertificateQuery query, SubscriberMatch holder) {
        List<Object> params = new ArrayList<>();
        String from = from(query, holder, params);
        params.add(query.limit());
        params.add(query.offset());
        return db.jdbc().sql("SELECT c." + COLUMNS.replace(", ", ", c.") + from
                        + " ORDER BY c.issued_at DESC, c.serial LIMIT ? OFFSET ?")
                .params(params).query(RECORD).list();
    }

    private static String from(CertificateQuery query, SubscriberMatch holder, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (query.subscriberId() != null) {
            conditions.add("c.subscriber_id = ?");
            params.add(query.subscriberId());
        }
        if (query.status() != null) {
            conditions.add("c.status = ?");
            params.add(query.status().name());
        }
        if (query.kind() != null) {
            conditions.add("c.kind = ?");
            params.add(query.kind().name());
        }
        String join = "";
        if (query.text() != null) {
            List<String> either = new ArrayList<>();
            String serial = query.text().toLowerCase(java.util.Locale.ROOT).replace(":", "").replace(" ", "");
            serial = serial.startsWith("0x") ? serial.substring(2) : serial;
            if (!serial.isEmpty() && serial.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                either.add("c.serial LIKE ?");
                params.add(serial + "%");
            }
            if (holder != null) {
                join = " LEFT JOIN ca_subscriber s ON s.id = c.subscriber_id";
                either.add(holder.condition("s"));
                params.addAll(holder.params());
            }
            conditions.add(either.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", either) + ")");
        }
        return " FROM ca_certificate c" + join + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
    }

    /** Subscriber certificates, not revoked, whose notAfter lies in [from, to]. */
    public List<CertificateRecord> expiring(Instant from, Instant to, boolean onlyUnwarned) {
        return db.jdbc().sql("SELECT " + COLUMNS + " FROM ca_certificate WHERE subscriber_id IS NOT NULL "
                        + "AND status <> 'REVOKED' AND not_after >= ? AND not_after <= ? "
                        + (onlyUnwarned ? "AND expiry_warned = FALSE " : "") + "ORDER BY not_after")
                .params(CaDatabase.ts(from), CaDatabase.ts(to)).query(RECORD).list();
    }

    /** Marks the warning as sent; false when another instance did it first. */
    public boolean markWarned(BigInteger serial) {
        return db.jdbc().sql("UPDATE ca_certificate SET expiry_warned = TRUE WHERE serial = ? AND expiry_warned = FALSE")
                .param(hex(serial)).update() == 1;
    }

    private static RevocationReason reason(ResultSet rs) throws SQLException {
        int code = rs.getInt("reason_code");
        return rs.wasNull() ? null : RevocationReason.ofCode(code);
    }

    private static CertificateRecord map(ResultSet rs, int row) throws SQLException {
        long subscriber = rs.getLong("subscriber_id");
        Long subscriberId = rs.wasNull() ? null : subscriber;
        rs.getLong("custody_key_id");
        boolean custody = !rs.wasNull();
        return new CertificateRecord(new BigInteger(rs.getString("serial"), 16),
                CertificateKind.valueOf(rs.getString("kind")), subscriberId, rs.getString("subject"),
                CaDatabase.instant(rs, "not_before"), CaDatabase.instant(rs, "not_after"),
                CertificateStatus.valueOf(rs.getString("status")), reason(rs), CaDatabase.instant(rs, "revoked_at"),
                custody, rs.getBytes("der"));
    }

    /** Status of one serial as OCSP reports it. */
    public record StatusRow(CertificateStatus status, RevocationReason reason, Instant revokedAt) {
    }

    /** One entry of a CRL. */
    public record RevokedRow(BigInteger serial, RevocationReason reason, Instant revokedAt) {
    }
}
