package vn.kyso.server.usage;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.kyso.usage.UsageException;

/**
 * The dashboard's upload form (console, session and CSRF; AUDITOR and ADMIN): the upload starts a
 * background ingestion and the browser is sent to its page, which refreshes itself while the job
 * runs (a progress bar: documents done of total, skipped so far), then lists what was recorded
 * and every skipped document with its reason. No script needed.
 */
@Controller
class IngestionPages {

    private final IngestionJobs jobs;
    private final UsageProperties properties;

    IngestionPages(IngestionJobs jobs, UsageProperties properties) {
        this.jobs = jobs;
        this.properties = properties;
    }

    @PostMapping("/reports/ingestions")
    String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
            java.security.Principal who) {
        List<MultipartFile> chosen = files == null ? List.of()
                : files.stream().filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null
                        && !f.getOriginalFilename().isBlank())).toList();
        if (chosen.isEmpty() || chosen.size() > properties.maxIngestFiles()) {
            model.addAttribute("failure", "usage.ingest.none");
            return "reports/ingestion";
        }
        return "redirect:/reports/ingestions/" + jobs.start(StagedUpload.of(chosen, properties.maxIngestFiles()),
                who.getName()).id();
    }

    @GetMapping("/reports/ingestions/{id}")
    String progress(@PathVariable String id, Model model) {
        try {
            model.addAttribute("job", jobs.status(id));
        } catch (UsageException e) {
            model.addAttribute("failure", "problem.usage." + e.code().name());
        }
        return "reports/ingestion";
    }
}
