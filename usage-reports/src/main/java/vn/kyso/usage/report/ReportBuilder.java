package vn.kyso.usage.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.kyso.usage.CertificateKind;
import vn.kyso.usage.Language;
import vn.kyso.usage.RegularUsePolicy;
import vn.kyso.usage.ReportRequest;
import vn.kyso.usage.Unit;
import vn.kyso.usage.UsageClass;
import vn.kyso.usage.UsageReport;
import vn.kyso.usage.UsageReport.Breakdown;
import vn.kyso.usage.UsageReport.CertificateUsage;
import vn.kyso.usage.UsageReport.MonthTrend;
import vn.kyso.usage.UsageReport.Summary;
import vn.kyso.usage.inventory.CertificateInventory;
import vn.kyso.usage.report.RollupReader.Scoped;
import vn.kyso.usage.units.UnitDirectory;
import vn.kyso.usage.units.UnitTree;

/** Builds a {@link UsageReport} from the rollups: a handful of queries, the rest in memory. */
public final class ReportBuilder {

    private final RollupReader reader;
    private final UnitDirectory units;
    private final Clock clock;
    private final ZoneId zone;

    private final vn.kyso.usage.ingest.Amendments amendments;

    public ReportBuilder(JdbcTemplate jdbc, UnitDirectory units, Clock clock, ZoneId zone,
            vn.kyso.usage.ingest.Amendments amendments) {
        this.amendments = amendments;
        this.reader = new RollupReader(jdbc);
        this.units = units;
        this.clock = clock;
        this.zone = zone;
    }

    public UsageReport build(ReportRequest request, Language language) {
        RegularUsePolicy policy = request.policy();
        UnitTree tree = units.tree();
        // future days never count: a period reaching past today is judged on its days so far
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Unit scope = request.unitCode() == null ? null : tree.require(request.unitCode());
        if (scope != null && request.todaysUnits()) {
            scope = tree.today(scope, today);
        }
        LocalDate from = request.from();
        LocalDate to = request.to().isAfter(today) ? today : request.to();
        boolean started = !to.isBefore(from);
        int months = started ? RegularUsePolicy.monthsIn(from, to) : 0;

        Scope filter = Scope.of(from, to, zone, request.kind());
        List<Scoped> candidates = started ? reader.certificates(filter) : List.of();
        // each certificate under its unit as it was when it was issued, or the unit of today that carries it on
        Map<Long, Unit> unitOf = new HashMap<>(candidates.size() * 2);
        List<Scoped> scoped = new ArrayList<>(candidates.size());
        for (Scoped s : candidates) {
            Unit unit = s.unitCode() == null ? null : tree.asOf(s.unitCode(), LocalDate.ofInstant(s.notBefore(), zone));
            if (unit != null && request.todaysUnits()) {
                unit = tree.today(unit, today);
            }
            if (scope == null || unit != null && scope.contains(unit)) {
                scoped.add(s);
                if (unit != null) {
                    unitOf.put(s.id(), unit);
                }
            }
        }
        Set<Long> ids = new HashSet<>(scoped.size() * 2);
        for (Scoped s : scoped) {
            ids.add(s.id());
        }
        PeriodUse use = started ? reader.use(from, to, policy.minSignaturesPerActiveMonth(), filter, ids, scope == null)
                : PeriodUse.none();
        Map<Long, LocalDate> before = reader.lastSignedBefore(from);
        ValidMonths valid = new ValidMonths(from, to, zone);

        List<CertificateUsage> rows = new ArrayList<>(scoped.size());
        Map<CertificateUsage, String> paths = new IdentityHashMap<>(); // rows are distinct; hashing records is slow
        Map<String, Unit> present = new HashMap<>();
        for (Scoped s : scoped) {
            PeriodUse.Tally t = use.of(s.id());
            LocalDate signedBefore = before.get(s.id());
            int validMonths = valid.of(s.notBefore(), s.notAfter(), s.revokedAt());
            UsageClass c = policy.classify(validMonths, t.activeMonths, t.signatures, signedBefore != null);
            Unit unit = unitOf.get(s.id());
            CertificateUsage row = new CertificateUsage(s.ref(), s.subject(), s.owner(), s.contact(),
                    unit == null ? s.unitCode() : unit.key(), unit == null ? null : unit.name(), s.kind(),
                    CertificateInventory.effectiveStatus(s.status(), s.notAfter(), clock.instant()), t.signatures,
                    t.activeMonths, t.lastUse != null ? t.lastUse : signedBefore, c, validMonths,
                    policy.requiredActiveMonths(validMonths));
            rows.add(row);
            paths.put(row, unit == null ? "" : unit.path());
            if (unit != null) {
                for (String key : unit.path().split("/")) {
                    tree.find(key).ifPresent(u -> present.put(u.key(), u));
                }
            }
        }
        // the rows of a breakdown: the units that existed in the period (today, for today's units),
        // and any other that holds a certificate of the report
        Map<String, Unit> unitsByKey = new HashMap<>(present);
        for (Unit u : tree.all()) {
            boolean inPeriod = request.todaysUnits() ? u.existsOn(today)
                    : started && !u.validFrom().isAfter(to) && (u.validTo() == null || !u.validTo().isBefore(from));
            if (inPeriod) {
                unitsByKey.put(u.key(), u);
            }
        }
        rows.sort(Comparator.comparing((CertificateUsage r) -> paths.get(r))
                .thenComparing(r -> r.owner() == null ? "" : r.owner())
                .thenComparing(r -> r.certificate().serial()));

        List<Breakdown> byKind = new ArrayList<>();
        Map<CertificateKind, List<CertificateUsage>> kinds = new EnumMap<>(CertificateKind.class);
        rows.forEach(r -> kinds.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r));
        kinds.forEach((k, list) -> byKind.add(new Breakdown(k.name(), k.name(), summarize(list))));

