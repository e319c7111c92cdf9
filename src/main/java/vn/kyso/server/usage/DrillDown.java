package vn.kyso.server.usage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import vn.kyso.usage.Unit;
import vn.kyso.usage.UsageReport;
import vn.kyso.usage.UsageReport.Breakdown;

/**
 * Where a report sits in the province → district → commune/agency tree, for the auditor who
 * drills down: the trail of units above it (for the breadcrumb), its level, and the rows one
 * level below it (a district's communes and agencies, not the district's own single row),
 * highest regular-use rate first. A unit with no rows below it is a leaf: its certificates are
 * what the auditor came to see.
 *
 * @param trail    the units from below the province down to the report's unit (empty for the province)
 * @param level    PROVINCE, DISTRICT, COMMUNE or AGENCY
 * @param children the rows one level below, sorted by regular-use rate, then name
 * @param opens    the unit keys of the report's rows that are units one can open (not the "no unit"
 *                 row, not the province office's row)
 */
record DrillDown(List<Unit> trail, String level, List<Breakdown> children, Set<String> opens) {

    static DrillDown of(UsageReport report, List<Unit> units) {
        Map<String, Unit> byKey = units.stream().collect(Collectors.toMap(Unit::key, Function.identity(), (a, b) -> a));
        Unit scope = report.unit();
        List<Unit> trail = new ArrayList<>();
        if (scope != null) {
            for (String key : scope.path().split("/")) {
                Unit u = byKey.get(key);
                if (u != null && u.kind() != Unit.Kind.PROVINCE) {
                    trail.add(u);
                }
            }
        }
        Map<String, Breakdown> children = new LinkedHashMap<>();
        if (scope == null || scope.kind() == Unit.Kind.PROVINCE) {
            report.byDistrict().forEach(b -> children.putIfAbsent(b.key(), b));
            report.byAgency().forEach(b -> children.putIfAbsent(b.key(), b));
        } else {
            for (List<Breakdown> rows : List.of(report.byDistrict(), report.byCommune(), report.byAgency())) {
                for (Breakdown b : rows) {
                    Unit u = byKey.get(b.key());
                    if (u != null && scope.key().equals(u.parentKey())) {
                        children.putIfAbsent(b.key(), b);
                    }
                }
            }
        }
        List<Breakdown> sorted = children.values().stream()
                .sorted(Comparator.comparing((Breakdown b) -> b.summary().regularRate()).reversed()
                        .thenComparing(Breakdown::name))
                .toList();
        Set<String> opens = new HashSet<>();
        for (List<Breakdown> rows : List.of(report.byDistrict(), report.byCommune(), report.byAgency())) {
            for (Breakdown b : rows) {
                Unit u = byKey.get(b.key());
                if (u != null && u.kind() != Unit.Kind.PROVINCE && (scope == null || !u.key().equals(scope.key()))) {
                    opens.add(b.key());
                }
            }
        }
        return new DrillDown(List.copyOf(trail), scope == null ? Unit.Kind.PROVINCE.name() : scope.kind().name(), sorted,
                Set.copyOf(opens));
    }

    /** Whether the auditor has reached a unit with nothing below it: its certificates are the report. */
    public boolean leaf() {
        return children.isEmpty();
    }
}
