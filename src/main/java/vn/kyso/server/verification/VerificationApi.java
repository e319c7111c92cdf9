package vn.kyso.server.verification;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Public verification over the API: anyone may check a signed PDF (no account needed). */
@RestController
@Tag(name = "verification", description = "Verify the signatures of a PDF")
class VerificationApi {

    private final DocumentVerification verification;

    VerificationApi(DocumentVerification verification) {
        this.verification = verification;
    }

    @Operation(summary = "Verify every signature and document timestamp of a PDF",
            description = "Multipart field `file`. The JSON has the fields of the CLI's --format json.")
    @PostMapping(path = "/api/v1/verifications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    VerificationView verify(@RequestPart("file") MultipartFile file) throws java.io.IOException {
        return verification.verify(file.getOriginalFilename(), file.getBytes(), "API");
    }
}
