package vn.kyso.server.ca;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.NewAgency;
import vn.kyso.ca.NewOfficer;
import vn.kyso.ca.NewUnit;
import vn.kyso.ca.SubscriberKind;
import vn.kyso.server.security.KysoUser;

/** Admin console: units, subscribers, and the audit log with its chain check. */
@Controller
class DirectoryConsole {

    private final CertificateAuthority ca;
    private final Clock clock;

    DirectoryConsole(CertificateAuthority ca, Clock clock) {
        this.ca = ca;
        this.clock = clock;
    }

    @GetMapping("/admin/units")
    String units(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        model.addAttribute("units", ca.units(day));
        model.addAttribute("date", day);
        return "admin/units";
    }

    @PostMapping("/admin/units")
    String addUnit(@AuthenticationPrincipal KysoUser user, @RequestParam String code, @RequestParam String name,
            @RequestParam String kind, @RequestParam(required = false) String parentCode,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
            RedirectAttributes redirect) {
        try {
            ca.addUnit(user.getUsername(), new NewUnit(code, name, kind,
                    parentCode == null || parentCode.isBlank() ? null : parentCode, validFrom));
            ConsoleMessages.done(redirect, "ca.unitAdded", code);
        } catch (CaException e) {
            ConsoleMessages.failed(redirect, e);
        }
        return "redirect:/admin/units";
    }

    @GetMapping("/admin/subscribers")
    String subscribers(@RequestParam(required = false) SubscriberKind kind, Model model) {
        model.addAttribute("subscribers", ca.subscribers(kind, null).stream().map(DirectoryApi.SubscriberView::of)
                .toList());
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", SubscriberKind.values());
        model.addAttribute("units", ca.units(LocalDate.now(clock)));
        return "admin/subscribers";
    }

    @PostMapping("/admin/subscribers/officers")
    String addOfficer(@AuthenticationPrincipal KysoUser user, @RequestParam String fullName,
            @RequestParam String positionTitle, @RequestParam String cccd, @RequestParam String email,
            @RequestParam String unitCode, RedirectAttributes redirect) {
        try {
            long id = ca.registerOfficer(user.getUsername(), new NewOfficer(fullName, positionTitle, cccd, email,
                    unitCode)).id();
            ConsoleMessages.done(redirect, "ca.subscriberAdded", fullName, id);
        } catch (CaException e) {
            ConsoleMessages.failed(redirect, e);
        }
        return "redirect:/admin/subscribers";
    }

    @PostMapping("/admin/subscribers/agencies")
    String addAgency(@AuthenticationPrincipal KysoUser user, @RequestParam String name, @RequestParam String parentBody,
            @RequestParam String mst, @RequestParam(required = false) String email, @RequestParam String unitCode,
            RedirectAttributes redirect) {
        try {
            long id = ca.registerAgency(user.getUsername(), new NewAgency(name, parentBody, mst,
                    email == null || email.isBlank() ? null : email, unitCode)).id();
            ConsoleMessages.done(redirect, "ca.subscriberAdded", name, id);
        } catch (CaException e) {
            ConsoleMessages.failed(redirect, e);
        }
        return "redirect:/admin/subscribers";
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "false") boolean verify,
            Model model) {
        model.addAttribute("entries", ca.auditLog(Math.max(0, after), 100));
        model.addAttribute("after", after);
        if (verify) {
            model.addAttribute("verification", ca.verifyAuditChain());
        }
        return "admin/audit";
    }
}
