package vn.kyso.usage;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kyso.signing.PadesLevel;
import vn.kyso.usage.UsageException.ErrorCode;
import vn.kyso.usage.demo.DemoPlanner;
import vn.kyso.usage.event.BinaryOnceKeys;
import vn.kyso.usage.event.EventStore;
import vn.kyso.usage.export.CsvExport;
import vn.kyso.usage.export.XlsxExport;
import vn.kyso.usage.ingest.Amendments;
import vn.kyso.usage.ingest.FolderPoller;
import vn.kyso.usage.ingest.RejectionLog;
import vn.kyso.usage.inventory.Fingerprints;
import vn.kyso.usage.ingest.Ingestion;
import vn.kyso.usage.ingest.VerifiedSignatures;
import vn.kyso.usage.ingest.SignatureExtractor;
import vn.kyso.usage.inventory.CertificateImport;
import vn.kyso.usage.inventory.CertificateInventory;
import vn.kyso.usage.metrics.UsageMetrics;
import vn.kyso.usage.report.ReportBuilder;
import vn.kyso.usage.snapshot.Snapshots;
import vn.kyso.usage.units.UnitDirectory;

/**
 * The usage-reports module: how often each certificate is really used. Records usage events
 * (once each), keeps its own certificate inventory, ingests signed PDFs, and reports regular use
 * for any period and unit subtree. Thread-safe; build one per database with {@link #builder()}.
 * Database failures surface as {@link UsageException} with STORAGE_FAILURE.
 */
public final class UsageReports {

