package vn.kyso.server.verification;

import static vn.kyso.server.pdf.ReportDocument.MARGIN;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.springframework.context.MessageSource;

import vn.kyso.server.pdf.ReportDocument;
import vn.kyso.server.verification.VerificationView.SignatureView;
import vn.kyso.server.verification.VerificationView.TimestampView;

/**
 * A verification report as a PDF to keep or pass on: the checked file's name and SHA-256, when
 * kyso checked it, the verdict, then per signature its colour and what the portal shows (signer,
 * time, CA, intact or changed, the certificate's status then and now), in the page's language
 * (the same message keys as the portal page).
 */
final class VerificationReportPdf {

    private static final float LABEL = MARGIN + 16;
    private static final float VALUE = MARGIN + 150;
    private static final float SIZE = 10;

    private final MessageSource messages;
    private final Locale locale;
    private ReportDocument doc;

    private VerificationReportPdf(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    static byte[] render(VerificationView report, MessageSource messages, Locale locale) {
        return new VerificationReportPdf(messages, locale).draw(report);
    }

    static Color colour(String colour) {
        return switch (colour) {
            case "GREEN" -> new Color(0x1b, 0x7f, 0x3b);
            case "AMBER" -> new Color(0xd9, 0x8c, 0x00);
            default -> new Color(0xc6, 0x28, 0x28);
        };
    }

    private byte[] draw(VerificationView report) {
        try (ReportDocument document = new ReportDocument(m("verify.report.title") + " · " + report.file())) {
            doc = document;
            doc.paragraph(m("verify.report.heading"), 16);
            doc.down(4);
            field(m("verify.report.file"), report.file());
            field("SHA-256", report.sha256());
            field(m("verify.report.verifiedAt"), report.verifiedAtText() + " " + m("verify.timeZone"));
            field(m("verify.report.verdict"), m("verify.overall." + report.overall()));
            for (String problem : report.documentProblems()) {
                field(m("verify.report.problem"), problem);
            }
            int number = 0;
            for (SignatureView s : report.signatures()) {
                signature(++number, s);
            }
            for (TimestampView t : report.timestamps()) {
                heading(t.colour(), m("verify.colour." + t.colour()) + " · " + m("verify.documentTimestamp"));
                field(m("verify.timestampTime"), time(t.timeText()));
                field("TSA", t.tsaName());
                if (t.subIndication() != null) {
                    field(m("verify.explanation"), m("verify.reason." + t.subIndication()));
                }
            }
            doc.down(12);
            doc.paragraph(m("verify.report.note"), 8);
            return doc.toBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the verification report", e);
        }
    }

    private void signature(int number, SignatureView s) throws IOException {
        heading(s.colour(), m("verify.report.signature", number) + ": " + m("verify.verdict." + s.verdict()) + " · "
                + (s.holder() == null ? "—" : s.holder()));
        field(m("verify.role"), m("verify.role." + s.role()));
        field(m("verify.holder"), s.holder());
        field(m("verify.unit"), s.unit());
        field(m("verify.issuerName"), s.issuerName());
        if (s.trustAnchor() != null) {
            field(m("verify.anchor"), s.trustAnchor());
        }
        field(m("verify.serial"), s.certificateSerial());
        field(m("verify.signingTime"), time(s.signingTimeText()));
        field(m("verify.timestampTime"), time(s.timestampTimeText()));
        field(m("verify.level"), s.level());
        field(m("verify.integrity"), m(s.integrity()));
        field(m("verify.coverage"), s.coversWholeDocument() ? m("verify.coverage.whole") : m("verify.coverage.partial"));
        field(m("verify.statusThen"), m("verify.status." + s.statusAtSigning()));
        field(m("verify.statusNow"), m("verify.status." + s.statusNow()));
        if (s.subIndication() != null) {
            field(m("verify.explanation"), m("verify.reason." + s.subIndication()));
        }
        for (VerificationView.ChangeView c : s.changes()) {
            field(m("verify.changes"), VerificationTexts.change(messages, c, locale) + " ("
                    + (c.permitted() ? m("verify.changes.permitted") : m("verify.changes.notPermitted")) + ")");
        }
        if ("en".equals(locale.getLanguage())) {
            for (String problem : s.problems()) {
                field(m("verify.details"), problem); // signing-core's technical lines are English
            }
        }
        if ("DIFFERENT".equals(s.pageCheck()) && !s.pagesThatDiffer().isEmpty()) {
            field(m("verify.changes"), m("verify.pages.DIFFERENT", s.pagesThatDiffer().stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", "))));
        }
    }

    private String time(String text) {
        return text == null ? null : text + " " + m("verify.timeZone");
    }

    /** A verdict line: a square in the verdict's colour, then the text. */
    private void heading(String colour, String text) throws IOException {
        doc.down(10);
        doc.room(60);
        doc.box(colour(colour), MARGIN, doc.y() - 12, 11, 11);
        doc.paragraph(text, LABEL, 12);
    }

    private void field(String label, String value) throws IOException {
        doc.room(SIZE + 6);
        doc.label(label, LABEL, doc.y() - SIZE, SIZE);
        doc.paragraph(value == null || value.isBlank() ? "—" : value, VALUE, SIZE);
    }

    private String m(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
