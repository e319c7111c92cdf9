package vn.kyso.server.verification;

import java.io.IOException;
import java.util.Comparator;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Public verification over the API: anyone may check a signed PDF (no account needed). */
@RestController
@Tag(name = "verification", description = "Verify the signatures of a PDF")
class VerificationApi {

    private final DocumentVerification verification;
    private final MessageSource messages;

    VerificationApi(DocumentVerification verification, MessageSource messages) {
        this.verification = verification;
        this.messages = messages;
    }

    @Operation(summary = "Verify every signature and document timestamp of a PDF, or give the version a signature signed",
            description = "Multipart field `file`. The JSON has the fields of the CLI's --format json. "
                    + "`format=pdf` (or `Accept: application/pdf`) answers the report as a PDF to download, "
                    + "in Vietnamese or English (`lang=en`). `signedVersion=N` answers instead the exact bytes "
                    + "that signature N (1-based, as `signatures` numbers them) signed, as a PDF "
                    + "(400 INVALID_FIELD when the document has no signature N).")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = VerificationView.class)),
            @Content(mediaType = MediaType.APPLICATION_PDF_VALUE) })
    @PostMapping(path = "/api/v1/verifications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> verify(@RequestPart("file") MultipartFile file,
            @Parameter(description = "json (default) or pdf") @RequestParam(name = "format", required = false) String format,
            @Parameter(description = "N: answer the bytes signature N signed") @RequestParam(name = "signedVersion",
                    required = false) Integer signedVersion,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, Locale locale) throws IOException {
        if (signedVersion != null) {
            return signedVersion(verification, file.getBytes(), signedVersion);
        }
        boolean pdf = wantsPdf(format, accept);
        VerificationView report = verification.verify(file.getOriginalFilename(), file.getBytes(), "API");
        if (pdf) {
            return VerificationPage.pdf(report, messages, locale);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    /** The bytes signature {@code number} signed, as a PDF attachment; 400 when there is no such signature. */
    static ResponseEntity<byte[]> signedVersion(DocumentVerification verification, byte[] pdf, int number) {
        byte[] signed;
        try {
            signed = verification.signedVersion(pdf, number);
        } catch (vn.kyso.signing.SigningException e) {
            if (e.code() != vn.kyso.signing.SigningException.ErrorCode.INVALID_REQUEST) {
                throw e;
            }
            throw new vn.kyso.server.signing.SigningRefusedException(
                    vn.kyso.server.signing.SigningRefusedException.Reason.INVALID_FIELD, e.getMessage(), "signedVersion");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                        .filename("signed-version-" + number + ".pdf").build().toString())
                .body(signed);
    }

    /**
     * {@code format} decides when given; otherwise the Accept header's most preferred of JSON and
     * PDF (JSON when it names neither, or names both equally).
     */
    static boolean wantsPdf(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> false;
                case "pdf" -> true;
                default -> throw new IllegalArgumentException("format must be json or pdf");
            };
        }
        if (accept == null || accept.isBlank()) {
            return false;
        }
        return MediaType.parseMediaTypes(accept).stream()
                .filter(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON) || t.isCompatibleWith(MediaType.APPLICATION_PDF))
                .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
                .findFirst()
                .map(t -> t.getSubtype().equals("pdf"))
                .orElse(false);
    }
}