    /** Calendar days and months are counted in Vietnam time unless told otherwise. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Clock clock;
    private final ZoneId zone;
    private final UnitDirectory units;
    private final CertificateInventory inventory;
    private final CertificateImport imports;
    private final EventStore events;
    private final Ingestion ingestion;
    private final RejectionLog rejections;
    private final AuditTrail audit;
    private final ReportBuilder reports;
    private final DemoPlanner demo;
    private final UsageMetrics metrics;
    private final SecureRandom random;
    private final TransactionTemplate tx;
    private final Snapshots snapshots;

    private UsageReports(Builder b) {
        this.clock = b.clock;
        this.zone = b.zone;
        this.random = b.random;
        if (b.migrate) {
            Flyway.configure().dataSource(b.dataSource).locations("classpath:db/migration/usage")
                    .javaMigrations(migrations()).table("flyway_schema_history_usage").baselineOnMigrate(true)
                    .baselineVersion("0").load().migrate();
        }
        JdbcTemplate jdbcTemplate = new JdbcTemplate(b.dataSource);
        JdbcClient jdbc = JdbcClient.create(jdbcTemplate);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(b.dataSource));
        this.tx = tx;
        this.units = new UnitDirectory(b.unitHistory);
        this.inventory = new CertificateInventory(jdbc, units, clock);
        this.imports = new CertificateImport(inventory);
        this.events = new EventStore(jdbcTemplate, tx, inventory, clock, random, zone);
        this.audit = b.audit;
        this.rejections = new RejectionLog(jdbc);
        Amendments amendments = new Amendments(jdbc, zone, b.closeGrace);
        this.ingestion = new Ingestion(b.extractor, inventory, this::recordQuietly, b.maxDocumentBytes, rejections,
                audit, clock, amendments, e -> storage(() -> events.isRecorded(e)));
        this.reports = new ReportBuilder(jdbcTemplate, units, clock, zone, amendments);
        this.snapshots = new Snapshots(jdbc, b.snapshotSigner, b.trustAnchors, clock, zone, b.closeGrace);
        this.demo = new DemoPlanner(zone);
        this.metrics = new UsageMetrics(inventory::countByStatus, this::regularRatio, clock, b.metricsCacheTtl);
    }

    /**
     * The module's migrations written in Java (with the SQL ones under {@code db/migration/usage}):
     * a service running the usage migrations with its own Flyway must register these too.
     */
    public static JavaMigration[] migrations() {
        return new JavaMigration[] { new BinaryOnceKeys() };
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- usage events ------------------------------------------------------------------------

    /** Records one event; a repeat of a known signature is counted once. */
    public RecordResult record(UsageEvent event) {
        return recordAll(List.of(event));
    }

    /**
     * Records events in batches, one transaction per 10,000, rollups included. New
     * SIGNED events move the {@code kyso.signatures} counter and the signing timer.
     */
    public RecordResult recordAll(List<UsageEvent> batch) {
        return storage(() -> events.record(batch, (e, kind) -> metrics.signatureMade(kind, e.level(), e.channel(),
                UsageMetrics.Outcome.SUCCESS, e.duration())));
    }

    /**
     * Adds counted CHECKED or VERIFIED signals to the rollups (one transaction), for certificates
     * the inventory knows; others are left out, never registered. Returns the signals counted.
     */
    public long recordCounts(List<SignalCount> counts) {
        return storage(() -> events.count(counts));
    }

    /**
     * Counts a verification kyso made of an intact signature whose verifying certificate is one of
     * the inventory (by encoding or key); any other certificate is left out, never registered.
     */
    public RecordResult verified(X509Certificate signer, java.time.Instant at, String documentSha256, String field,
            String signatureId) {
        return storage(() -> inventory.holder(signer, at)
                .map(h -> events.record(List.of(new UsageEvent(EventType.VERIFIED, h.ref(), at, documentSha256, field,
                        null, null, null, null, signatureId)), (e, kind) -> { }))
                .orElse(new RecordResult(0, 0, 1)));
    }

    private RecordResult recordQuietly(List<UsageEvent> batch) {
        return storage(() -> events.record(batch, (e, kind) -> { }));
    }

    /** A signing attempt that failed: counted by the meters only (it is not a usage event). */
    public void signingFailed(CertificateRef certificate, Channel channel, PadesLevel level, Duration duration) {
        CertificateKind kind = inventory.find(certificate).map(InventoryEntry::kind).orElse(CertificateKind.UNKNOWN);
        metrics.signatureMade(kind, level, channel, UsageMetrics.Outcome.FAILURE, duration);
    }

    // ---- inventory ---------------------------------------------------------------------------

    /** Follows the CA: issued, suspended, reinstated, revoked, expired. */
    public void onCertificate(CertificateNotice notice) {
        storage(() -> {
            inventory.apply(notice);
            return null;
        });
    }

    /**
     * Applies several lifecycle notices in order, in one transaction (the CA's feed in batches):
     * all or none. A caller that must not lose the others on one bad notice applies them singly then.
     */
    public void onCertificates(List<CertificateNotice> notices) {
        storage(() -> tx.execute(status -> {
            notices.forEach(inventory::apply);
            return null;
        }));
    }

    /** The stored status of each inventory certificate of one issuer, by normalised serial. */
    public Map<String, CertificateStatus> inventoryStatuses(String issuerDn) {
        return storage(() -> inventory.statusesOf(issuerDn));
    }

    /** Imports PEM, DER, PKCS#7 or CSV; certificates the file gives no unit go to {@code unitCode} (may be null). */
    public ImportResult importCertificates(byte[] content, String unitCode) {
        return importCertificates(content, unitCode, "system");
    }

    /** An admin's import of other CAs' certificates, audited under {@code actor}. */
    public ImportResult importCertificates(byte[] content, String unitCode, String actor) {
        ImportResult result = storage(() -> imports.importFile(content, unitCode));
        audit.append(actor, "USAGE_CERTIFICATES_IMPORTED", "sha256:" + Fingerprints.sha256Hex(content),
                String.valueOf(result));
        return result;
    }

    public ImportResult importCertificates(Path file, String unitCode) {
        try {
            return importCertificates(Files.readAllBytes(file), unitCode);
        } catch (IOException e) {
            throw new UsageException(ErrorCode.IO_ERROR, "cannot read " + file.getFileName(), e);
        }
    }

    /** Corrects a certificate's kind by hand (later imports keep the correction). */
    public void correctKind(CertificateRef certificate, CertificateKind kind) {
        storage(() -> {
            inventory.correctKind(certificate, kind);
            return null;
        });
    }

    public void assignUnit(CertificateRef certificate, String unitCode) {
        storage(() -> {
            inventory.assignUnit(certificate, unitCode);
            return null;
        });
    }

    public void setOwner(CertificateRef certificate, String ownerName, String ownerContact) {
        storage(() -> {
            inventory.setOwner(certificate, ownerName, ownerContact);
            return null;
        });
    }

    public Optional<InventoryEntry> certificate(CertificateRef certificate) {
        return storage(() -> inventory.find(certificate));
    }

    public Map<CertificateStatus, Long> certificatesByStatus() {
        return storage(inventory::countByStatus);
    }

    // ---- units -------------------------------------------------------------------------------

    /** Every period of every unit of the province's dated directory (read through the port), parents first. */
    public List<Unit> units() {
        return units.tree().all();
    }

    /** The unit period with this key: a code names its latest period, {@code code@validFrom} an earlier one. */
    public Optional<Unit> unit(String key) {
        return units.tree().find(key);
    }

    // ---- ingestion ---------------------------------------------------------------------------

    /** Ingests signed PDFs and zips of them; bad files are listed in the result, not thrown. */
    public IngestResult ingest(List<Path> files, IngestListener listener) {
        return ingest(files, listener, "system");
    }

    /** Ingests on behalf of {@code actor}, whom the audit log and the rejected observations name. */
    public IngestResult ingest(List<Path> files, IngestListener listener, String actor) {
        return storage(() -> ingestion.ingest(files, listener == null ? IngestListener.none() : listener, actor));
    }

    /** Ingests every PDF and zip under {@code folder}. */
    public IngestResult ingestFolder(Path folder, IngestListener listener) {
        return storage(() -> ingestion.ingestFolder(folder, listener == null ? IngestListener.none() : listener,
                "system"));
    }

    /**
     * The signatures ingestion saw and did not count, ingested in [from, to), newest first, at
     * most {@code limit}: the auditor's view of every refusal with its reason.
     */
    public List<RejectedObservation> rejectedObservations(java.time.Instant from, java.time.Instant to, int limit) {
        return storage(() -> rejections.list(from, to, limit));
    }

    /** Watches a drop folder: polls every {@code interval} on a daemon thread, or only on demand when null. */
    public FolderWatch watchFolder(Path folder, Duration interval, IngestListener listener) {
        FolderPoller poller = new FolderPoller(folder, ingestion, listener == null ? IngestListener.none() : listener);
        return interval == null ? poller : poller.start(interval);
    }

    // ---- reports -----------------------------------------------------------------------------

    /** The 12 full calendar months before the current month, whole inventory, default policy. */
    public ReportRequest defaultPeriod() {
        return ReportRequest.lastTwelveMonths(clock, zone);
    }

    public UsageReport report(ReportRequest request) {
        return report(request, Language.VI);
    }

    public UsageReport report(ReportRequest request, Language language) {
        return storage(() -> reports.build(request, language));
    }

    /**
     * The signed snapshot of a closed period's report (over, and its grace time passed): the one
     * taken already, else taken now from the report as it stands (audited as
     * {@code USAGE_SNAPSHOT_TAKEN} under {@code actor}). PERIOD_NOT_CLOSED for a period still open.
     */
    public ReportSnapshot snapshot(ReportRequest request, String actor) {
        Optional<ReportSnapshot> existing = storage(() -> snapshots.find(request));
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!snapshots.closed(request)) {
            throw new UsageException(ErrorCode.PERIOD_NOT_CLOSED, "the period " + request.from() + " to "
                    + request.to() + " is not closed yet");
        }
        UsageReport report = report(request, Language.VI);
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        exportCsv(report, Language.VI, csv);
        Snapshots.Taken taken = storage(() -> snapshots.take(request, report.headline(Language.VI), csv.toByteArray(),
                actor));
        if (taken.fresh()) {
            ReportSnapshot s = taken.snapshot();
            audit.append(actor, "USAGE_SNAPSHOT_TAKEN", "snapshot:" + s.id(), s.from() + ".." + s.to() + " unit "
                    + (s.unitKey() == null ? "*" : s.unitKey()) + ", sha256:" + s.contentSha256() + ", " + s.headline());
        }
        return taken.snapshot();
    }

