package vn.kyso.server.signing;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kyso.server.security.KysoUser;

/**
 * The owner's one PKCS#12 export of a custody key over the API. Who may call it is decided in
 * the security rules (OFFICER) and in {@link KeyExports} (the certificate's owner only).
 */
@RestController
@Tag(name = "certificates")
class KeyExportApi {

    static final MediaType PKCS12 = MediaType.parseMediaType("application/x-pkcs12");

    private final KeyExports exports;

    KeyExportApi(KeyExports exports) {
        this.exports = exports;
    }

    /**
     * @param pin            the custody key's PIN
     * @param exportPassword protects the file (at least 8 characters); kyso keeps no copy
     */
    record Pkcs12Request(String pin, String exportPassword) {
        @Override
        public String toString() {
            return "Pkcs12Request[***]";
        }
    }

    @Operation(summary = "Export your custody key once, as a PKCS#12 file (OFFICER, the certificate's owner)",
            description = "JSON {pin, exportPassword (at least 8 characters)}. Returns the key with its certificate "
                    + "and the CA chain, protected by exportPassword. Allowed once per key, when the key was issued "
                    + "with allowExport and kyso.ca.custody.export-allowed is on. Problems: 404 UNKNOWN_CERTIFICATE; "
                    + "403 NOT_YOUR_CERTIFICATE (another's certificate; an admin cannot export an officer's key); "
                    + "409 NO_CUSTODY_KEY, EXPORT_NOT_ALLOWED, ALREADY_EXPORTED, INVALID_STATUS (not active): "
                    + "refused before the PIN is tried; 422 WRONG_PIN with attemptsLeft and 423 KEY_LOCKED, as when "
                    + "signing (a wrong PIN counts toward the same lock-out); 400 INVALID_FIELD.",
            responses = @ApiResponse(responseCode = "200", description = "the PKCS#12 file",
                    content = @Content(mediaType = "application/x-pkcs12",
                            schema = @Schema(type = "string", format = "binary"))))
    @PostMapping(path = "/api/v1/certificates/{serial}/pkcs12", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> export(@AuthenticationPrincipal KysoUser user, @PathVariable("serial") String serial,
            @RequestBody Pkcs12Request request) {
        return download(exports.export(user, serial, chars(request.pin()), chars(request.exportPassword())));
    }

    /** The file as a download that no cache keeps (also for the console). */
    static ResponseEntity<byte[]> download(KeyExports.Exported exported) {
        return ResponseEntity.ok().contentType(PKCS12)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(exported.serialHex() + ".p12").build().toString())
                .body(exported.pkcs12());
    }

    static char[] chars(String secret) {
        return secret == null ? null : secret.toCharArray();
    }
}
