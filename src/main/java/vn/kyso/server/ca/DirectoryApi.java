package vn.kyso.server.ca;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kyso.ca.Agency;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.NewAgency;
import vn.kyso.ca.NewOfficer;
import vn.kyso.ca.NewUnit;
import vn.kyso.ca.Officer;
import vn.kyso.ca.Subscriber;
import vn.kyso.ca.SubscriberKind;
import vn.kyso.ca.Unit;
import vn.kyso.server.security.KysoUser;

/** Units (the province's agencies, districts, communes) and subscribers (officers, agencies). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "units and subscribers")
class DirectoryApi {

    private final CertificateAuthority ca;
    private final Clock clock;

    DirectoryApi(CertificateAuthority ca, Clock clock) {
        this.ca = ca;
        this.clock = clock;
    }

    /** The last day, and after a merger or rename the code of the unit that carries on (issue 14). */
    record UnitClosing(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastDay, String successorCode) {
    }

    record Revocation(String reason) {
    }

    /** A subscriber of either kind, flat for JSON clients. */
    record SubscriberView(long id, SubscriberKind kind, String name, String positionTitle, String cccd, String mst,
            String parentBody, String email, String unitCode, String unitName) {

        static SubscriberView of(Subscriber s) {
            if (s instanceof Officer o) {
                return new SubscriberView(o.id(), o.kind(), o.fullName(), o.positionTitle(), o.cccd(), null, null,
                        o.email(), o.unit().code(), o.unit().name());
            }
            Agency a = (Agency) s;
            return new SubscriberView(a.id(), a.kind(), a.name(), null, null, a.mst(), a.parentBody(), a.email(),
                    a.unit().code(), a.unit().name());
        }
    }

    @GetMapping("/units")
    @Operation(summary = "Units in effect on a day (default: today)")
    List<Unit> units(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return ca.units(date == null ? LocalDate.now(clock) : date);
    }

    @PostMapping("/units")
    @Operation(summary = "Add a unit (ADMIN)")
    ResponseEntity<Unit> addUnit(@AuthenticationPrincipal KysoUser user, @RequestBody NewUnit unit) {
        Unit added = ca.addUnit(user.getUsername(), unit);
        return ResponseEntity.created(URI.create("/api/v1/units/" + added.id())).body(added);
    }

    @PostMapping("/units/{id}/close")
    @Operation(summary = "End a unit's effective period (ADMIN); with successorCode, a merger into that unit")
    Unit closeUnit(@AuthenticationPrincipal KysoUser user, @PathVariable long id, @RequestBody UnitClosing closing) {
        return closing.successorCode() == null || closing.successorCode().isBlank()
                ? ca.closeUnit(user.getUsername(), id, closing.lastDay())
                : ca.mergeUnit(user.getUsername(), id, closing.lastDay(), closing.successorCode().trim());
    }

    @GetMapping("/subscribers")
    @Operation(summary = "Subscribers, optionally of one kind and one unit")
    List<SubscriberView> subscribers(@RequestParam(required = false) SubscriberKind kind,
            @RequestParam(required = false) Long unitId) {
        return ca.subscribers(kind, unitId).stream().map(SubscriberView::of).toList();
    }

    @GetMapping("/subscribers/{id}")
    SubscriberView subscriber(@PathVariable long id) {
        return SubscriberView.of(ca.subscriber(id));
    }

    @PostMapping("/subscribers/officers")
    @Operation(summary = "Register an officer (ADMIN)")
    ResponseEntity<SubscriberView> registerOfficer(@AuthenticationPrincipal KysoUser user,
            @RequestBody NewOfficer officer) {
        SubscriberView added = SubscriberView.of(ca.registerOfficer(user.getUsername(), officer));
        return ResponseEntity.created(URI.create("/api/v1/subscribers/" + added.id())).body(added);
    }

    @PostMapping("/subscribers/agencies")
    @Operation(summary = "Register an agency (ADMIN)")
    ResponseEntity<SubscriberView> registerAgency(@AuthenticationPrincipal KysoUser user,
            @RequestBody NewAgency agency) {
        SubscriberView added = SubscriberView.of(ca.registerAgency(user.getUsername(), agency));
        return ResponseEntity.created(URI.create("/api/v1/subscribers/" + added.id())).body(added);
    }

    @PostMapping("/subscribers/{id}/revoke-all")
    @Operation(summary = "Revoke every active or suspended certificate of a subscriber (ADMIN), e.g. an officer who leaves")
    List<CertificateView> revokeAll(@AuthenticationPrincipal KysoUser user, @PathVariable long id,
            @RequestBody Revocation revocation) {
        return ca.revokeAllOf(user.getUsername(), id, CertificateView.reason(revocation.reason())).stream()
                .map(CertificateView::of).toList();
    }
}
