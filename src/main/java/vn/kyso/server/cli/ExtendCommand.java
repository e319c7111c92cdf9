package vn.kyso.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vn.kyso.server.extension.LongTermExtension;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.tsp.HttpTimestampSource;

/**
 * {@code kyso extend}: raises the signatures of PDFs signed by anyone to B-LT (the DSS dictionary
 * with chains and OCSP/CRL fetched from the certificates' URLs) or B-LTA (that, then a document
 * timestamp); run again on a B-LTA document it renews the archive timestamp. One file
 * ({@code IN OUT}) or many ({@code --out-dir DIR FILE...}, a line per file as it is done). Exit
 * code 0 all extended, 1 some failed, 2 nothing could be done.
 */
@Command(name = "extend", sortOptions = false)
final class ExtendCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--level", required = true, paramLabel = "LT|LTA", descriptionKey = "option.extend-level")
    String level;

    @Option(names = "--tsa", paramLabel = "URL", descriptionKey = "option.tsa")
    String tsa;

    @Option(names = "--out-dir", paramLabel = "DIR", descriptionKey = "option.extend-out-dir")
    Path outDir;

    @Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "param.extend-files")
    List<Path> files;

    private final Messages messages;
    private final Terminal terminal;

    ExtendCommand(Messages messages, Terminal terminal) {
        this.messages = messages;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        PadesLevel target = switch (level.strip().toUpperCase(Locale.ROOT)) {
            case "LT", "B-LT" -> PadesLevel.B_LT;
            case "LTA", "B-LTA" -> PadesLevel.B_LTA;
            default -> throw new CliFailure(ExitCodes.ERROR, "extend.badLevel", level);
        };
        PdfSigner.Builder builder = PdfSigner.builder().clock(terminal.clock());
        if (target == PadesLevel.B_LTA) {
            if (tsa == null) {
                throw new CliFailure(ExitCodes.ERROR, "sign.tsaMissing", "LTA");
            }
            builder.timestampSource(new HttpTimestampSource(OutputPlan.tsa(tsa)));
        }
        List<SigningBatch.Job> jobs = OutputPlan.jobs(files, outDir, "extend.outputMissing");
        PdfSigner signer = builder.build();
        Set<Path> outputs = new HashSet<>();
        int done = 0;
        int failed = 0;
        for (SigningBatch.Job job : jobs) {
            try {
                InputFiles.checkPdf(job.input(), ExitCodes.FAILED);
                if (Files.exists(job.output()) && Files.isSameFile(job.input(), job.output())) {
                    throw new CliFailure(ExitCodes.FAILED, "sign.outputIsInput");
                }
                if (!outputs.add(job.output().toAbsolutePath().normalize())) {
                    // two inputs of the same name into one --out-dir: never overwrite the first's result
                    throw new CliFailure(ExitCodes.FAILED, "sign.outputTwice", job.output());
                }
                LongTermExtension.extend(signer, job.input(), job.output(), target);
                done++;
                terminal.out().println(messages.get("extend.extended", done + failed, jobs.size(), job.input(),
                        job.output()));
            } catch (CliFailure e) {
                failed++;
                terminal.err().println(messages.get("line.file", job.input(), e.describe(messages)));
            } catch (SigningException e) {
                failed++;
                terminal.err().println(messages.get("line.file", job.input(), SigningErrors.describe(e, messages)));
                if (common.debug) {
                    e.printStackTrace(terminal.err());
                }
            } catch (IOException e) {
                failed++;
                terminal.err().println(messages.get("line.file", job.input(), messages.get("error.IO_ERROR")));
            }
        }
        if (jobs.size() > 1) {
            terminal.out().println(messages.get("extend.summary", done, jobs.size(), failed));
        }
        return failed == 0 ? ExitCodes.OK : done == 0 && jobs.size() == 1 ? ExitCodes.ERROR : ExitCodes.FAILED;
    }
}
