package vn.kyso.server.signing.batch;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kyso.server.security.KysoUser;
import vn.kyso.server.signing.DocumentSigned.Channel;
import vn.kyso.server.signing.LayoutForm;
import vn.kyso.server.signing.SigningRefusedException;
import vn.kyso.server.signing.SigningStep;
import vn.kyso.signing.SigningException;

/**
 * The signing page's batch: when several files are chosen the page posts here (see
 * {@code js/batch.js}); the job starts and the page comes back with {@code ?batch=<id>}, shows
 * the progress from the event stream, and offers the zip at the end. A refusal comes back as the
 * page's message. The page follows the job through {@link BatchConsoleApi}.
 */
@Controller
@RequestMapping("/sign/batches")
class BatchConsole {

    private final BatchJobs jobs;
    private final MessageSource messages;

    BatchConsole(BatchJobs jobs, MessageSource messages) {
        this.jobs = jobs;
        this.messages = messages;
    }

    @PostMapping
    String start(@AuthenticationPrincipal KysoUser user, @RequestParam("file") List<MultipartFile> files,
            @RequestParam("pin") String pin, @RequestParam(name = "certificate", required = false) String certificate,
            @RequestParam(name = "level", required = false) String level,
            @RequestParam(name = "step", defaultValue = "SIGN") SigningStep step, @ModelAttribute LayoutForm layout,
            RedirectAttributes redirect, Locale locale) {
        String error;
        try {
            BatchView job = jobs.start(user, Channel.WEB, BatchApi.order(step, certificate, pin, level, layout),
                    BatchApi.uploads(files));
            return "redirect:/sign?batch=" + job.id();
        } catch (SigningRefusedException e) {
            error = messages.getMessage("problem.signing." + e.reason().name(), e.args(), locale);
        } catch (SigningException e) {
            error = messages.getMessage("problem.signing." + e.code().name(), null, locale);
        } catch (BatchException e) {
            error = messages.getMessage("problem.batch." + e.code().name(), null, locale);
        } catch (IllegalArgumentException e) {
            error = messages.getMessage("problem.http.INVALID_REQUEST", null, locale);
        }
        redirect.addFlashAttribute("error", error);
        return "redirect:/sign";
    }
}
