package vn.kyso.server.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import vn.kyso.signing.Modifications;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.SubIndication;
import vn.kyso.signing.TimestampReport;
import vn.kyso.signing.VerificationReport;

/**
 * One JSON object per file, one per line, for programs (docs/cli.md lists the fields). Field
 * names are fixed English; times are ISO 8601 with the +07:00 offset; absent values are null.
 */
final class JsonReport implements ReportPrinter {

    private final PrintStream out;
    private final JsonMapper mapper = JsonMapper.builder().build();

    JsonReport(PrintStream out) {
        this.out = out;
    }

    /** B-B, B-T, B-LT or B-LTA. */
    static String levelName(PadesLevel level) {
        return level.name().replace('_', '-');
    }

    @Override
    public void print(Path file, VerificationReport report) {
        ObjectNode root = mapper.createObjectNode();
        root.put("file", file.toString());
        ArrayNode signatures = root.putArray("signatures");
        report.signatures().forEach(s -> signatures.add(signature(s)));
        ArrayNode timestamps = root.putArray("timestamps");
        report.timestamps().forEach(t -> timestamps.add(timestamp(t)));
        ArrayNode documentProblems = root.putArray("documentProblems");
        report.documentProblems().forEach(documentProblems::add);
        root.put("allValid", report.allValid());
        out.println(mapper.writeValueAsString(root));
    }

    @Override
    public void printFailure(Path file, String code, String message) {
        ObjectNode root = mapper.createObjectNode();
        root.put("file", file.toString());
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        out.println(mapper.writeValueAsString(root));
    }

    private ObjectNode signature(SignatureReport s) {
        ObjectNode node = mapper.createObjectNode();
        node.put("field", s.field());
        node.put("indication", s.indication().name());
        node.put("subIndication", name(s.subIndication()));
        node.put("level", s.level() == null ? null : levelName(s.level()));
        node.put("signer", s.signer());
        node.put("signerSubject", s.signerSubject());
        node.put("issuer", s.issuer());
        node.put("certificateSerial", s.certificateSerial());
        node.put("signingTime", time(s.signingTime()));
        node.put("timestampTime", time(s.timestampTime()));
        node.put("coversWholeDocument", s.coversWholeDocument());
        node.put("modifications", modifications(s.modifications()));
        ArrayNode problems = node.putArray("problems");
        s.problems().forEach(problems::add);
        changes(node, s.changes());
        return node;
    }

    /** changeClass, changesPermitted, changes [{kind, class, permitted, page, subject, description}], pageCheck, pagesThatDiffer. */
    private void changes(ObjectNode node, vn.kyso.signing.ChangeSummary summary) {
        node.put("changeClass", summary.changeClass().name());
        node.put("changesPermitted", summary.permitted());
        ArrayNode list = node.putArray("changes");
        for (vn.kyso.signing.Change c : summary.changes()) {
            ObjectNode change = list.addObject();
            change.put("kind", c.kind().name());
            change.put("class", c.changeClass().name());
            change.put("permitted", c.permitted());
            change.put("page", c.page());
            change.put("subject", c.subject());
            change.put("description", c.english());
        }
        node.put("pageCheck", summary.pageCheck().name());
        ArrayNode pages = node.putArray("pagesThatDiffer");
        summary.pagesThatDiffer().forEach(pages::add);
    }

    private ObjectNode timestamp(TimestampReport t) {
        ObjectNode node = mapper.createObjectNode();
        node.put("field", t.field());
        node.put("indication", t.indication().name());
        node.put("subIndication", name(t.subIndication()));
        node.put("time", time(t.time()));
        node.put("tsa", t.tsa());
        node.put("coversWholeDocument", t.coversWholeDocument());
        node.put("modifications", modifications(t.modifications()));
        ArrayNode problems = node.putArray("problems");
        t.problems().forEach(problems::add);
        changes(node, t.changes());
        return node;
    }

    private static String name(SubIndication subIndication) {
        return subIndication == null ? null : subIndication.name();
    }

    private static String modifications(Modifications modifications) {
        return modifications.name();
    }

    private static String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(Messages.VIETNAM));
    }
}
