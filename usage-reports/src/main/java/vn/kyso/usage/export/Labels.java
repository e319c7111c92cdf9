package vn.kyso.usage.export;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import vn.kyso.usage.CertificateKind;
import vn.kyso.usage.CertificateStatus;
import vn.kyso.usage.Language;
import vn.kyso.usage.UsageClass;
import vn.kyso.usage.UsageReport.CertificateUsage;

/**
 * Column titles, sheet names and the per-certificate row, shared by the CSV and XLSX exports:
 * every word in the chosen language, never an enum's code (an auditor reads "Chưa sử dụng",
 * not NEVER_USED); dates as the language writes them.
 */
final class Labels {

    private Labels() {
    }

    static List<String> certificateHeader(Language l) {
        return l == Language.EN
                ? List.of("Issuer", "Serial", "Owner", "Contact", "Unit code", "Unit", "Kind", "Status", "Signatures",
                        "Active months", "Last use", "Class", "Valid months", "Required active months")
                : List.of("Tổ chức cấp", "Số hiệu", "Chủ sở hữu", "Liên hệ", "Mã đơn vị", "Đơn vị", "Loại",
                        "Trạng thái", "Số chữ ký", "Số tháng hoạt động", "Lần dùng cuối", "Phân loại",
                        "Số tháng có hiệu lực", "Số tháng hoạt động cần có");
    }

    static List<Object> certificateRow(CertificateUsage r, Language l) {
        return java.util.Arrays.asList(inert(r.certificate().issuer()), inert(r.certificate().serial()),
                inert(r.owner()), inert(r.contact()), inert(r.unitCode()), inert(r.unitName()), kind(r.kind().name(), l),
                status(r.status(), l), r.signatures(), r.activeMonths(), date(r.lastUse(), l),
                usageClass(r.usageClass(), l), r.validMonths(), r.requiredActiveMonths());
    }

    /** The workbook's sheets, in order: summary, by kind, by agency, by district, by commune, certificates,
     * dormant, never used, trend, top users. */
    static List<String> sheets(Language l) {
        return l == Language.EN
                ? List.of("Summary", "By kind", "By agency", "By district", "By commune", "Certificates", "Dormant",
                        "Never used", "Trend", "Top users")
                : List.of("Tổng hợp", "Theo loại", "Theo cơ quan", "Theo huyện", "Theo xã", "Chứng thư số",
                        "Không hoạt động", "Chưa sử dụng", "Xu hướng", "Dùng nhiều nhất");
    }

    /** A certificate kind by its code (a kind breakdown's key); another code is returned as it is. */
    static String kind(String code, Language l) {
        CertificateKind kind;
        try {
            kind = CertificateKind.valueOf(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            return code;
        }
        boolean en = l == Language.EN;
        return switch (kind) {
            case AGENCY -> en ? "Agency" : "Cơ quan, tổ chức";
            case PERSONAL -> en ? "Personal" : "Cá nhân";
            case UNKNOWN -> en ? "Unknown" : "Chưa xác định";
        };
    }

    static String status(CertificateStatus status, Language l) {
        boolean en = l == Language.EN;
        return switch (status) {
            case ACTIVE -> en ? "Active" : "Đang hiệu lực";
            case SUSPENDED -> en ? "Suspended" : "Tạm dừng";
            case REVOKED -> en ? "Revoked" : "Đã thu hồi";
            case EXPIRED -> en ? "Expired" : "Hết hạn";
            case UNKNOWN -> en ? "Unknown" : "Chưa xác định";
        };
    }

    static String usageClass(UsageClass usage, Language l) {
        boolean en = l == Language.EN;
        return switch (usage) {
            case REGULAR -> en ? "Regular" : "Thường xuyên";
            case OCCASIONAL -> en ? "Occasional" : "Không thường xuyên";
            case DORMANT -> en ? "Dormant" : "Không hoạt động";
            case NEVER_USED -> en ? "Never used" : "Chưa sử dụng";
        };
    }

    /** ISO in English (yyyy-mm-dd); dd/mm/yyyy in Vietnamese; null stays an empty cell. */
    static String date(LocalDate date, Language l) {
        if (date == null) {
            return null;
        }
        return l == Language.EN ? date.toString() : date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    /**
     * Text a spreadsheet will not run: a value starting with =, +, -, @, a tab or a carriage
     * return (a formula to Excel and LibreOffice, e.g. a signer named "=HYPERLINK(...)") gets a
     * leading apostrophe, the OWASP advice for CSV injection. Names come from certificates and
     * imports, which anyone can write.
     */
    static String inert(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }

    static List<String> summaryHeader(Language l) {
        return l == Language.EN
                ? List.of("Code", "Name", "Certificates", "Regular", "Occasional", "Dormant", "Never used",
                        "Regular rate (%)", "Signatures")
                : List.of("Mã", "Tên", "Số chứng thư", "Thường xuyên", "Không thường xuyên", "Không hoạt động",
                        "Chưa sử dụng", "Tỷ lệ thường xuyên (%)", "Số chữ ký");
    }

    static List<String> trendHeader(Language l) {
        return l == Language.EN ? List.of("Month", "Signatures", "Active certificates")
                : List.of("Tháng", "Số chữ ký", "Số chứng thư hoạt động");
    }

    static String period(Language l) {
        return l == Language.EN ? "Period" : "Kỳ báo cáo";
    }

    static String policy(Language l) {
        return l == Language.EN ? "Policy" : "Tiêu chí";
    }

    static String unit(Language l) {
        return l == Language.EN ? "Unit" : "Đơn vị";
    }

    /** The unit a report covers, in words: the whole province when none was chosen. */
    static String scope(vn.kyso.usage.Unit unit, Language l) {
        return unit == null ? (l == Language.EN ? "Whole province" : "Toàn tỉnh") : unit.code() + " " + unit.name();
    }
}
