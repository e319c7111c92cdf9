package vn.kyso.server.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the outputs of a {@code sign} or {@code extend} call go, and the TSA they use: the
 * parts both commands read from the same options in the same way.
 */
final class OutputPlan {

    private OutputPlan() {
    }

    /**
     * One job per input: {@code IN OUT} (then {@code missingOutput} names the mistake when there
     * are not exactly two files), or every file into {@code outDir} under its own name.
     */
    static List<SigningBatch.Job> jobs(List<Path> files, Path outDir, String missingOutput) {
        if (outDir == null) {
            if (files.size() != 2) {
                throw new CliFailure(ExitCodes.ERROR, missingOutput);
            }
            return List.of(new SigningBatch.Job(files.get(0), files.get(1)));
        }
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new CliFailure(ExitCodes.ERROR, "sign.outDirNotDirectory", outDir);
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.ERROR, "sign.outDirNotWritable", outDir);
        }
        List<SigningBatch.Job> jobs = new ArrayList<>();
        for (Path file : files) {
            jobs.add(new SigningBatch.Job(file, outDir.resolve(file.getFileName())));
        }
        return jobs;
    }

    /** The {@code --tsa} value as an http(s) URL with a host. */
    static URI tsa(String tsa) {
        try {
            URI uri = new URI(tsa.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new URISyntaxException(tsa, "not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CliFailure(ExitCodes.ERROR, "sign.badTsa", tsa);
        }
    }
}
