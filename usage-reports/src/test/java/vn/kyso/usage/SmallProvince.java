package vn.kyso.usage;

import static vn.kyso.usage.Fixtures.issue;
import static vn.kyso.usage.Fixtures.signed;
import static vn.kyso.usage.Fixtures.vn;

import java.util.ArrayList;
import java.util.List;

/** A handful of certificates in two districts and an agency, with a known year of use (2025). */
final class SmallProvince {

    final CertificateRef regularAgency;
    final CertificateRef regularPerson;
    final CertificateRef occasional;
    final CertificateRef dormant;
    final CertificateRef never;

    SmallProvince(UsageReports usage) {
        regularAgency = issue(usage, "a1", CertificateKind.AGENCY, "AG-STP", "Sở Tư pháp");
        regularPerson = issue(usage, "a2", CertificateKind.PERSONAL, "31999", "Trần Văn Hùng");
        occasional = issue(usage, "a3", CertificateKind.PERSONAL, "32059", "Lê Thị Lan");
        dormant = issue(usage, "a4", CertificateKind.PERSONAL, "32059", "Phạm Ngọc Mai");
        never = issue(usage, "a5", CertificateKind.AGENCY, "966", "Huyện U Minh");
        List<UsageEvent> events = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            events.add(signed(regularAgency, vn("2025-%02d-05T09:00".formatted(m)), "agency-" + m));
            events.add(signed(regularAgency, vn("2025-%02d-06T09:00".formatted(m)), "agency-b" + m));
        }
        for (int m = 1; m <= 6; m++) {
            events.add(signed(regularPerson, vn("2025-%02d-07T09:00".formatted(m + 6)), "person-" + m));
        }
        events.add(signed(occasional, vn("2025-02-07T09:00"), "occasional"));
        events.add(signed(dormant, vn("2024-11-20T09:00"), "dormant"));
        usage.recordAll(events);
    }
}
