package vn.kyso.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.usage.Fixtures.sha256;
import static vn.kyso.usage.Fixtures.signed;
import static vn.kyso.usage.Fixtures.vn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.kyso.usage.inventory.IssuerKeys;

/**
 * A data folder written by the first schema (hex once-only keys, rollups keyed by certificate
 * and period) upgrades in place: its events keep counting once, and its rollup rows keep
 * receiving new counts.
 */
class UpgradeFromV1Test {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eventsStoredBeforeTheUpgradeStillCountOnce(TestDatabase database) throws Exception {
        try (TestDatabase.Open db = database.open()) {
            Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration/usage")
                    .table("flyway_schema_history_usage").target("1").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
            CertificateRef ref = new CertificateRef(Fixtures.KYSO_CA, "c0ffee");
            String issuerKey = IssuerKeys.of(ref.issuer());
            OffsetDateTime at = vn("2025-05-05T09:00").atOffset(ZoneOffset.UTC);
            jdbc.update("INSERT INTO usage_certificate (issuer_key, serial, issuer_dn, kind, kind_source, status, origin,"
                    + " registered_at, not_before, not_after) VALUES (?, ?, ?, 'PERSONAL', 'ISSUANCE', 'ACTIVE', 'CA', ?,"
                    + " ?, ?)", issuerKey, ref.serial(), ref.issuer(), at, at.minusYears(1), at.plusYears(2));
            long id = jdbc.queryForObject("SELECT id FROM usage_certificate", Long.class);
            // the first schema's key: SHA-256 in hex over what makes the signature the same one
            String identity = "signature|" + issuerKey + "|" + ref.serial() + "|" + sha256("doc") + "|Signature1";
            String oldKey = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(StandardCharsets.UTF_8)));
            jdbc.update("INSERT INTO usage_event (dedup_key, certificate_id, event_type, occurred_at, use_day,"
                    + " document_sha256, signature_field, channel, pades_level, duration_ms, recorded_at)"
                    + " VALUES (?, ?, 'SIGNED', ?, ?, ?, 'Signature1', 'WEB', 'B_LT', 700, ?)", oldKey, id, at,
                    LocalDate.of(2025, 5, 5), sha256("doc"), at);
            jdbc.update("INSERT INTO usage_daily VALUES (?, ?, 1, 0, 0, 0)", id, LocalDate.of(2025, 5, 5));
            jdbc.update("INSERT INTO usage_monthly VALUES (?, ?, 1, 0, 0, 0, ?)", id, LocalDate.of(2025, 5, 1),
                    LocalDate.of(2025, 5, 5));

            UsageReports usage = Fixtures.usage(db);

            assertThat(usage.record(signed(ref, vn("2025-05-05T09:00"), "doc"))).isEqualTo(new RecordResult(0, 1, 0));
            assertThat(usage.record(signed(ref, vn("2025-05-05T15:00"), "another doc")).recorded()).isEqualTo(1);
            assertThat(jdbc.queryForList("SELECT signed FROM usage_daily", Integer.class)).containsExactly(2);
            assertThat(jdbc.queryForList("SELECT signed FROM usage_monthly", Integer.class)).containsExactly(2);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usage_event", Long.class)).isEqualTo(2);
            UsageReport.CertificateUsage row = PolicyOnDatabaseTest.row(
                    usage.report(ReportRequest.of(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31))), ref);
            assertThat(row.signatures()).isEqualTo(2);
            assertThat(row.lastUse()).isEqualTo(LocalDate.of(2025, 5, 5));
        }
    }
}
