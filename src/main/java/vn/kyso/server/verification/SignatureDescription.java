package vn.kyso.server.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import vn.kyso.ca.CertificateKind;
import vn.kyso.signing.Change;
import vn.kyso.signing.ChangeClass;
import vn.kyso.signing.ChangeSummary;
import vn.kyso.signing.Indication;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.SubIndication;

/**
 * What a citizen reads about one signature, derived from signing-core's report: the verdict
 * (green only when nothing but validation data or later signatures came after it; amber for
 * permitted changes such as a form filled in; red when invalid), the sentence on integrity
 * (never "intact" beside "invalid"), the signer's role, and names instead of distinguished names.
 */
final class SignatureDescription {

    private SignatureDescription() {
    }

    /** VALID, VALID_CHANGED, INDETERMINATE or INVALID. */
    static String verdict(Indication indication, ChangeSummary changes) {
        return switch (indication) {
            case INVALID -> "INVALID";
            case INDETERMINATE -> "INDETERMINATE";
            case VALID -> unchanged(changes) ? "VALID" : "VALID_CHANGED";
        };
    }

    static String colour(String verdict) {
        return switch (verdict) {
            case "VALID" -> "GREEN";
            case "INVALID" -> "RED";
            default -> "AMBER";
        };
    }

    /** The worst verdict of the signatures (and document timestamps), or NONE without signatures. */
    static String overall(List<String> verdicts, boolean timestampsValid, boolean documentProblems) {
        if (verdicts.isEmpty()) {
            return "NONE";
        }
        List<String> order = List.of("VALID", "VALID_CHANGED", "INDETERMINATE", "INVALID");
        String worst = "VALID";
        for (String v : verdicts) {
            if (order.indexOf(v) > order.indexOf(worst)) {
                worst = v;
            }
        }
        if ((!timestampsValid || documentProblems) && order.indexOf(worst) < order.indexOf("INDETERMINATE")) {
            worst = "INDETERMINATE";
        }
        return worst;
    }

    /** Nothing after the signature but validation data and other signatures. */
    private static boolean unchanged(ChangeSummary changes) {
        return changes.leavesSignedContent();
    }

    /** The message key of the sentence on what happened to the document since this signature. */
    static String integrity(SignatureReport s) {
        ChangeSummary changes = s.changes();
        if (!changes.permitted() || s.subIndication() == SubIndication.HASH_FAILURE) {
            return "verify.changed";
        }
        if (s.indication() == Indication.INVALID) {
            return "verify.integrity.notConfirmed";
        }
        if (changes.changeClass() == ChangeClass.NONE) {
            return "verify.intact";
        }
        if (changes.changeClass() == ChangeClass.LTV_UPDATES) {
            return "verify.integrity.LTV_UPDATES";
        }
        return unchanged(changes) ? "verify.integrity.SIGNED_LATER" : "verify.integrity." + changes.changeClass().name();
    }

    /**
     * APPROVAL (a personal certificate: the leader's or officer's signature), SEAL (an agency
     * certificate issuing the document), APPENDIX or COPY (the agency's text stamps, told by the
     * /Reason kyso writes), else SIGNATURE.
     */
    static String role(SignatureReport s, CertificateKind kind) {
        String reason = s.reason() == null ? "" : s.reason().strip().toLowerCase(Locale.ROOT);
        if (reason.startsWith("bản sao") || reason.startsWith("sao y")) {
            return "COPY";
        }
        if (reason.startsWith("phụ lục")) {
            return "APPENDIX";
        }
        if (kind == CertificateKind.AGENCY || reason.startsWith("ban hành")) {
            return "SEAL";
        }
        if (kind == CertificateKind.PERSONAL) {
            return "APPROVAL";
        }
        return "SIGNATURE";
    }

    /** The value of {@code type} (CN, O, OU...) in a distinguished name; several joined by ", " (most specific first). */
    static String attribute(String dn, String... types) {
        if (dn == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        try {
            List<Rdn> rdns = new LdapName(dn).getRdns();
            for (String type : types) {
                for (int i = rdns.size() - 1; i >= 0; i--) {
                    if (rdns.get(i).getType().equalsIgnoreCase(type)) {
                        values.add(String.valueOf(rdns.get(i).getValue()));
                    }
                }
            }
        } catch (InvalidNameException | IllegalArgumentException e) {
            return null;
        }
        return values.isEmpty() ? null : String.join(", ", values);
    }

    /** A CA's or TSA's name: its CN, else its O, else the whole name as given. */
    static String name(String dn) {
        String cn = attribute(dn, "CN");
        if (cn != null) {
            return cn;
        }
        String o = attribute(dn, "O");
        return o != null ? o : dn;
    }

    static List<VerificationView.ChangeView> changes(ChangeSummary summary) {
        return summary.changes().stream().map(SignatureDescription::change).toList();
    }

    private static VerificationView.ChangeView change(Change c) {
        return new VerificationView.ChangeView(c.kind().name(), c.changeClass().name(), c.permitted(), c.page(),
                c.subject(), c.english());
    }
}
