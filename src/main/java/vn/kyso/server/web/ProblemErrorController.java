package vn.kyso.server.web;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Errors that happen outside a REST controller (security's 401/403, unknown paths, uploads over
 * the limit, filters) end here: browsers get the console's error page, every other client an
 * RFC 9457 problem. Never an exception text or stack trace.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private final Problems problems;
    private final LocaleResolver locales;

    ProblemErrorController(Problems problems, LocaleResolver locales) {
        this.problems = problems;
        this.locales = locales;
    }

    @RequestMapping(value = "${server.error.path:/error}", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, Model model, jakarta.servlet.http.HttpServletResponse response) {
        HttpStatusCode status = status(request);
        response.setStatus(status.value());
        ProblemDetail problem = problem(request, status);
        model.addAttribute("problem", problem);
        model.addAttribute("status", status.value());
        return "error";
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatusCode status = status(request);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(request, status));
    }

    private ProblemDetail problem(HttpServletRequest request, HttpStatusCode status) {
        Locale locale = locales.resolveLocale(request);
        Object code = request.getAttribute(Problems.CODE_ATTRIBUTE);
        ProblemDetail problem;
        if (code instanceof String named && named.indexOf(':') > 0) {
            int colon = named.indexOf(':');
            problem = problems.of(status, named.substring(0, colon), named.substring(colon + 1), locale);
        } else {
            problem = problems.ofStatus(status, locale);
        }
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            try {
                problem.setInstance(URI.create(uri));
            } catch (IllegalArgumentException unusual) {
                // a path that is no URI reference: leave the instance out rather than fail the error page
            }
        }
        return problem;
    }

    private static HttpStatusCode status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value && value >= 400 && value < 600) {
            return HttpStatusCode.valueOf(value);
        }
        if (code == null) {
            return HttpStatus.NOT_FOUND; // GET /error asked for directly: there is no error to show (issue 13)
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