    /** A snapshot by its number. */
    public Optional<ReportSnapshot> snapshot(long id) {
        return storage(() -> snapshots.byId(id));
    }

    /** Whether the period of {@code request} is closed: over, and its grace time passed. */
    public boolean closed(ReportRequest request) {
        return snapshots.closed(request);
    }

    /**
     * The signer's subject when the snapshot's signature verifies over its content and the signer's
     * chain reaches a trust anchor; empty when it does not (the snapshot was altered or not kyso's).
     */
    public Optional<String> verifySnapshot(ReportSnapshot snapshot) {
        return snapshots.verify(snapshot);
    }

    public void exportCsv(UsageReport report, Language language, OutputStream out) {
        export(() -> CsvExport.write(report, language, out));
    }

    public void exportXlsx(UsageReport report, Language language, OutputStream out) {
        export(() -> XlsxExport.write(report, language, out));
    }

    /** The meters; bind them to the service's registry with {@code metrics().bindTo(registry)}. */
    public UsageMetrics metrics() {
        return metrics;
    }

    private BigDecimal regularRatio() {
        UsageReport.Summary s = report(defaultPeriod()).summary();
        return s.certificates() == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(s.regular()).divide(BigDecimal.valueOf(s.certificates()), 6, RoundingMode.HALF_UP);
    }

    // ---- demo --------------------------------------------------------------------------------

    /**
     * Plans the demo province for the 12 months before the clock's month, over the units in force
     * when its certificates are issued (7 to 20 months before the period: Cà Mau's 2018 units
     * until 2026).
     */
    public DemoPlan planDemo(long seed) {
        java.time.LocalDate issuedFrom = defaultPeriod().from().minusMonths(20);
        return demo.plan(units().stream().filter(u -> u.existsOn(issuedFrom)).toList(), clock, seed);
    }

