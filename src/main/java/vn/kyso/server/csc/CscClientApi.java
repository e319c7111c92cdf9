package vn.kyso.server.csc;

import java.net.URI;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kyso.server.security.KysoUser;

/**
 * The admin's registry of systems that call the CSC API with client credentials (admin only, by
 * the API's rules: a change under {@code /api/v1/}). Errors are CSC-shaped, as the clients' are.
 */
@RestController
@RequestMapping("/api/v1/csc/clients")
@Tag(name = "csc", description = "Cloud Signature Consortium API v2 for remote-signing clients (docs/csc.md)")
class CscClientApi {

    private final CscClients clients;

    CscClientApi(CscClients clients) {
        this.clients = clients;
    }

    record Registration(String name) {
    }

    @Operation(summary = "Register a system (returns its client_secret once)")
    @PostMapping
    ResponseEntity<CscClients.Registered> register(@AuthenticationPrincipal KysoUser admin,
            @RequestBody Registration request) {
        CscClients.Registered registered = clients.register(admin.getUsername(), request.name());
        return ResponseEntity.created(URI.create("/api/v1/csc/clients/" + registered.clientId()))
                .cacheControl(CacheControl.noStore()).body(registered);
    }

    @Operation(summary = "The registered systems (never their secrets)")
    @GetMapping
    List<CscClients.Client> list() {
        return clients.list();
    }

    @Operation(summary = "Revoke a system: its secret and tokens stop working")
    @DeleteMapping("/{clientId}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal KysoUser admin, @PathVariable("clientId") String clientId) {
        clients.revoke(admin.getUsername(), clientId);
        return ResponseEntity.noContent().build();
    }
}
