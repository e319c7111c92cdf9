package vn.kyso.usage.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.kyso.usage.CertificateKind;
import vn.kyso.usage.CertificateNotice;
import vn.kyso.usage.CertificateRef;
import vn.kyso.usage.CertificateStatus;
import vn.kyso.usage.InventoryEntry;
import vn.kyso.usage.InventoryEntry.KindSource;
import vn.kyso.usage.InventoryEntry.Origin;
import vn.kyso.usage.UsageException;
import vn.kyso.usage.UsageException.ErrorCode;
import vn.kyso.usage.units.UnitDirectory;

/** The usage module's own list of certificates, keyed by (issuer, serial). */
public final class CertificateInventory {

    /** A certificate's row id and kind: what recording events needs, cached. */
    public record Known(long id, CertificateKind kind, boolean registeredNow) {
    }

    /** A certificate as an import describes it; {@code x509} null when only described (CSV). */
    public record Described(CertificateRef ref, String subject, CertificateKind kind, KindSource kindSource,
            String unitCode, String ownerName, String ownerContact, Instant notBefore, Instant notAfter,
            X509Certificate x509) {
    }

    /**
     * The inventory's certificate a signer certificate is: its id, its validity and its revocation
     * time (null when not revoked), to judge the signature at the time the evidence supports.
     */
    public record Holder(long id, CertificateRef ref, Instant notBefore, Instant notAfter, CertificateStatus status,
            Instant revokedAt) {
    }

    private static final String COLUMNS = "issuer_dn, serial, subject_dn, kind, kind_source, unit_code, owner_name,"
            + " owner_contact, status, origin, not_before, not_after";

    private final JdbcClient jdbc;
    private final UnitDirectory units;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    public CertificateInventory(JdbcClient jdbc, UnitDirectory units, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.clock = clock;
    }

    /** The certificate's id and kind when the inventory has it; never registers one. */
    public Optional<Known> known(CertificateRef ref) {
        String issuerKey = IssuerKeys.of(ref.issuer());
        String cacheKey = issuerKey + "/" + ref.serial();
        Known k = known.get(cacheKey);
        if (k != null) {
            return Optional.of(k);
        }
        Optional<Known> found = lookup(issuerKey, ref.serial());
        found.ifPresent(f -> known.put(cacheKey, f));
        return found;
    }

    /** Whether the inventory was told nothing about this certificate yet. */
    public boolean isNew(CertificateRef ref) {
        String issuerKey = IssuerKeys.of(ref.issuer());
        return !known.containsKey(issuerKey + "/" + ref.serial()) && lookup(issuerKey, ref.serial()).isEmpty();
    }

    private Optional<Known> lookup(String issuerKey, String serial) {
        return jdbc.sql("SELECT id, kind FROM usage_certificate WHERE issuer_key = ? AND serial = ?")
                .params(issuerKey, serial)
                .query((rs, n) -> new Known(rs.getLong(1), CertificateKind.valueOf(rs.getString(2)), false)).optional();
    }

    /** Applies a lifecycle notice from the CA. */
    public void apply(CertificateNotice notice) {
        CertificateRef ref = notice.certificate();
        if (notice.change() == CertificateNotice.Change.ISSUED) {
            units.requireCode(notice.unitCode());
            upsert(new Described(ref, notice.subject(), notice.kind(), KindSource.ISSUANCE, notice.unitCode(),
                    notice.ownerName(), notice.ownerContact(), notice.notBefore(), notice.notAfter(), notice.x509()),
                    Origin.CA);
            return;
        }
        CertificateStatus status = switch (notice.change()) {
            case SUSPENDED -> CertificateStatus.SUSPENDED;
            case REINSTATED -> CertificateStatus.ACTIVE;
            case REVOKED -> CertificateStatus.REVOKED;
            case EXPIRED -> CertificateStatus.EXPIRED;
            case ISSUED -> throw new IllegalStateException();
        };
        int n = jdbc.sql("UPDATE usage_certificate SET status = ?, revoked_at = ? WHERE issuer_key = ? AND serial = ?")
                .params(status.name(), status == CertificateStatus.REVOKED ? utc(notice.at()) : null,
                        IssuerKeys.of(ref.issuer()), ref.serial())
                .update();
        if (n == 0) {
            throw unknown(ref);
        }
    }

