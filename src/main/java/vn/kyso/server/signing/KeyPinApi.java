package vn.kyso.server.signing;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kyso.server.security.KysoUser;

/** The holder's PIN over the API; who holds a key is decided by {@link KeyPins}. */
@RestController
@Tag(name = "signatures")
class KeyPinApi {

    private final KeyPins pins;

    KeyPinApi(KeyPins pins) {
        this.pins = pins;
    }

    /**
     * @param currentPin the PIN now (not needed for a key whose PIN was never chosen)
     * @param newPin     6 to 64 characters
     */
    record PinRequest(String currentPin, String newPin) {
        @Override
        public String toString() {
            return "PinRequest[***]";
        }
    }

    @GetMapping("/api/v1/signatures/keys")
    @Operation(summary = "The custody keys you hold (your own, and the agency keys you are a clerk of), "
            + "and whether each has its PIN (OFFICER)")
    List<KeyPins.HeldKey> held(@AuthenticationPrincipal KysoUser user) {
        return pins.heldBy(user);
    }

    @PutMapping(path = "/api/v1/signatures/keys/{serial}/pin", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Choose the PIN of a new custody key you hold, or change it with the current one (OFFICER)",
            description = "JSON {currentPin, newPin}. A key issued with custody has no PIN until its holder chooses one "
                    + "here; nobody else (no admin) can. Problems: 403 NOT_YOUR_CERTIFICATE / NOT_A_CLERK; "
                    + "400 INVALID_FIELD (newPin of 6 to 64 characters, currentPin required once a PIN is chosen); "
                    + "422 WRONG_PIN with attemptsLeft and 423 KEY_LOCKED (a wrong current PIN counts toward the lock, "
                    + "whose cure is a new key and certificate); 422 CERTIFICATE_REVOKED etc. for a certificate not valid.")
    Map<String, String> set(@AuthenticationPrincipal KysoUser user, @PathVariable("serial") String serial,
            @RequestBody PinRequest request) {
        KeyPins.Outcome outcome = pins.set(user, serial, KeyExportApi.chars(request.currentPin()),
                KeyExportApi.chars(request.newPin()));
        return Map.of("serial", serial, "outcome", outcome.name());
    }
}
