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

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kyso.usage.ImportResult;
import vn.kyso.usage.IngestResult;
import vn.kyso.usage.UsageException;
import vn.kyso.usage.UsageReports;

/**
 * Feeding the usage module by hand (AUDITOR and ADMIN): certificates of other CAs (PEM, DER,
 * PKCS#7 or CSV) and signed PDFs (one, many, or zips of them) whose signatures become SEEN
 * events. Bad files are listed as skipped, with the reason; the rest is counted.
 */
@RestController
@RequestMapping("/api/v1/usage")
@Tag(name = "usage")
class UsageApi {

    private final UsageReports usage;
    private final UsageProperties properties;

    UsageApi(UsageReports usage, UsageProperties properties) {
        this.usage = usage;
        this.properties = properties;
    }

    @PostMapping(path = "/certificates", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import certificates issued by other CAs into the usage inventory")
    ImportResult importCertificates(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String unit) throws IOException {
        if (unit != null && !unit.isBlank() && usage.unit(unit.trim()).isEmpty()) {
            throw new UsageException(UsageException.ErrorCode.UNKNOWN_UNIT, "no such unit");
        }
        return usage.importCertificates(file.getBytes(), unit == null || unit.isBlank() ? null : unit.trim());
    }

    @PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Ingest signed PDFs or zips of them: each signature found is counted once")
    IngestResult ingest(@RequestPart("files") List<MultipartFile> files) {
        if (files.isEmpty() || files.size() > properties.maxIngestFiles()) {
            throw new UsageException(UsageException.ErrorCode.INVALID_REQUEST,
                    "send 1 to " + properties.maxIngestFiles() + " files");
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("kyso-ingest-");
            List<Path> paths = new ArrayList<>();
            int i = 0;
            for (MultipartFile file : files) {
                // the client's name is shown in the skipped list; the file on disk gets a safe one
                Path dir = Files.createDirectory(folder.resolve(Integer.toString(i++)));
                Path path = dir.resolve(safeName(file.getOriginalFilename()));
                try (InputStream in = file.getInputStream()) {
                    Files.copy(in, path);
                }
                paths.add(path);
            }
            return usage.ingest(paths, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the uploaded files", e);
        } finally {
            delete(folder);
        }
    }

    static String safeName(String original) {
        String name = original == null ? "" : Path.of(original.replace('\\', '/')).getFileName() == null ? ""
                : Path.of(original.replace('\\', '/')).getFileName().toString();
        name = name.replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        return name.isBlank() || name.startsWith(".") ? "upload" + name + ".pdf" : name;
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
