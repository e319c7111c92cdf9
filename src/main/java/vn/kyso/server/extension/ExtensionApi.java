package vn.kyso.server.extension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.SigningException;

/**
 * {@code POST /api/v1/extensions}: raises a signed PDF (signed by anyone) to B-LT or B-LTA with
 * kyso's OCSP/CRL and TSA, or renews the archive timestamp of a B-LTA document. The document is
 * held in temporary files for the request only.
 */
@RestController
@RequestMapping("/api/v1/extensions")
@Tag(name = "signing", description = "Sign PDFs with your certificate held in kyso's key custody")
class ExtensionApi {

    private final PdfSigner signer;

    ExtensionApi(PdfSigner signer) {
        this.signer = signer;
    }

    @Operation(summary = "Extend a signed PDF to B-LT or B-LTA (again on B-LTA: renew the archive timestamp)",
            description = "multipart/form-data: file (the signed PDF), level (LT or LTA; default LTA). Returns the "
                    + "extended PDF; its signatures are untouched (incremental save).")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> extend(@RequestParam("file") MultipartFile file,
            @RequestParam(name = "level", required = false) String level) {
        PadesLevel target = level(level);
        Path in = null;
        Path out = null;
        try {
            in = Files.createTempFile("kyso-extend-", ".pdf");
            out = Files.createTempFile("kyso-extended-", ".pdf");
            file.transferTo(in);
            LongTermExtension.extend(signer, in, out, target);
            String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "extended.pdf"
                    : file.getOriginalFilename();
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(name, StandardCharsets.UTF_8).build().toString())
                    .body(Files.readAllBytes(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(in);
            delete(out);
        }
    }

    private static PadesLevel level(String level) {
        String l = level == null || level.isBlank() ? "LTA" : level.strip().toUpperCase(Locale.ROOT);
        return switch (l) {
            case "LT", "B-LT" -> PadesLevel.B_LT;
            case "LTA", "B-LTA" -> PadesLevel.B_LTA;
            default -> throw new SigningException(SigningException.ErrorCode.INVALID_REQUEST,
                    "level must be LT or LTA");
        };
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans its temp folder
            }
        }
    }
}
