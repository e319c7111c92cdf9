package vn.kyso.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignResult;
import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.signing.testpki.TestPki;
import vn.kyso.signing.testpki.TestPki.KeyType;
import vn.kyso.signing.testpki.TestPkiServer;

/**
 * Only proven signatures count (issue 14): a lookalike CA's forgeries, back-dated signatures, a
 * revoked key's later signatures and a stranger's self-signed certificate move no figure and are
 * kept as rejected observations; one signature counts once at any PAdES level and after a later
 * revision.
 */
class ProvenCountingTest {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static TestPkiServer server;
    static TestPki kyso;
    static TestPki.Credential regular;
    static TestPki.Credential dormant;
    static TestPki.Credential never;
    static TestPki.Credential clerk;

    @TempDir
    static Path dir;

    @BeforeAll
    static void pki() {
        server = TestPkiServer.start(KeyType.EC_P256);
        kyso = server.pki();
        Instant from = NOW.minus(Duration.ofDays(400));
        Instant to = NOW.plus(Duration.ofDays(700));
        regular = kyso.signer("Lê Văn Thường", KeyType.EC_P256, from, to);
        dormant = kyso.signer("Trần Thị Ngủ", KeyType.EC_P256, from, to);
        never = kyso.signer("Phạm Văn Chưa", KeyType.EC_P256, from, to);
        clerk = kyso.signer("Văn thư Sở Tư pháp", KeyType.EC_P256, from, to);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The closed period: last calendar month (in Vietnam). */
    static ReportRequest closedPeriod() {
        YearMonth last = YearMonth.from(NOW.atZone(UsageReports.VIETNAM)).minusMonths(1);
        return ReportRequest.of(last.atDay(1), last.atEndOfMonth());
    }

    static Instant inClosedPeriod(int day) {
        return closedPeriod().from().plusDays(day).atTime(9, 0).atZone(UsageReports.VIETNAM).toInstant();
    }

    /** Three certificates of kyso's CA: one used in the closed period, one only before it, one never. */
    static UsageReports province(TestDatabase.Open db) {
        return province(db, CLOCK);
    }

    static UsageReports province(TestDatabase.Open db, Clock clock) {
        UsageReports usage = UsageReports.builder().dataSource(db.dataSource()).clock(clock).random(new SecureRandom())
                .unitHistory(TestUnits.caMau())
                .trustAnchors(List.of(kyso.root().certificate())).metricsCacheTtl(Duration.ZERO).build();
        for (TestPki.Credential c : List.of(regular, dormant, never, clerk)) {
            usage.onCertificate(CertificateNotice.issued(c.certificate(), NOW.minus(Duration.ofDays(400)),
                    CertificateKind.PERSONAL, "AG-STP", owner(c), null));
        }
        usage.record(Fixtures.signed(CertificateRef.of(regular.certificate()), inClosedPeriod(3), "regular-doc"));
        usage.record(Fixtures.signed(CertificateRef.of(dormant.certificate()),
                inClosedPeriod(3).minus(Duration.ofDays(90)), "dormant-doc"));
        return usage;
    }

    private static String owner(TestPki.Credential c) {
        return c.certificate().getSubjectX500Principal().getName();
    }

    static UsageReport.Summary closed(UsageReports usage) {
        return usage.report(closedPeriod()).summary();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void lookalikeCaForgeriesCountNothingAndAreKeptAsRejected(TestDatabase database) throws Exception {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = province(db);
            UsageReport.Summary before = closed(usage);
            long signaturesThisYear = usage.report(usage.defaultPeriod()).summary().signatures();
            assertThat(before.regular()).isEqualTo(1);
            assertThat(before.dormant()).isEqualTo(1);
            assertThat(before.neverUsed()).isEqualTo(2);

            // a self-made CA with the very names of kyso's, and leaves carrying the real serials
            TestPki lookalike = TestPki.create(NOW, null, KeyType.EC_P256, "Test");
            assertThat(lookalike.issuingCa().certificate().getSubjectX500Principal())
                    .isEqualTo(kyso.issuingCa().certificate().getSubjectX500Principal());
            List<Path> forged = new ArrayList<>();
            for (TestPki.Credential victim : List.of(dormant, never)) {
                TestPki.Credential fake = forge(lookalike, victim.certificate());
                for (int i = 0; i < 3; i++) {
                    forged.add(TestPdfs.sign(TestPdfs.plain(dir.resolve("forged-" + forged.size() + ".pdf")),
                            dir.resolve("forged-" + forged.size() + "-signed.pdf"), fake, inClosedPeriod(5 + i)));
                }
            }

            IngestResult result = usage.ingest(forged, null, "auditor");

            assertThat(result.signaturesFound()).isEqualTo(6);
            assertThat(result.recorded()).isZero();
            assertThat(result.rejected()).hasSize(6)
                    .allSatisfy(r -> assertThat(r.code()).isEqualTo(RejectionReason.NOT_IN_INVENTORY));
            assertThat(closed(usage)).isEqualTo(before);
            assertThat(usage.report(usage.defaultPeriod()).summary().signatures()).isEqualTo(signaturesThisYear);
            List<RejectedObservation> seen = usage.rejectedObservations(NOW.minusSeconds(1), NOW.plusSeconds(1), 100);
            assertThat(seen).hasSize(6).allSatisfy(o -> {
                assertThat(o.observedBy()).isEqualTo("auditor");
                assertThat(o.reason()).isEqualTo(RejectionReason.NOT_IN_INVENTORY);
                assertThat(o.fileSha256()).hasSize(64);
                assertThat(o.signatureId()).hasSize(64);
            });
            assertThat(seen).extracting(o -> o.certificate().serial()).containsOnly(
                    dormant.certificate().getSerialNumber().toString(16),
                    never.certificate().getSerialNumber().toString(16));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void backDatedSignaturesWithTheRealKeyDoNotMoveAClosedPeriod(TestDatabase database) throws Exception {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = province(db);
            UsageReport.Summary before = closed(usage);
            List<Path> backDated = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                backDated.add(TestPdfs.sign(TestPdfs.plain(dir.resolve("old-" + i + ".pdf")),
                        dir.resolve("old-" + i + "-signed.pdf"), never, inClosedPeriod(2 + i)));
            }

            IngestResult result = usage.ingest(backDated, null, "auditor");

            // no timestamp proves the claimed dates: the signatures count when ingested, today
            assertThat(result.recorded()).isEqualTo(6);
            assertThat(closed(usage)).isEqualTo(before);
            LocalDate today = LocalDate.ofInstant(NOW, UsageReports.VIETNAM);
            UsageReport thisMonth = usage.report(ReportRequest.of(today.withDayOfMonth(1), today));
            assertThat(PolicyOnDatabaseTest.row(thisMonth, CertificateRef.of(never.certificate())).signatures())
                    .isEqualTo(6);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRevokedKeysLaterSignaturesAreNotCounted(TestDatabase database) throws Exception {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = province(db);
            // the key was exported, then revoked for keyCompromise yesterday; it keeps signing
            usage.onCertificate(CertificateNotice.of(CertificateNotice.Change.REVOKED,
                    CertificateRef.of(dormant.certificate()), NOW.minus(Duration.ofDays(1))));
            Path signed = TestPdfs.sign(TestPdfs.plain(dir.resolve("after-revocation.pdf")),
                    dir.resolve("after-revocation-signed.pdf"), dormant, inClosedPeriod(10));

            IngestResult result = usage.ingest(List.of(signed), null, "auditor");

            assertThat(result.recorded()).isZero();
            assertThat(result.rejected()).singleElement()
                    .satisfies(r -> assertThat(r.code()).isEqualTo(RejectionReason.REVOKED));
            LocalDate today = LocalDate.ofInstant(NOW, UsageReports.VIETNAM);
            UsageReport thisMonth = usage.report(ReportRequest.of(today.withDayOfMonth(1), today));
            assertThat(thisMonth.summary().signatures()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aStrangersSelfSignedCertificateIsNotAddedToTheInventory(TestDatabase database) throws Exception {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = province(db);
            int certificates = closed(usage).certificates();
            KeyPair keys = TestPki.generateKeyPair(KeyType.EC_P256);
            X509Certificate self = certificate(new X500Name("C=VN,CN=Người lạ"), keys, new X500Name("C=VN,CN=Người lạ"),
                    keys, BigInteger.valueOf(4242), NOW.minus(Duration.ofDays(2000)), NOW.plus(Duration.ofDays(2000)),
                    false);
            TestPki.Credential stranger = new TestPki.Credential(keys.getPrivate(), self, List.of());
            Path signed = TestPdfs.sign(TestPdfs.plain(dir.resolve("stranger.pdf")), dir.resolve("stranger-signed.pdf"),
                    stranger, NOW.minus(Duration.ofHours(1)));

            IngestResult result = usage.ingest(List.of(signed), null, "auditor");

            assertThat(result.rejected()).singleElement()
                    .satisfies(r -> assertThat(r.code()).isEqualTo(RejectionReason.NOT_IN_INVENTORY));
            assertThat(usage.certificate(CertificateRef.of(self))).isEmpty();
            assertThat(closed(usage).certificates()).isEqualTo(certificates);
            assertThat(usage.report(ReportRequest.of(LocalDate.of(2000, 1, 1), LocalDate.of(2000, 12, 31)))
                    .summary().certificates()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anLtSignatureAndTheClerksAppendixStampCountTwoNotFour(TestDatabase database) throws Exception {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = province(db);
            PdfSigner signer = PdfSigner.builder().timestampSource(
                    new vn.kyso.signing.tsp.HttpTimestampSource(server.tsaUrl())).build();
            Path plain = TestPdfs.plain(dir.resolve("decision-" + database + ".pdf"));
            Path byOfficer = dir.resolve("decision-" + database + "-officer.pdf");
            SignResult officer = signer.sign(SignRequest.builder(InMemorySigningKey.of(regular.privateKey(),
                    regular.chain()), PadesLevel.B_LT).build(), plain, byOfficer);
            usage.record(UsageEvent.signed(CertificateRef.of(regular.certificate()), NOW, hex(officer.documentSha256()),
                    officer.fieldName(), Channel.WEB, PadesLevel.B_LT, Duration.ofMillis(900), officer.signatureId()));
            Path stamped = dir.resolve("decision-" + database + "-stamped.pdf");
            SignResult stamp = signer.sign(SignRequest.builder(InMemorySigningKey.of(clerk.privateKey(), clerk.chain()),
                    PadesLevel.B_LT).build(), byOfficer, stamped);
            usage.record(UsageEvent.signed(CertificateRef.of(clerk.certificate()), NOW, hex(stamp.documentSha256()),
                    stamp.fieldName(), Channel.WEB, PadesLevel.B_LT, Duration.ofMillis(900), stamp.signatureId()));

            // the stamped document comes back through ingestion, twice
            IngestResult first = usage.ingest(List.of(stamped), null, "auditor");
            IngestResult again = usage.ingest(List.of(stamped, byOfficer), null, "auditor");

            assertThat(first.signaturesFound()).isEqualTo(2);
            assertThat(first.rejected()).isEmpty();
            assertThat(first.recorded()).isZero();
            assertThat(first.duplicates()).isEqualTo(2);
            assertThat(again.recorded()).isZero();
            LocalDate today = LocalDate.ofInstant(NOW, UsageReports.VIETNAM);
            assertThat(usage.report(ReportRequest.of(today.withDayOfMonth(1), today)).summary().signatures())
                    .isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anLtaSignatureMadeThroughKysoAndIngestedLaterCountsOnce(TestDatabase database) throws Exception {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = province(db);
            PdfSigner signer = PdfSigner.builder().timestampSource(
                    new vn.kyso.signing.tsp.HttpTimestampSource(server.tsaUrl())).build();
            Path plain = TestPdfs.plain(dir.resolve("lta-" + database + ".pdf"));
            Path signed = dir.resolve("lta-" + database + "-signed.pdf");
            // B-LTA: the DSS and a document timestamp are later updates, so the file's hash is not the
            // signed revision's; the defect counted the SIGNED event and the ingested signature apart
            SignResult result = signer.sign(SignRequest.builder(InMemorySigningKey.of(regular.privateKey(),
                    regular.chain()), PadesLevel.B_LTA).build(), plain, signed);
            usage.record(UsageEvent.signed(CertificateRef.of(regular.certificate()), NOW, hex(result.documentSha256()),
                    result.fieldName(), Channel.WEB, PadesLevel.B_LTA, Duration.ofMillis(900), result.signatureId()));

            IngestResult ingested = usage.ingest(List.of(signed), null, "auditor");

            assertThat(ingested.signaturesFound()).isEqualTo(1);
            assertThat(ingested.rejected()).isEmpty();
            assertThat(ingested.recorded()).isZero();
            assertThat(ingested.duplicates()).isEqualTo(1);
            LocalDate today = LocalDate.ofInstant(NOW, UsageReports.VIETNAM);
            assertThat(usage.report(ReportRequest.of(today.withDayOfMonth(1), today)).summary().signatures())
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTimestampedSignatureDatedInAClosedMonthIsAnAmendmentBesideUnchangedFigures(TestDatabase database)
            throws Exception {
        // fifty days from now this month is over and its ten days of grace too
        Clock later = Clock.fixed(NOW.plus(Duration.ofDays(50)), ZoneOffset.UTC);
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = province(db, later);
            LocalDate today = LocalDate.ofInstant(NOW, UsageReports.VIETNAM);
            ReportRequest thisMonth = ReportRequest.of(today.withDayOfMonth(1), today.withDayOfMonth(today.lengthOfMonth()));
            UsageReport.Summary before = usage.report(thisMonth).summary();
            PdfSigner signer = PdfSigner.builder().timestampSource(
                    new vn.kyso.signing.tsp.HttpTimestampSource(server.tsaUrl())).build();
            Path timestamped = dir.resolve("timestamped-" + database + ".pdf");
            signer.sign(SignRequest.builder(InMemorySigningKey.of(never.privateKey(), never.chain()), PadesLevel.B_T)
                    .build(), TestPdfs.plain(dir.resolve("late-" + database + ".pdf")), timestamped);

            IngestResult first = usage.ingest(List.of(timestamped), null, "auditor");
            IngestResult again = usage.ingest(List.of(timestamped), null, "auditor");

            assertThat(first.rejected()).isEmpty();
            assertThat(first.recorded()).isZero();
            assertThat(again.recorded()).isZero();
            UsageReport report = usage.report(thisMonth);
            assertThat(report.summary()).isEqualTo(before);
            assertThat(report.amendments()).singleElement().satisfies(a -> {
                assertThat(a.certificate()).isEqualTo(CertificateRef.of(never.certificate()));
                assertThat(a.recordedBy()).isEqualTo("auditor");
                assertThat(a.recordedAt()).isEqualTo(later.instant());
                assertThat(a.signedAt()).isBetween(NOW.minusSeconds(120), NOW.plusSeconds(600));
            });
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A leaf of {@code ca} copying {@code victim}'s subject, issuer name and serial, for a new key. */
    static TestPki.Credential forge(TestPki ca, X509Certificate victim) throws Exception {
        KeyPair keys = TestPki.generateKeyPair(KeyType.EC_P256);
        X509Certificate fake = certificate(X500Name.getInstance(victim.getSubjectX500Principal().getEncoded()), keys,
                X500Name.getInstance(ca.issuingCa().certificate().getSubjectX500Principal().getEncoded()),
                new KeyPair(ca.issuingCa().certificate().getPublicKey(), ca.issuingCa().privateKey()),
                victim.getSerialNumber(), victim.getNotBefore().toInstant(), victim.getNotAfter().toInstant(), false);
        assertThat(fake.getIssuerX500Principal()).isEqualTo(victim.getIssuerX500Principal());
        assertThat(fake.getSerialNumber()).isEqualTo(victim.getSerialNumber());
        return new TestPki.Credential(keys.getPrivate(), fake, List.of(ca.issuingCa().certificate(),
                ca.root().certificate()));
    }

    static X509Certificate certificate(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
            BigInteger serial, Instant notBefore, Instant notAfter, boolean ca) throws Exception {
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore),
                Date.from(notAfter), subject, subjectKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(
                TestPki.signatureAlgorithm(issuerKeys.getPrivate())).build(issuerKeys.getPrivate())));
    }
}