    /**
     * Adds or refreshes a certificate; returns true when it is new. A kind corrected by hand, and
     * a unit already assigned, are kept when the description has none.
     */
    public boolean upsert(Described d, Origin origin) {
        if (d.unitCode() != null) {
            units.requireCode(d.unitCode());
        }
        String issuerKey = IssuerKeys.of(d.ref().issuer());
        String certSha256 = d.x509() == null ? null : Fingerprints.certificate(d.x509());
        String spkiSha256 = d.x509() == null ? null : Fingerprints.publicKey(d.x509());
        int inserted = jdbc.sql("INSERT INTO usage_certificate (issuer_key, registered_at, cert_sha256, spki_sha256, "
                + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(issuerKey, now(), certSha256, spkiSha256, d.ref().issuer(), d.ref().serial(), d.subject(),
                        d.kind().name(), d.kindSource().name(), d.unitCode(), d.ownerName(), d.ownerContact(),
                        CertificateStatus.ACTIVE.name(), origin.name(), utc(d.notBefore()), utc(d.notAfter()))
                .update();
        if (inserted == 1) {
            return true;
        }
        if (certSha256 != null) {
            // the same issuer and serial with another encoding is another certificate, not this one
            String stored = jdbc.sql("SELECT cert_sha256 FROM usage_certificate WHERE issuer_key = ? AND serial = ?")
                    .params(issuerKey, d.ref().serial()).query(String.class).optional().orElse(null);
            if (stored != null && !stored.equals(certSha256)) {
                throw new UsageException(ErrorCode.CONFLICTING_CERTIFICATE, "a different certificate with serial "
                        + d.ref().serial() + " from " + d.ref().issuer() + " is in the inventory already");
            }
            jdbc.sql("UPDATE usage_certificate SET cert_sha256 = ?, spki_sha256 = ? WHERE issuer_key = ? AND serial = ?")
                    .params(certSha256, spkiSha256, issuerKey, d.ref().serial()).update();
        }
        jdbc.sql("""
                UPDATE usage_certificate SET subject_dn = COALESCE(?, subject_dn),
                    kind = CASE WHEN kind_source = 'MANUAL' OR (? = 'UNKNOWN') THEN kind ELSE ? END,
                    kind_source = CASE WHEN kind_source = 'MANUAL' OR (? = 'UNKNOWN') THEN kind_source ELSE ? END,
                    unit_code = COALESCE(?, unit_code), owner_name = COALESCE(?, owner_name),
                    owner_contact = COALESCE(?, owner_contact), not_before = COALESCE(?, not_before),
                    not_after = COALESCE(?, not_after),
                    status = CASE WHEN status = 'UNKNOWN' THEN 'ACTIVE' ELSE status END,
                    origin = CASE WHEN origin = 'OBSERVED' THEN ? ELSE origin END
                WHERE issuer_key = ? AND serial = ?""")
                .params(d.subject(), d.kind().name(), d.kind().name(), d.kind().name(), d.kindSource().name(),
                        d.unitCode(), d.ownerName(), d.ownerContact(), utc(d.notBefore()), utc(d.notAfter()),
                        origin.name(), issuerKey, d.ref().serial())
                .update();
        known.remove(issuerKey + "/" + d.ref().serial());
        return false;
    }

    /**
     * The inventory's certificate that {@code signer} is: the same encoding, else the same public
     * key (a certificate renewed for the same key; the one valid at {@code at} first). Never by
     * issuer name and serial: anyone can write those into a certificate of their own.
     */
    public Optional<Holder> holder(X509Certificate signer, Instant at) {
        String select = "SELECT id, issuer_dn, serial, not_before, not_after, status, revoked_at FROM usage_certificate";
        Optional<Holder> same = jdbc.sql(select + " WHERE cert_sha256 = ?").param(Fingerprints.certificate(signer))
                .query(CertificateInventory::holder).optional();
        if (same.isPresent()) {
            return same;
        }
        return jdbc.sql(select + " WHERE spki_sha256 = ? ORDER BY not_before").param(Fingerprints.publicKey(signer))
                .query(CertificateInventory::holder).list().stream()
                .sorted(java.util.Comparator.comparing((Holder h) -> !validAt(h, at)))
                .findFirst();
    }

    private static boolean validAt(Holder h, Instant at) {
        return h.notBefore() != null && h.notAfter() != null && !at.isBefore(h.notBefore()) && !at.isAfter(h.notAfter());
    }

    private static Holder holder(ResultSet rs, int row) throws SQLException {
        return new Holder(rs.getLong(1), new CertificateRef(rs.getString(2), rs.getString(3)), instant(rs, "not_before"),
                instant(rs, "not_after"), CertificateStatus.valueOf(rs.getString(6)), instant(rs, "revoked_at"));
    }

    /** The stored status of each certificate of one issuer, by serial. */
    public Map<String, CertificateStatus> statusesOf(String issuerDn) {
        Map<String, CertificateStatus> statuses = new java.util.HashMap<>();
        jdbc.sql("SELECT serial, status FROM usage_certificate WHERE issuer_key = ?").param(IssuerKeys.of(issuerDn))
                .query(rs -> {
                    statuses.put(rs.getString(1), CertificateStatus.valueOf(rs.getString(2)));
                });
        return statuses;
    }

    /** Corrects the kind by hand; later imports keep it. */
    public void correctKind(CertificateRef ref, CertificateKind kind) {
        update(ref, "kind = ?, kind_source = 'MANUAL'", kind.name());
    }

    /** Moves a certificate to another unit. */
    public void assignUnit(CertificateRef ref, String unitCode) {
        units.requireCode(unitCode);
        update(ref, "unit_code = ?", unitCode);
    }

    /** Records who holds the certificate and how to reach them. */
    public void setOwner(CertificateRef ref, String ownerName, String ownerContact) {
        update(ref, "owner_name = ?, owner_contact = ?", ownerName, ownerContact);
    }

    private void update(CertificateRef ref, String set, Object... values) {
        String issuerKey = IssuerKeys.of(ref.issuer());
        Object[] params = new Object[values.length + 2];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = issuerKey;
        params[values.length + 1] = ref.serial();
        if (jdbc.sql("UPDATE usage_certificate SET " + set + " WHERE issuer_key = ? AND serial = ?").params(params)
                .update() == 0) {
            throw unknown(ref);
        }
        known.remove(issuerKey + "/" + ref.serial());
    }

    public Optional<InventoryEntry> find(CertificateRef ref) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM usage_certificate WHERE issuer_key = ? AND serial = ?")
                .params(IssuerKeys.of(ref.issuer()), ref.serial()).query(this::entry).optional();
    }

