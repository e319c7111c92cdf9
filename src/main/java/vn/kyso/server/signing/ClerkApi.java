package vn.kyso.server.signing;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kyso.server.security.KysoUser;

/** The admin names the clerks of an agency certificate and stores its seal image (ADMIN; reading: ADMIN, AUDITOR). */
@RestController
@RequestMapping("/api/v1/certificates/{serial}")
@Tag(name = "agency clerks", description = "Who may sign with an agency certificate, and its seal image")
class ClerkApi {

    private final AgencyClerks clerks;

    ClerkApi(AgencyClerks clerks) {
        this.clerks = clerks;
    }

    @Operation(summary = "The clerks (usernames) of an agency certificate")
    @GetMapping("/clerks")
    List<String> clerks(@PathVariable String serial) {
        return clerks.clerks(serial);
    }

    @Operation(summary = "Name an account as a clerk of an agency certificate")
    @PutMapping("/clerks/{username}")
    ResponseEntity<Void> add(@AuthenticationPrincipal KysoUser admin, @PathVariable String serial,
            @PathVariable String username) {
        clerks.addClerk(admin.getUsername(), serial, username);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Take a clerk's right to an agency certificate away")
    @DeleteMapping("/clerks/{username}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal KysoUser admin, @PathVariable String serial,
            @PathVariable String username) {
        clerks.removeClerk(admin.getUsername(), serial, username);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Store the agency's seal image (multipart image: transparent PNG; diameterMm, default 38)")
    @PutMapping("/seal")
    ResponseEntity<Void> seal(@AuthenticationPrincipal KysoUser admin, @PathVariable String serial,
            @RequestParam("image") MultipartFile image,
            @RequestParam(name = "diameterMm", defaultValue = "38") double diameterMm) {
        clerks.setSeal(admin.getUsername(), serial, LayoutForm.bytes(image), diameterMm);
        return ResponseEntity.noContent().build();
    }
}