    /**
     * Replays a plan straight into the inventory and events: certificates issued by {@code issuerDn}
     * with fresh random serials. Returns the references given, by plan index. The meters do not count
     * demo signatures.
     */
    public List<CertificateRef> loadDemo(DemoPlan plan, String issuerDn) {
        List<CertificateRef> refs = new ArrayList<>();
        for (DemoPlan.PlannedCertificate c : plan.certificates()) {
            CertificateRef ref = new CertificateRef(issuerDn, new java.math.BigInteger(63, random).setBit(62).toString(16));
            refs.add(ref);
            onCertificate(CertificateNotice.issued(ref, c.notBefore(), c.subject(), c.kind(), c.unitCode(),
                    c.ownerName(), c.ownerContact(), c.notBefore(), c.notAfter()));
        }
        recordQuietly(plan.events(refs::get));
        metrics.refresh();
        return refs;
    }

    // ---- plumbing ----------------------------------------------------------------------------

    private interface Work<T> {
        T run();
    }

    private static <T> T storage(Work<T> work) {
        try {
            return work.run();
        } catch (DataAccessException e) {
            throw new UsageException(ErrorCode.STORAGE_FAILURE, "database operation failed: "
                    + e.getMostSpecificCause().getMessage(), e);
        }
    }

    private interface Writing {
        void run() throws IOException;
    }

    private static void export(Writing writing) {
        try {
            writing.run();
        } catch (IOException e) {
            throw new UsageException(ErrorCode.IO_ERROR, "cannot write the export", e);
        }
    }

    /** Configures a {@link UsageReports}. Only the data source is required. */
    public static final class Builder {
        private DataSource dataSource;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random;
        private ZoneId zone = VIETNAM;
        private SignatureExtractor extractor;
        private final List<X509Certificate> trustAnchors = new ArrayList<>();
        private long maxDocumentBytes = 100L * 1024 * 1024;
        private Duration metricsCacheTtl = Duration.ofSeconds(60);
        private boolean migrate = true;
        private UnitHistory unitHistory = UnitHistory.none();
        private SnapshotSigner snapshotSigner = content -> {
            throw new UsageException(ErrorCode.IO_ERROR, "no snapshot signer is configured");
        };
        private AuditTrail audit = AuditTrail.none();
        private Duration closeGrace = Duration.ofDays(10);

        private Builder() {
        }

        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Randomness for serials of demo certificates and nonces of non-idempotent events. */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        /** The zone whose calendar days and months are counted (Asia/Ho_Chi_Minh by default). */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone);
            return this;
        }

        /** Roots the verifier trusts; untrusted signatures still count (use needs no trust). */
        public Builder trustAnchors(Collection<X509Certificate> anchors) {
            trustAnchors.addAll(anchors);
            return this;
        }

        /**
         * How long after a month's end its figures still take evidence dated in it (10 days by
         * default); later, such evidence is an amendment shown beside them.
         */
        public Builder closeGrace(Duration grace) {
            if (grace.isNegative()) {
                throw new IllegalArgumentException("closeGrace is negative");
            }
            this.closeGrace = grace;
            return this;
        }

        /** Where changes to the figures are audited (the service passes the CA's audit log). */
        public Builder auditTrail(AuditTrail audit) {
            this.audit = Objects.requireNonNull(audit);
            return this;
        }

        /** How signatures are found in ingested PDFs (signing-core's verifier by default). */
        public Builder signatureExtractor(SignatureExtractor extractor) {
            this.extractor = Objects.requireNonNull(extractor);
            return this;
        }

        /** Documents larger than this are skipped (also zip entries, against zip bombs). */
        public Builder maxDocumentBytes(long max) {
            this.maxDocumentBytes = max;
            return this;
        }

        /** How long gauges reuse a database read. */
        public Builder metricsCacheTtl(Duration ttl) {
            this.metricsCacheTtl = Objects.requireNonNull(ttl);
            return this;
        }

        /** Whether to run the Flyway migrations (db/migration/usage) at start; true by default. */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * Where the province's dated unit directory is read (the service's port over the CA's
         * directory); none by default, when every certificate is reported without a unit.
         */
        public Builder unitHistory(UnitHistory history) {
            this.unitHistory = Objects.requireNonNull(history);
            return this;
        }

        /** Signs closed periods' report snapshots (the service signs with its report-signing key). */
        public Builder snapshotSigner(SnapshotSigner signer) {
            this.snapshotSigner = Objects.requireNonNull(signer);
            return this;
        }

        public UsageReports build() {
            Objects.requireNonNull(dataSource, "dataSource");
            if (random == null) {
                random = new SecureRandom();
            }
            if (extractor == null) {
                extractor = new VerifiedSignatures(trustAnchors, clock, maxDocumentBytes);
            }
            return new UsageReports(this);
        }
    }
}
