package vn.kyso.server.signing;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kyso.ca.KeyActivation;
import vn.kyso.server.security.KysoUser;
import vn.kyso.server.signing.SigningRefusedException.Reason;

/**
 * Key activations over the API (the Cloud Signature Consortium's {@code credentials/authorize}):
 * the PIN once, then a token in place of the PIN for a bounded number of signatures. The token
 * is in the creation response only (never cacheable); the id names the activation afterwards.
 */
@RestController
@RequestMapping("/api/v1/signatures/activations")
@Tag(name = "signing", description = "Sign PDFs with your certificate held in kyso's key custody")
class ActivationApi {

    private final SigningActivations activations;

    ActivationApi(SigningActivations activations) {
        this.activations = activations;
    }

    /** What an activation is asked with: JSON body, or the same names as form fields. */
    record ActivationRequest(String certificate, String pin, Integer signatures, String ttl) {
        @Override
        public String toString() {
            return "ActivationRequest[certificate=" + certificate + ", signatures=" + signatures + ", ttl=" + ttl
                    + ", pin=***]";
        }
    }

    /** A new activation: the only time the token is shown. */
    record Created(long id, String token, String certificate, Instant expiresAt, int signaturesLeft) {
        @Override
        public String toString() {
            return "Created[id=" + id + ", certificate=" + certificate + "]";
        }
    }

    /** An activation as it stands (no token). */
    record State(long id, String certificate, Instant expiresAt, int signaturesLeft, boolean ended) {
        static State of(KeyActivation a) {
            return new State(a.id(), a.serialHex(), a.expiresAt(), a.signaturesLeft(), a.ended());
        }
    }

    @Operation(summary = "Activate your custody key with the PIN for a number of signatures",
            description = "JSON {certificate (serial hex; optional when you hold one valid certificate), pin, "
                    + "signatures, ttl (seconds or ISO-8601 like PT10M; default and maximum: "
                    + "kyso.signing.activation.max-lifetime)}. Returns 201 with the token: give it as the "
                    + "`activation` field or the Kyso-Activation header when signing, instead of the PIN. A wrong "
                    + "PIN counts toward the lock-out like any other.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Created> create(@AuthenticationPrincipal KysoUser user, @RequestBody ActivationRequest request) {
        return created(user, request);
    }

    @Operation(summary = "The same, with form fields (certificate, pin, signatures, ttl)")
    @PostMapping(consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE})
    ResponseEntity<Created> createFromForm(@AuthenticationPrincipal KysoUser user,
            @RequestParam(name = "certificate", required = false) String certificate,
            @RequestParam(name = "pin", required = false) String pin,
            @RequestParam(name = "signatures", required = false) Integer signatures,
            @RequestParam(name = "ttl", required = false) String ttl) {
        return created(user, new ActivationRequest(certificate, pin, signatures, ttl));
    }

    @Operation(summary = "One of your activations: signatures left, expiry, whether it was ended")
    @GetMapping("/{id}")
    State get(@AuthenticationPrincipal KysoUser user, @PathVariable("id") long id) {
        return State.of(activations.find(user, id));
    }

    @Operation(summary = "End one of your activations now (its token stops working)")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> end(@AuthenticationPrincipal KysoUser user, @PathVariable("id") long id) {
        activations.end(user, id);
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<Created> created(KysoUser user, ActivationRequest request) {
        KeyActivation a = activations.authorize(user, request.certificate(),
                request.pin() == null ? null : request.pin().toCharArray(), request.signatures(), ttl(request.ttl()));
        return ResponseEntity.created(URI.create("/api/v1/signatures/activations/" + a.id()))
                .cacheControl(CacheControl.noStore())
                .body(new Created(a.id(), a.token(), a.serialHex(), a.expiresAt(), a.signaturesLeft()));
    }

    static Duration ttl(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return t.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(t)) : Duration.parse(t);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new SigningRefusedException(Reason.INVALID_FIELD, "ttl is neither seconds nor ISO-8601", "ttl");
        }
    }
}
