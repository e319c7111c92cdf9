package vn.kyso.usage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

import vn.kyso.signing.PadesLevel;

/** Shared test values: a fixed clock, a kyso CA issuer, certificates and signatures. */
public final class Fixtures {

    /** 15 January 2026, 10:00 in Vietnam: the default period is the calendar year 2025. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T03:00:00Z"), ZoneOffset.UTC);
    public static final String KYSO_CA = "C=VN,O=Ủy ban nhân dân tỉnh Cà Mau,CN=kyso Cà Mau Issuing CA";

    private Fixtures() {
    }

    public static UsageReports usage(TestDatabase.Open db) {
        return UsageReports.builder().dataSource(db.dataSource()).clock(CLOCK).random(new SecureRandom())
                .unitHistory(TestUnits.caMau())
                .metricsCacheTtl(Duration.ZERO).build();
    }

    /** A local (Vietnam) date-time as an instant. */
    public static Instant vn(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(UsageReports.VIETNAM).toInstant();
    }

    /** Issues a certificate in kyso's CA, valid 2024-2027, in {@code unit}. */
    public static CertificateRef issue(UsageReports usage, String serial, CertificateKind kind, String unit,
            String owner) {
        CertificateRef ref = new CertificateRef(KYSO_CA, serial);
        usage.onCertificate(CertificateNotice.issued(ref, vn("2024-01-02T09:00"),
                "C=VN,O=Cà Mau,CN=" + owner + (kind == CertificateKind.AGENCY ? ",UID=MST:2000000001" : ",UID=CCCD:096000000001"),
                kind, unit, owner, owner.toLowerCase().replace(' ', '.') + "@camau.gov.vn", vn("2024-01-02T09:00"),
                vn("2027-01-02T09:00")));
        return ref;
    }

    /** A SIGNED event for a fresh document. */
    public static UsageEvent signed(CertificateRef ref, Instant at, String document) {
        return UsageEvent.signed(ref, at, sha256(document), "Signature1", Channel.WEB, PadesLevel.B_LT,
                Duration.ofMillis(700));
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
