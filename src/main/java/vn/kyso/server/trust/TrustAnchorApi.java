package vn.kyso.server.trust;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kyso.server.security.KysoUser;

/** The verifier's trust anchors over the API: admins change them, auditors read them. */
@RestController
@RequestMapping("/api/v1/trust-anchors")
@Tag(name = "trust anchors")
class TrustAnchorApi {

    private final TrustAnchors anchors;

    TrustAnchorApi(TrustAnchors anchors) {
        this.anchors = anchors;
    }

    /**
     * A new anchor as JSON.
     *
     * @param certificate the certificate in PEM, or its DER in base64
     */
    record NewAnchor(String label, String certificate, Boolean forSignatures, Boolean forTimestamps) {
    }

    /** Label, uses and whether it is trusted now. */
    record AnchorChange(String label, Boolean forSignatures, Boolean forTimestamps, Boolean enabled) {
    }

    @GetMapping
    @Operation(summary = "Every trust anchor, retired ones too (ADMIN, AUDITOR)")
    List<TrustAnchor> all() {
        return anchors.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One trust anchor")
    TrustAnchor one(@PathVariable long id) {
        return anchors.get(id);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add a trust anchor from an uploaded certificate, PEM or DER (ADMIN)")
    ResponseEntity<TrustAnchor> upload(@AuthenticationPrincipal KysoUser user, @RequestPart("file") MultipartFile file,
            @RequestParam String label, @RequestParam(defaultValue = "true") boolean forSignatures,
            @RequestParam(defaultValue = "true") boolean forTimestamps) throws IOException {
        return created(anchors.add(user.getUsername(), file.getBytes(), label, forSignatures, forTimestamps));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a trust anchor from JSON: the certificate in PEM or base64 DER (ADMIN)")
    ResponseEntity<TrustAnchor> add(@AuthenticationPrincipal KysoUser user, @RequestBody NewAnchor anchor) {
        return created(anchors.add(user.getUsername(), bytes(anchor.certificate()), anchor.label(),
                !Boolean.FALSE.equals(anchor.forSignatures()), !Boolean.FALSE.equals(anchor.forTimestamps())));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an anchor's label and uses, enable or disable it (ADMIN)")
    TrustAnchor change(@AuthenticationPrincipal KysoUser user, @PathVariable long id, @RequestBody AnchorChange change) {
        TrustAnchor now = anchors.get(id);
        return anchors.update(user.getUsername(), id, change.label() == null ? now.label() : change.label(),
                change.forSignatures() == null ? now.forSignatures() : change.forSignatures(),
                change.forTimestamps() == null ? now.forTimestamps() : change.forTimestamps(),
                change.enabled() == null ? now.enabled() : change.enabled());
    }

    @PostMapping("/{id}/retire")
    @Operation(summary = "Retire an anchor for good: no instance trusts it any more (ADMIN)")
    TrustAnchor retire(@AuthenticationPrincipal KysoUser user, @PathVariable long id) {
        return anchors.retire(user.getUsername(), id);
    }

    private static ResponseEntity<TrustAnchor> created(TrustAnchor anchor) {
        return ResponseEntity.created(URI.create("/api/v1/trust-anchors/" + anchor.id())).body(anchor);
    }

    /** PEM text as it is; otherwise base64 DER; anything else is left for the parser to refuse. */
    private static byte[] bytes(String certificate) {
        if (certificate == null) {
            return new byte[0];
        }
        if (certificate.contains("-----BEGIN")) {
            return certificate.getBytes(StandardCharsets.US_ASCII);
        }
        try {
            return Base64.getMimeDecoder().decode(certificate);
        } catch (IllegalArgumentException e) {
            return certificate.getBytes(StandardCharsets.UTF_8);
        }
    }
}
