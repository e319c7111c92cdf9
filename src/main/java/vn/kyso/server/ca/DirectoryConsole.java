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
import vn.kyso.ca.ResultPage;
import vn.kyso.ca.Subscriber;
import vn.kyso.ca.SubscriberKind;
import vn.kyso.server.security.KysoUser;

/** Admin console: units, subscribers, and the audit log with its chain check. */
@Controller
class DirectoryConsole {

    /** The kinds of the bundled unit lists (named in the messages as {@code ca.unitKind.<kind>}). */
    static final java.util.List<String> UNIT_KINDS = java.util.List.of("province", "district", "commune", "agency");

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
        model.addAttribute("unitKinds", UNIT_KINDS);
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
    String subscribers(@RequestParam(required = false) String q, @RequestParam(required = false) SubscriberKind kind,
            @RequestParam(defaultValue = "0") int offset, Model model) {
        SubscriberFilter filter = new SubscriberFilter(q, kind, offset);
        ResultPage<Subscriber> page = ca.findSubscribers(filter.search());
        model.addAttribute("subscribers", page.items().stream().map(DirectoryApi.SubscriberView::of).toList());
        model.addAttribute("result", page);
        model.addAttribute("filter", filter);
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
            // the new person is shown at once, not somewhere among hundreds
            return "redirect:" + new SubscriberFilter(cccd, null, 0).pageUrl(0);
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
            return "redirect:" + new SubscriberFilter(mst, null, 0).pageUrl(0);
        } catch (CaException e) {
            ConsoleMessages.failed(redirect, e);
        }
        return "redirect:/admin/subscribers";
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "false") boolean verify,
            Model model) {
        AuditPage.Filter filter = new AuditPage.Filter(action, actor, from, to, offset);
        model.addAttribute("filter", filter);
        model.addAttribute("actions", ca.auditActions());
        try {
            ResultPage<vn.kyso.ca.AuditEntry> page = ca.auditLog(filter.toCa(), AuditPage.SIZE, filter.offset());
            model.addAttribute("result", page);
            model.addAttribute("entries", page.items().stream().map(AuditPage.Row::of).toList());
        } catch (CaException e) {
            model.addAttribute("failure", "ca.audit.badFilter");
            model.addAttribute("result", new ResultPage<>(java.util.List.of(), 0, 0, AuditPage.SIZE));
            model.addAttribute("entries", java.util.List.of());
        }
        if (verify) {
            model.addAttribute("verification", ca.verifyAuditChain());
        }
        return "admin/audit";
    }
}
