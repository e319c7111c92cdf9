package vn.kyso.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.kyso.signing.testpki.TestPki;

/** Closed periods are closed (issue 14): a closed period's report is frozen as a signed snapshot. */
class SnapshotTest {

    private static final TestPki PKI = TestPki.create();
    private static final ReportRequest YEAR_2025 = ReportRequest.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aClosedPeriodsReportIsFrozenSignedAndLaterChangesDoNotMoveIt(TestDatabase database) {
        try (TestDatabase.Open db = database.open()) {
            List<String> audit = new ArrayList<>();
            TestPki.Credential signer = PKI.signer("kyso báo cáo", PKI.caKeyType());
            UsageReports usage = builder(db, audit).snapshotSigner(SnapshotSigner.cms(signer.privateKey(),
                    signer.chain())).build();
            new SmallProvince(usage);

            ReportSnapshot frozen = usage.snapshot(YEAR_2025, "auditor");
            assertThat(frozen.headline()).startsWith("2 trên 5 ");
            assertThat(new String(frozen.content(), StandardCharsets.UTF_8)).contains("Trần Văn Hùng");
            assertThat(usage.verifySnapshot(frozen)).hasValueSatisfying(s -> assertThat(s).contains("kyso báo cáo"));
            assertThat(audit).containsExactly("auditor USAGE_SNAPSHOT_TAKEN snapshot:" + frozen.id());

            // the defect: an import after the close moved the closed year's figures (2 of 5 became 2 of 6)
            usage.importCertificates(("serial,subject,issuer,not_before,not_after\n"
                    + "e01,CN=Late,CN=Other CA,2024-01-01,2028-01-01\n").getBytes(StandardCharsets.UTF_8), null);
            assertThat(usage.report(YEAR_2025).summary().certificates()).isEqualTo(6);
            ReportSnapshot again = usage.snapshot(YEAR_2025, "someone-else");
            assertThat(again.id()).isEqualTo(frozen.id());
            assertThat(again.content()).isEqualTo(frozen.content());
            assertThat(again.headline()).startsWith("2 trên 5 ");
            assertThat(again.takenBy()).isEqualTo("auditor");
            assertThat(audit).hasSize(1);
            assertThat(usage.snapshot(frozen.id())).get().extracting(ReportSnapshot::contentSha256)
                    .isEqualTo(frozen.contentSha256());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAlteredSnapshotOrOneSignedOutsideKysoDoesNotVerify(TestDatabase database) {
        try (TestDatabase.Open db = database.open()) {
            TestPki.Credential signer = PKI.signer("kyso báo cáo", PKI.caKeyType());
            UsageReports usage = builder(db, new ArrayList<>()).snapshotSigner(SnapshotSigner.cms(signer.privateKey(),
                    signer.chain())).build();
            new SmallProvince(usage);
            ReportSnapshot frozen = usage.snapshot(YEAR_2025, "auditor");

            byte[] altered = frozen.content().clone();
            altered[altered.length - 2] ^= 1;
            assertThat(usage.verifySnapshot(copy(frozen, altered, frozen.signature()))).isEmpty();
            // a lookalike CA with the same names signs the same content: not kyso's
            TestPki lookalike = TestPki.create();
            TestPki.Credential forger = lookalike.signer("kyso báo cáo", lookalike.caKeyType());
            byte[] forged = SnapshotSigner.cms(forger.privateKey(), forger.chain()).sign(frozen.content());
            assertThat(usage.verifySnapshot(copy(frozen, frozen.content(), forged))).isEmpty();
            assertThat(usage.verifySnapshot(copy(frozen, frozen.content(), new byte[] { 0x30, 0 }))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPeriodNotOverOrWithinItsGraceTimeHasNoSnapshot(TestDatabase database) {
        try (TestDatabase.Open db = database.open()) {
            // the clock stands at 15 January 2026; grace 10 days
            UsageReports usage = builder(db, new ArrayList<>()).build();
            for (ReportRequest open : List.of(ReportRequest.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)),
                    ReportRequest.of(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 10)))) {
                assertThat(usage.closed(open)).isFalse();
                assertThatThrownBy(() -> usage.snapshot(open, "auditor")).isInstanceOfSatisfying(UsageException.class,
                        e -> assertThat(e.code()).isEqualTo(UsageException.ErrorCode.PERIOD_NOT_CLOSED));
            }
            assertThat(usage.closed(ReportRequest.of(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 5)))).isFalse();
            assertThat(usage.closed(ReportRequest.of(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 4)))).isTrue();
        }
    }

    private static UsageReports.Builder builder(TestDatabase.Open db, List<String> audit) {
        return UsageReports.builder().dataSource(db.dataSource()).clock(Fixtures.CLOCK).random(new SecureRandom())
                .unitHistory(TestUnits.caMau()).trustAnchors(List.of(PKI.root().certificate()))
                .closeGrace(Duration.ofDays(10))
                .auditTrail((actor, action, target, details) -> {
                    if (action.equals("USAGE_SNAPSHOT_TAKEN")) {
                        audit.add(actor + " " + action + " " + target);
                    }
                });
    }

    private static ReportSnapshot copy(ReportSnapshot s, byte[] content, byte[] signature) {
        return new ReportSnapshot(s.id(), s.from(), s.to(), s.unitKey(), s.kind(), s.todaysUnits(), s.headline(),
                content, s.contentSha256(), signature, s.takenAt(), s.takenBy());
    }
}
