package vn.kyso.server.trust;

import java.io.IOException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kyso.server.security.KysoUser;

/** Admin console: the verifier's trust anchors (add by upload, label, enable, disable, retire). */
@Controller
class TrustAnchorConsole {

    private final TrustAnchors anchors;

    TrustAnchorConsole(TrustAnchors anchors) {
        this.anchors = anchors;
    }

    @GetMapping("/admin/trust-anchors")
    String list(Model model) {
        model.addAttribute("anchors", anchors.all());
        return "admin/trust-anchors";
    }

    @PostMapping("/admin/trust-anchors")
    String add(@AuthenticationPrincipal KysoUser user, @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String label, @RequestParam(defaultValue = "false") boolean forSignatures,
            @RequestParam(defaultValue = "false") boolean forTimestamps, RedirectAttributes redirect) throws IOException {
        try {
            TrustAnchor added = anchors.add(user.getUsername(), file == null ? new byte[0] : file.getBytes(), label,
                    forSignatures, forTimestamps);
            done(redirect, "anchor.added", added.label());
        } catch (TrustAnchorException e) {
            failed(redirect, e);
        }
        return "redirect:/admin/trust-anchors";
    }

    @PostMapping("/admin/trust-anchors/{id}")
    String change(@AuthenticationPrincipal KysoUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String label, @RequestParam(defaultValue = "false") boolean forSignatures,
            @RequestParam(defaultValue = "false") boolean forTimestamps,
            @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
        try {
            TrustAnchor changed = anchors.update(user.getUsername(), id, label, forSignatures, forTimestamps, enabled);
            done(redirect, "anchor.changed", changed.label());
        } catch (TrustAnchorException e) {
            failed(redirect, e);
        }
        return "redirect:/admin/trust-anchors";
    }

    @PostMapping("/admin/trust-anchors/{id}/retire")
    String retire(@AuthenticationPrincipal KysoUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            TrustAnchor retired = anchors.retire(user.getUsername(), id);
            done(redirect, "anchor.retired", retired.label());
        } catch (TrustAnchorException e) {
            failed(redirect, e);
        }
        return "redirect:/admin/trust-anchors";
    }

    /** The console's flash messages, as the CA's pages show them (layout.html). */
    private static void done(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("notice", key);
        redirect.addFlashAttribute("noticeArgs", args);
    }

    private static void failed(RedirectAttributes redirect, TrustAnchorException e) {
        redirect.addFlashAttribute("failure", "problem.anchor." + e.code().name());
    }
}