        List<MonthTrend> monthly = new ArrayList<>();
        use.trend.forEach((m, v) -> monthly.add(new MonthTrend(m, v[0], (int) v[1])));

        List<CertificateUsage> top = rows.stream().filter(r -> r.signatures() > 0)
                .sorted(Comparator.comparingLong(CertificateUsage::signatures).reversed()
                        .thenComparing(r -> r.certificate().serial()))
                .limit(request.topUsers()).toList();

        return new UsageReport(request, scope, clock.instant(), months, policy.requiredActiveMonths(months),
                policy.statement(language, months), summarize(rows), byKind,
                Remainder.withProvinceRows(breakdown(Unit.Kind.AGENCY, scope, rows, paths, unitsByKey),
                        scope, rows, paths, unitsByKey, language, true),
                Remainder.withProvinceRows(breakdown(Unit.Kind.DISTRICT, scope, rows, paths, unitsByKey),
                        scope, rows, paths, unitsByKey, language, false),
                breakdown(Unit.Kind.COMMUNE, scope, rows, paths, unitsByKey), rows,
                rows.stream().filter(r -> r.usageClass() == UsageClass.DORMANT).toList(),
                rows.stream().filter(r -> r.usageClass() == UsageClass.NEVER_USED).toList(), monthly, top,
                started ? amended(from, to, rows) : List.of());
    }

    /** The amendments dated in the period, for the certificates it covers. */
    private List<vn.kyso.usage.Amendment> amended(LocalDate from, LocalDate to, List<CertificateUsage> rows) {
        Set<String> covered = new HashSet<>();
        rows.forEach(r -> covered.add(r.certificate().serial() + "|" + r.certificate().issuer()));
        return amendments.between(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant())
                .stream().filter(a -> covered.contains(a.certificate().serial() + "|" + a.certificate().issuer()))
                .toList();
    }

    /** One row per unit of {@code kind} inside the scope, counting the certificates of its subtree. */
    private static List<Breakdown> breakdown(Unit.Kind kind, Unit scope, List<CertificateUsage> rows,
            Map<CertificateUsage, String> paths, Map<String, Unit> unitsByKey) {
        Map<String, List<CertificateUsage>> byUnit = new LinkedHashMap<>();
        unitsByKey.values().stream().filter(u -> u.kind() == kind && (scope == null || scope.contains(u)))
                .sorted(Comparator.comparing(Unit::path)).forEach(u -> byUnit.put(u.key(), new ArrayList<>()));
        for (CertificateUsage r : rows) {
            for (String code : paths.get(r).split("/")) {
                List<CertificateUsage> list = byUnit.get(code);
                if (list != null) {
                    list.add(r);
                }
            }
        }
        List<Breakdown> out = new ArrayList<>();
        byUnit.forEach((key, list) -> out.add(new Breakdown(key, unitsByKey.get(key).name(), summarize(list))));
        return out;
    }

    /** Who is counted in an agency or district row: certificates whose unit path holds its key. */
    static boolean inAgencyOrDistrict(String path, Map<String, Unit> unitsByKey) {
        for (String key : path.split("/")) {
            Unit u = key.isEmpty() ? null : unitsByKey.get(key);
            if (u != null && (u.kind() == Unit.Kind.AGENCY || u.kind() == Unit.Kind.DISTRICT)) {
                return true;
            }
        }
        return false;
    }

    static Summary summarize(List<CertificateUsage> rows) {
        int[] c = new int[UsageClass.values().length];
        long signatures = 0;
        for (CertificateUsage r : rows) {
            c[r.usageClass().ordinal()]++;
            signatures += r.signatures();
        }
        return Summary.of(c[UsageClass.REGULAR.ordinal()], c[UsageClass.OCCASIONAL.ordinal()],
                c[UsageClass.DORMANT.ordinal()], c[UsageClass.NEVER_USED.ordinal()], signatures);
    }
}
