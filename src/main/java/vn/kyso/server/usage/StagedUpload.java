package vn.kyso.server.usage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.web.multipart.MultipartFile;

import vn.kyso.usage.UsageException;

/**
 * Uploaded PDFs and zips copied to a private temporary folder, so ingestion can read them after
 * the request (for a background job) and zips can be opened by path. Each file sits in its own
 * numbered sub-folder under a safe version of the client's name (shown in the skipped list).
 */
final class StagedUpload implements AutoCloseable {

    private final Path folder;
    private final List<Path> files;

    private StagedUpload(Path folder, List<Path> files) {
        this.folder = folder;
        this.files = List.copyOf(files);
    }

    static StagedUpload of(List<MultipartFile> uploads, int maxFiles) {
        if (uploads == null || uploads.isEmpty() || uploads.size() > maxFiles) {
            throw new UsageException(UsageException.ErrorCode.INVALID_REQUEST, "send 1 to " + maxFiles + " files");
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("kyso-ingest-");
            List<Path> paths = new ArrayList<>();
            int i = 0;
            for (MultipartFile file : uploads) {
                Path dir = Files.createDirectory(folder.resolve(Integer.toString(i++)));
                Path path = dir.resolve(safeName(file.getOriginalFilename()));
                try (InputStream in = file.getInputStream()) {
                    Files.copy(in, path);
                }
                paths.add(path);
            }
            return new StagedUpload(folder, paths);
        } catch (IOException e) {
            delete(folder);
            throw new UncheckedIOException("cannot stage the uploaded files", e);
        }
    }

    List<Path> files() {
        return files;
    }

    static String safeName(String original) {
        String name = original == null ? "" : Path.of(original.replace('\\', '/')).getFileName() == null ? ""
                : Path.of(original.replace('\\', '/')).getFileName().toString();
        name = name.replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        return name.isBlank() || name.startsWith(".") ? "upload" + name + ".pdf" : name;
    }

    @Override
    public void close() {
        delete(folder);
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is cleaned by the OS; the answer matters more
        }
    }
}
