package vn.kyso.usage.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.kyso.usage.Language;
import vn.kyso.usage.Unit;
import vn.kyso.usage.UsageReport.Breakdown;
import vn.kyso.usage.UsageReport.CertificateUsage;

/**
 * The rows that make a province-wide report's agency and district breakdowns add up to its total:
 * certificates held at the province itself (the province office) get a row of their own among
 * the agencies, and so do certificates with no unit; communes directly under the province (the
 * two-level government from July 2025 has no districts) get rows among the districts.
 */
final class Remainder {

    /** The key of the row for certificates with no unit. */
    static final String NO_UNIT = "-";

    private Remainder() {
    }

    static List<Breakdown> withProvinceRows(List<Breakdown> base, Unit scope, List<CertificateUsage> rows,
            Map<CertificateUsage, String> paths, Map<String, Unit> unitsByKey, Language language, boolean agencies) {
        if (scope != null && scope.kind() != Unit.Kind.PROVINCE) {
            return base;
        }
        Map<String, List<CertificateUsage>> groups = new LinkedHashMap<>();
        for (CertificateUsage r : rows) {
            String path = paths.get(r);
            if (ReportBuilder.inAgencyOrDistrict(path, unitsByKey)) {
                continue;
            }
            String[] codes = path.split("/");
            // "/CM/" is the province itself; "/CM/32002/" a commune directly under it; "" no unit
            String group = codes.length < 2 ? NO_UNIT : codes.length == 2 ? codes[1] : codes[2];
            Unit unit = unitsByKey.get(group);
            boolean provinceLevel = unit == null || unit.kind() == Unit.Kind.PROVINCE;
            if (provinceLevel == agencies) {
                groups.computeIfAbsent(group, g -> new ArrayList<>()).add(r);
            }
        }
        if (groups.isEmpty()) {
            return base;
        }
        List<Breakdown> out = new ArrayList<>(base);
        groups.forEach((code, list) -> {
            Unit unit = unitsByKey.get(code);
            String name = unit != null ? unit.name()
                    : language == Language.EN ? "(no unit)" : "(chưa gán đơn vị)";
            out.add(new Breakdown(code, name, ReportBuilder.summarize(list)));
        });
        return out;
    }
}
