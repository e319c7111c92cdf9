package vn.kyso.usage.export;

import java.util.List;

import vn.kyso.usage.Language;
import vn.kyso.usage.UsageReport.CertificateUsage;

/** Column titles and the per-certificate row, shared by the CSV and XLSX exports. */
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

    static List<Object> certificateRow(CertificateUsage r) {
        return java.util.Arrays.asList(inert(r.certificate().issuer()), inert(r.certificate().serial()),
                inert(r.owner()), inert(r.contact()), inert(r.unitCode()), inert(r.unitName()), r.kind().name(),
                r.status().name(), r.signatures(), r.activeMonths(), r.lastUse() == null ? null : r.lastUse().toString(),
                r.usageClass().name(), r.validMonths(), r.requiredActiveMonths());
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
}