    /** How many certificates are in each status now (ACTIVE ones past notAfter count as EXPIRED). */
    public Map<CertificateStatus, Long> countByStatus() {
        Map<CertificateStatus, Long> counts = new EnumMap<>(CertificateStatus.class);
        for (CertificateStatus s : CertificateStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("""
                SELECT s, COUNT(*) FROM (SELECT CASE WHEN status = 'ACTIVE' AND not_after < ? THEN 'EXPIRED'
                    ELSE status END AS s FROM usage_certificate) t GROUP BY s""")
                .param(now())
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> counts
                        .put(CertificateStatus.valueOf(rs.getString(1)), rs.getLong(2)));
        return counts;
    }

    private InventoryEntry entry(ResultSet rs, int row) throws SQLException {
        Instant notAfter = instant(rs, "not_after");
        return new InventoryEntry(new CertificateRef(rs.getString("issuer_dn"), rs.getString("serial")),
                rs.getString("subject_dn"), CertificateKind.valueOf(rs.getString("kind")),
                KindSource.valueOf(rs.getString("kind_source")), rs.getString("unit_code"), rs.getString("owner_name"),
                rs.getString("owner_contact"),
                effectiveStatus(CertificateStatus.valueOf(rs.getString("status")), notAfter, clock.instant()),
                Origin.valueOf(rs.getString("origin")), instant(rs, "not_before"), notAfter);
    }

    /** ACTIVE certificates whose validity has ended are EXPIRED even before the CA says so. */
    public static CertificateStatus effectiveStatus(CertificateStatus stored, Instant notAfter, Instant now) {
        return stored == CertificateStatus.ACTIVE && notAfter != null && notAfter.isBefore(now)
                ? CertificateStatus.EXPIRED : stored;
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** The CN of a subject DN, for an owner name when no better one is known. */
    public static String commonName(String subject) {
        if (subject == null) {
            return null;
        }
        try {
            var rdns = new org.bouncycastle.asn1.x500.X500Name(org.bouncycastle.asn1.x500.style.BCStyle.INSTANCE,
                    subject).getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN);
            if (rdns.length == 0) {
                return null;
            }
            var value = rdns[0].getFirst().getValue();
            return value instanceof org.bouncycastle.asn1.ASN1String s ? s.getString()
                    : org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static UsageException unknown(CertificateRef ref) {
        return new UsageException(ErrorCode.UNKNOWN_CERTIFICATE,
                "no certificate with serial " + ref.serial() + " from " + ref.issuer() + " in the inventory");
    }
}
