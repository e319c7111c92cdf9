package vn.kyso.server.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import vn.kyso.signing.Indication;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.SubIndication;
import vn.kyso.signing.TimestampReport;
import vn.kyso.signing.VerificationReport;

/**
 * The report for a person, in the chosen language: per signature the verdict, who signed, the
 * issuer, when (signing time and timestamp, in +07:00) and whether the document is intact, as
 * Circular 15/2025 asks a verifier to show. Problems from signing-core are shown as they are.
 */
final class TextReport implements ReportPrinter {

    private final PrintStream out;
    private final Messages messages;

    TextReport(PrintStream out, Messages messages) {
        this.out = out;
        this.messages = messages;
    }

    @Override
    public void print(Path file, VerificationReport report) {
        out.println(messages.get("text.file", file));
        List<SignatureReport> signatures = report.signatures();
        for (int i = 0; i < signatures.size(); i++) {
            printSignature(i + 1, signatures.size(), signatures.get(i));
        }
        for (TimestampReport t : report.timestamps()) {
            out.println("  " + messages.get("text.timestamp", t.field(), verdict(t.indication(), t.subIndication()),
                    messages.time(t.time()), orNone(t.tsa())));
            printProblems(t.problems());
        }
        if (!report.documentProblems().isEmpty()) {
            out.println("  " + messages.get("text.documentProblems"));
            report.documentProblems().forEach(p -> out.println("    - " + p));
        }
        String conclusion = signatures.isEmpty() ? "text.conclusion.none"
                : report.allValid() ? "text.conclusion.valid" : "text.conclusion.notValid";
        out.println("  " + messages.get(conclusion));
        out.println();
    }

    private void printSignature(int number, int count, SignatureReport s) {
        out.println("  " + messages.get("text.signature", number, count, s.field(),
                verdict(s.indication(), s.subIndication())));
        line("text.signer", orNone(s.signer()));
        line("text.issuer", orNone(s.issuer()));
        line("text.serial", orNone(s.certificateSerial()));
        line("text.level", s.level() == null ? messages.get("text.level.none") : JsonReport.levelName(s.level()));
        line("text.signingTime", messages.time(s.signingTime()));
        line("text.timestampTime", s.timestampTime() == null ? messages.get("text.timestamp.none")
                : messages.time(s.timestampTime()));
        line("text.integrity", messages.get(integrity(s)));
        line("text.coverage", s.coversWholeDocument() ? messages.get("text.coverage.whole")
                : messages.get("text.coverage.partial", number));
        vn.kyso.signing.ChangeSummary changes = s.changes();
        line("text.changeClass", messages.get("text.changeClass." + changes.changeClass().name())
                + (changes.changeClass() == vn.kyso.signing.ChangeClass.NONE ? ""
                        : " (" + messages.get(changes.permitted() ? "text.permitted" : "text.notPermitted") + ")"));
        for (vn.kyso.signing.Change c : changes.changes()) {
            out.println("      - " + messages.change(c) + " ("
                    + messages.get(c.permitted() ? "text.permitted" : "text.notPermitted") + ")");
        }
        if (!changes.pagesThatDiffer().isEmpty()) {
            line("text.pagesDiffer", changes.pagesThatDiffer().stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        printProblems(s.problems());
    }

    /** Never "intact" beside "invalid", nor for a document whose form was filled in after signing. */
    private static String integrity(SignatureReport s) {
        if (!s.changes().permitted() || s.subIndication() == SubIndication.HASH_FAILURE) {
            return "modifications.DISALLOWED";
        }
        if (s.indication() == Indication.INVALID) {
            return "modifications.notConfirmed";
        }
        if (!s.changes().leavesSignedContent()) {
            return "modifications.changedPermitted";
        }
        return s.changes().changeClass() == vn.kyso.signing.ChangeClass.NONE ? "modifications.NONE" : "modifications.ALLOWED";
    }

    private String verdict(Indication indication, SubIndication subIndication) {
        String main = messages.get("indication." + indication.name());
        return subIndication == null ? main
                : messages.get("text.verdictWithReason", main, messages.get("subIndication." + subIndication.name()));
    }

    private void line(String labelKey, String value) {
        out.println("    " + messages.get(labelKey) + ": " + value);
    }

    private void printProblems(List<String> problems) {
        if (!problems.isEmpty()) {
            out.println("    " + messages.get("text.problems") + ":");
            problems.forEach(p -> out.println("      - " + p));
        }
    }

    private String orNone(String value) {
        return value == null || value.isBlank() ? messages.get("value.none") : value;
    }

    @Override
    public void printFailure(Path file, String code, String message) {
        // the one line on stderr says it all; stdout keeps only reports
    }
}
